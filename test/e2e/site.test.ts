import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../helpers/app.js';
import {
  type AxeViolation,
  launchChromium,
  screenshot,
  serveApp,
  wcagViolations,
} from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

/** Every page of the micro-site (the booking journey has its own test). */
const PAGES: readonly [string, string][] = [
  ['home', '/'],
  ['when-needed', '/cuando-necesito-cita'],
  ['catalogue', '/tramites'],
  ['catalogue-search', '/tramites?q=rut&categoria=tributario'],
  ['procedure', '/tramites/rut-pj'],
  ['procedure-online', '/tramites/copia-rut'],
  ['channels', '/canales'],
  ['help', '/ayuda'],
  ['kiosks', '/puntos-de-autoservicio'],
  ['kiosks-city', '/puntos-de-autoservicio?ciudad=76520'],
  ['privacy', '/privacidad'],
  ['not-found', '/tramites/no-existe'],
  // Linked from the micro-site, built with the booking alerts and the data-subject rights.
  ['alerts', '/alertas'],
  ['my-data', '/mis-datos'],
];

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

const BUDGET_BYTES = 60 * 1024;

describe('citizen micro-site in a real browser', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Requests that left the app's origin, from any page. */
  const outside: string[] = [];
  /** Each page's URLs as the browser fetched them (document, stylesheet, scripts, icon). */
  const fetched = new Map<string, Set<string>>();
  const audited = new Map<string, AxeViolation[]>();

  /**
   * A page at one size. `scripts`: 'on' (JavaScript runs), 'off' (the browser runs none: how the page
   * really behaves without JavaScript) or 'blocked' (the app's scripts are refused but the browser can
   * still run axe-core, which cannot work where JavaScript is off: the same document as 'off', checked).
   */
  async function open(viewport: keyof typeof VIEWPORTS, scripts: 'on' | 'off' | 'blocked'): Promise<Page> {
    const context = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      javaScriptEnabled: scripts !== 'off',
    });
    contexts.push(context);
    if (scripts === 'blocked') await context.route('**/assets/js/**', (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) outside.push(request.url());
    });
    return page;
  }

  /** Loads a path, noting every URL it needed, and checks it with axe. */
  async function visit(page: Page, label: string, path: string, audit: boolean): Promise<number> {
    const urls = new Set<string>();
    const listener = (request: { url(): string }) => urls.add(request.url());
    page.on('request', listener);
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    page.off('request', listener);
    fetched.set(path, new Set([...(fetched.get(path) ?? []), ...urls]));
    if (audit) audited.set(label, await wcagViolations(page));
    return response?.status() ?? 0;
  }

  /** What the page weighs on the wire: the gzip size of everything it loaded. */
  async function transferredBytes(urls: Iterable<string>): Promise<number> {
    let total = 0;
    for (const url of urls) {
      const res = await server.app.inject({
        method: 'GET',
        url: url.slice(server.url.length),
        headers: { 'accept-encoding': 'gzip' },
      });
      total += res.rawPayload.length;
    }
    return total;
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await serveApp(database, new TestClock().now);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  const mainHtml = new Map<string, string>();

  /**
   * Every page in one combination, with a screenshot. The content of `main` must be the same in every
   * combination: the scripts only enhance.
   */
  async function renderAll(
    viewport: keyof typeof VIEWPORTS,
    scripts: 'on' | 'off' | 'blocked',
    audit: boolean,
    pages: readonly (readonly [string, string])[] = PAGES,
  ) {
    const page = await open(viewport, scripts);
    const mode = `${viewport}-${scripts === 'on' ? 'js' : 'nojs'}`;
    for (const [name, path] of pages) {
      const status = await visit(page, `${mode} ${name}`, path, audit);
      expect(status, path).toBe(name === 'not-found' ? 404 : 200);
      // The anti-forgery token differs per visitor; everything else must not.
      const main = (await page.locator('main').innerHTML()).replace(
        /name="_csrf" value="[^"]*"/g,
        'name="_csrf"',
      );
      const before = mainHtml.get(path);
      if (before === undefined) mainHtml.set(path, main);
      else expect(main, `${mode} ${path}`).toBe(before);
      if (scripts !== 'off') {
        const root = await page.evaluate(() => document.documentElement.className);
        expect(root, path).toBe(scripts === 'on' ? 'js-enabled' : '');
      }
      await screenshot(page, 'site', `${mode}-${name}`);
    }
  }

  // In halves, so each test stays well inside its time limit on a busy machine (axe takes seconds a page).
  const HALVES = [PAGES.slice(0, 7), PAGES.slice(7)] as const;
  for (const [i, pages] of HALVES.entries()) {
    it(`passes axe at a phone size without the scripts (pages, part ${i + 1})`, async () => {
      await renderAll('phone', 'blocked', true, pages);
    });
    it(`passes axe at a desktop size with JavaScript (pages, part ${i + 1})`, async () => {
      await renderAll('desktop', 'on', true, pages);
    });
  }

  it('renders the same pages at a phone size with JavaScript and at a desktop size with JavaScript off', async () => {
    await renderAll('phone', 'on', false);
    await renderAll('desktop', 'off', false);
  });

  it('keeps every page under 60 KB transferred and asks nothing of other origins', async () => {
    expect(outside).toEqual([]);
    for (const [, path] of PAGES) {
      const urls = fetched.get(path) ?? new Set();
      expect(
        [...urls].some((u) => u.includes('/assets/css/site.css')),
        path,
      ).toBe(true);
      const bytes = await transferredBytes(urls);
      expect(bytes, path).toBeGreaterThan(1000);
      expect(bytes, path).toBeLessThan(BUDGET_BYTES);
    }
  });

  it('searches the catalogue and the kiosks with plain forms, without JavaScript', async () => {
    const page = await open('phone', 'off');
    await page.goto(`${server.url}/tramites`);
    await page.getByLabel('Buscar un trámite').fill('firma electronica');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.waitForURL(/\/tramites\?q=firma\+electronica/);
    const titles = await page.locator('.card-title').allTextContents();
    expect(titles).toContain('Generar o renovar la firma electrónica');
    expect(titles.some((t) => t.startsWith('Firma electrónica'))).toBe(true);
    expect(titles.length).toBeLessThan(10);
    expect(await page.getByLabel('Buscar un trámite').inputValue()).toBe('firma electronica');
    await page
      .getByRole('link', { name: /^Firma electrónica/ })
      .first()
      .click();
    await page.waitForURL(/\/tramites\/[a-z-]+$/);
    const book = page.getByRole('link', { name: /^Pedir cita/ });
    expect(await book.getAttribute('href')).toMatch(/^\/reservar\?tramite=/);

    await page.goto(`${server.url}/puntos-de-autoservicio`);
    await page.getByLabel('Ciudad').selectOption('76001');
    await page.getByRole('button', { name: 'Buscar puntos' }).click();
    await page.waitForURL(/ciudad=76001/);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(
      'Puntos de autoservicio en Cali',
    );
    expect(await page.getByRole('heading', { name: 'Cámara de Comercio de Cali' }).count()).toBe(1);
    await screenshot(page, 'site', 'phone-nojs-kiosk-search');
  });

  it('shows in the footer a contact line changed in site_texts, and starts with the skip link', async () => {
    const page = await open('desktop', 'on');
    await database.db
      .insertInto('site_texts')
      .values({
        key: 'contacto.telefono',
        locale: 'es',
        value: 'Línea de prueba: (601) 555 0199, 7:00 a 21:00.',
      })
      .execute();
    await page.goto(`${server.url}/canales`);
    const footer = page.getByRole('contentinfo');
    expect(await footer.textContent()).toContain('Línea de prueba: (601) 555 0199, 7:00 a 21:00.');
    expect(await footer.textContent()).not.toContain('(601) 307 8064, lunes a viernes de 8:00 a 19:00');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Saltar al contenido principal',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenido');

    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(/\/canales$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Attention channels');
    audited.set('channels in English', await wcagViolations(page));
    await screenshot(page, 'site', 'desktop-js-channels-en');
    await database.db.deleteFrom('site_texts').execute();
  });

  it('found no WCAG 2.1 A/AA violations on any page', () => {
    expect(audited.size).toBe(PAGES.length * 2 + 1);
    const found = [...audited].filter(([, v]) => v.length > 0);
    expect(found).toEqual([]);
  });
});
