import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { test } from 'vitest';
import { type Config, testConfig } from '../../src/config.js';
import type { DB } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { aStaffMember, codeAt, type TestStaff } from './admin.js';
import { TestClock } from './app.js';
import { type AxeViolation, launchChromium, screenshot, serveApp, wcagViolations } from './browser.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { consent } from './factories.js';

/**
 * The one fixture of the browser tests: a file gets a database, the app served on a port with a clock
 * and a Chromium; each test gets pages at the sizes it asks for, an axe audit of its own, and (for the
 * back office) a signed-in staff member. Everything is closed by the fixture, whatever the test did.
 *
 *     const test = browserTest({ now: NOW, seed: (db) => aJourneyAgenda(db, DAYS) });
 *     test('books by video', async ({ open, server, audit }) => {
 *       const page = await open({ viewport: 'phone' });
 *       await page.goto(`${server.url}/reservar`);
 *       await audit.check(page, 'procedure');
 *       …
 *       expect(audit.found()).toEqual([]);
 *     });
 *
 * The database, the app and the browser are the file's; a test must not count on what another test of
 * the file did with them (run it with `--sequence.shuffle`, or alone with `-t`): it makes what it needs,
 * with data no other test touches. The clock is back at `now` when each test starts.
 */

/** The sizes the pages are checked at: a small phone, a common phone, a desktop. */
export const VIEWPORTS = {
  smallPhone: { width: 360, height: 740 },
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type Viewport = keyof typeof VIEWPORTS;

export interface PageOptions {
  viewport?: Viewport;
  /**
   * 'on' (JavaScript runs), 'off' (the browser runs none: how the page behaves without JavaScript) or
   * 'blocked' (the app's own scripts are refused, but axe-core, which needs JavaScript, can still run: the
   * same document as 'off', checked).
   */
  scripts?: 'on' | 'off' | 'blocked';
}

export interface Scene<Seeded> {
  /** The instant the app's clock shows when each test starts (the host's time at the start by default). */
  now?: string | Date;
  /** Data the whole file only reads, put in once before the app starts; its result is `seeded`. */
  seed?: (db: Kysely<DB>, clock: TestClock) => Promise<Seeded>;
}

export interface ServedApp {
  app: App;
  url: string;
}

/** The WCAG 2.1 A/AA checks of one test: each page checked, under a name, with what axe found there. */
export class Audit {
  readonly pages = new Map<string, AxeViolation[]>();

  async check(page: Page, name: string): Promise<void> {
    this.pages.set(name, await wcagViolations(page));
  }

  /** Checks the page and leaves a screenshot of it for a person to look at (SCREENSHOT_DIR/<folder>/). */
  async checkWithScreenshot(page: Page, folder: string, name: string): Promise<void> {
    await screenshot(page, folder, name.replace(/\s+/g, '-'));
    await this.check(page, name);
  }

  /** The pages that had violations, with them: `[]` when every page checked passed. */
  found(): [string, AxeViolation[]][] {
    return [...this.pages].filter(([, v]) => v.length > 0);
  }
}

interface FileFixtures<Seeded> {
  clock: TestClock;
  database: TestDatabase;
  seeded: Seeded;
  server: ServedApp;
  browser: Browser;
}

interface TestFixtures {
  /** Puts the clock back at the scene's `now` before each test (automatic). */
  startAtNow: undefined;
  /** A new page in a browser context of its own (cookies, language), closed when the test ends. */
  open: (options?: PageOptions) => Promise<Page>;
  /** A desktop page with JavaScript, for tests that need only one. */
  page: Page;
  audit: Audit;
  /** Script errors of every page the test opened (the enhancements must never break a page). */
  scriptErrors: string[];
  /** Requests of the test's pages that left the app's origin. */
  requestsElsewhere: string[];
  /** Signs a staff member in through the forms: password, then (when the account has one) a TOTP code. */
  signIn: (page: Page, staff: TestStaff) => Promise<void>;
  /** A national administrator with TOTP, signed in on a desktop page of its own. */
  admin: { staff: TestStaff; page: Page };
  /** The same app with other settings, on the same database and clock, served until the test ends. */
  serveWith: (overrides: Partial<Config>) => Promise<ServedApp>;
}

export function browserTest<Seeded = undefined>(scene: Scene<Seeded> = {}) {
  const start = new Date(scene.now ?? new Date());
  return test.extend<{ $file: FileFixtures<Seeded>; $test: TestFixtures }>({
    clock: [
      // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixtures a fixture needs from this pattern
      async ({}, use) => {
        await use(new TestClock(start));
      },
      { scope: 'file' },
    ],
    database: [
      // biome-ignore lint/correctness/noEmptyPattern: as above
      async ({}, use) => {
        const database = await createTestDatabase('pglite');
        await use(database);
        await database.destroy();
      },
      { scope: 'file' },
    ],
    seeded: [
      async ({ database, clock }, use) => {
        await use((await scene.seed?.(database.db, clock)) as Seeded);
      },
      { scope: 'file' },
    ],
    server: [
      async ({ database, clock, seeded: _ }, use) => {
        const served = await serveApp(database, clock.now);
        await use({ app: served.app, url: served.url });
        await served.close();
      },
      { scope: 'file' },
    ],
    browser: [
      // biome-ignore lint/correctness/noEmptyPattern: as above
      async ({}, use) => {
        const browser = await launchChromium();
        await use(browser);
        await browser.close();
      },
      { scope: 'file' },
    ],

    startAtNow: [
      async ({ clock }, use) => {
        clock.set(start);
        await use(undefined);
      },
      { auto: true },
    ],
    // biome-ignore lint/correctness/noEmptyPattern: as above
    scriptErrors: async ({}, use) => {
      await use([]);
    },
    // biome-ignore lint/correctness/noEmptyPattern: as above
    requestsElsewhere: async ({}, use) => {
      await use([]);
    },
    open: async ({ browser, server, scriptErrors, requestsElsewhere }, use) => {
      const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
      await use(async ({ viewport = 'desktop', scripts = 'on' } = {}) => {
        const context = await browser.newContext({
          viewport: VIEWPORTS[viewport],
          javaScriptEnabled: scripts !== 'off',
          locale: 'es-CO',
        });
        contexts.push(context);
        if (scripts === 'blocked') await context.route('**/assets/js/**', (route) => route.abort());
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
        page.on('request', (request) => {
          if (!request.url().startsWith(server.url)) requestsElsewhere.push(request.url());
        });
        return page;
      });
      for (const context of contexts) await context.close();
    },
    page: async ({ open }, use) => {
      await use(await open());
    },
    // biome-ignore lint/correctness/noEmptyPattern: as above
    audit: async ({}, use) => {
      await use(new Audit());
    },
    signIn: async (
      { server, clock }: { server: ServedApp; clock: TestClock },
      use: (signIn: TestFixtures['signIn']) => Promise<void>,
    ) => {
      await use(async (page, staff) => {
        await page.goto(`${server.url}/admin/ingreso`);
        await page.getByLabel('Correo electrónico').fill(staff.email);
        await page.getByLabel('Contraseña').fill(staff.password);
        await page.getByRole('button', { name: 'Ingresar' }).click();
        if (staff.totpSecret) {
          await page.waitForURL(/\/admin\/ingreso\/codigo$/);
          // Each code is accepted once: the clock moves a step so the code is a fresh one.
          clock.advance(30_000);
          await page.getByLabel('Código de 6 dígitos').fill(codeAt(staff.totpSecret, clock.now()));
          await page.getByRole('button', { name: 'Verificar' }).click();
        }
        await page.waitForURL(/\/admin$/);
      });
    },
    admin: async ({ database, open, signIn }, use) => {
      const staff = await aStaffMember(database.db, { role: 'admin_nacional' });
      const page = await open();
      await signIn(page, staff);
      await use({ staff, page });
    },
    serveWith: async ({ database, clock }, use) => {
      const apps: App[] = [];
      await use(async (overrides) => {
        const app = await buildApp({ config: testConfig(overrides), database, clock: clock.now });
        apps.push(app);
        return { app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
      });
      for (const app of apps) await app.close();
    },
  });
}

/**
 * Books a place through the citizen API, as a program would (hold, then confirm with the applicant's
 * consent); returns the appointment's code.
 */
export async function bookThroughApi(
  url: string,
  {
    slotId,
    applicant,
    procedure = 'orientacion-tributaria',
    channel = 'presencial',
  }: { slotId: number; applicant: Record<string, string>; procedure?: string; channel?: string },
): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const held = await post('/api/v1/holds', { slotId, procedure, channel });
  if (held.status !== 201) throw new Error(`hold refused: ${held.status} ${await held.text()}`);
  const { holdId } = (await held.json()) as { holdId: string };
  const confirmed = await post(`/api/v1/holds/${holdId}/confirm`, { applicant, consent });
  if (confirmed.status !== 201)
    throw new Error(`confirmation refused: ${confirmed.status} ${await confirmed.text()}`);
  return ((await confirmed.json()) as { code: string }).code;
}
