import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import type { TestDatabase } from './db.js';

/** Shared by every browser test: Chromium from Debian, the app in-process, axe-core checks. */

/** The flags a sandboxed CI container needs, and nothing that phones home. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser is a person's device, with a clock of its own: when CI runs the suite with the host clock
 * moved (libfaketime, see .ci/run), Chromium keeps the real time. Under libfaketime it would also take
 * about a minute to start.
 */
function browserEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME'),
    ),
  );
}

export function launchChromium(): Promise<Browser> {
  const executablePath = inject('chromium') ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: ARGS, headless: true, env: browserEnvironment() });
}

/** The whole app in this process, on a free port of the loopback interface. */
export async function serveApp(
  database: TestDatabase,
  clock: () => Date,
): Promise<{ app: App; url: string; close(): Promise<void> }> {
  const app = await buildApp({ config: testConfig(), database, clock });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: address, close: () => app.close() };
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** WCAG 2.1 A and AA violations axe-core finds on the page as it is now (Resolución MinTIC 1519). */
export async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Where browser tests leave their screenshots for a person to look at (not committed). */
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** A full-page screenshot named after the test step, in SCREENSHOT_DIR/<folder>/<name>.png. */
export async function screenshot(page: Page, folder: string, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${folder}/${name}.png`, fullPage: true });
}
