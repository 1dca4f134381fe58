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
import { aJourneyAgenda } from '../helpers/journey-agenda.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const PROCEDURE_NAME = /Orientación tributaria/;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

type Variant = 'place' | 'date' | 'video' | 'juridica';

let documentSequence = 0;
function nextDocument(): string {
  documentSequence += 1;
  return String(1_020_000_000 + process.pid * 10 + documentSequence);
}

describe('the booking journey in a real browser', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const clock = new TestClock(new Date(NOW));
  /** Every page checked with axe, and what it found there. */
  const audited = new Map<string, AxeViolation[]>();
  /** Pages whose context runs JavaScript (axe can only run there). */
  const withScripts = new WeakSet<Page>();
  /** Script errors of any page (the enhancements must never break a page). */
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await serveApp(database, clock.now);
    await aJourneyAgenda(database.db, ['2026-12-02', '2026-12-03', '2026-12-04']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  async function open(
    js: boolean,
    viewport: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      javaScriptEnabled: js,
      viewport,
      locale: 'es-CO',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    if (js) withScripts.add(page);
    page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
    return { context, page };
  }

  /**
   * Leaves a screenshot of the page and checks it with axe. axe runs inside the page, so it needs
   * JavaScript: the pages without it are the very same HTML, checked in the runs with it.
   */
  async function step(page: Page, folder: string, name: string) {
    await screenshot(page, folder, name);
    if (withScripts.has(page)) {
      audited.set(`${folder}/${name}`, await wcagViolations(page));
    }
  }

  async function continueButton(page: Page) {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
  }

  /** From /reservar to the confirmation code, checking and photographing every page on the way. */
  async function journey(
    page: Page,
    variant: Variant,
    folder: string,
  ): Promise<{ code: string; documentNumber: string }> {
    await page.goto(`${server.url}/reservar`);
    await step(page, folder, '01-procedure');
    await page.getByRole('radio', { name: PROCEDURE_NAME }).check();
    await continueButton(page);

    await step(page, folder, '02-channel');
    await page.getByRole('radio', { name: variant === 'video' ? /Videoatención/ : /Presencial/ }).check();
    await continueButton(page);

    if (variant !== 'video') {
      await step(page, folder, '03-search-mode');
      await page.getByRole('radio', { name: variant === 'date' ? 'Por fecha' : 'Por lugar' }).check();
      await continueButton(page);
    }
    if (variant === 'place' || variant === 'juridica') {
      await step(page, folder, '04-place-department');
      await page.getByLabel('Departamento').selectOption('05');
      await continueButton(page);
      await page.getByLabel('Ciudad o municipio').selectOption('05001');
      await continueButton(page);
      await step(page, folder, '05-place-office');
      await page.getByLabel('Oficina').selectOption('11');
      await continueButton(page);
    }

    await page.waitForURL(/\/reservar\/dias\?/);
    await step(page, folder, '06-days');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /3 de diciembre de 2026/ }).click(),
    ]);

    await page.waitForURL(/\/reservar\/horas\?/);
    await step(page, folder, '07-times');
    const time = variant === 'video' ? /10:30/ : /9:00/;
    await page.getByRole('radio', { name: time }).first().check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Reservar este horario' }).click(),
    ]);

    await page.waitForURL(/\/reservar\/datos\?reserva=/);
    expect(await page.getByText(/Guardamos este horario para usted hasta las/).count()).toBe(1);
    await step(page, folder, '08-data');
    const documentNumber = nextDocument();
    if (variant === 'juridica') {
      await page.getByRole('radio', { name: /persona jurídica/ }).check();
      await page.getByLabel('NIT de la empresa').fill('800.197.268-4');
      await page.getByLabel('Razón social').fill('Comercializadora Andina S.A.S.');
    } else {
      await page.getByRole('radio', { name: /persona natural/ }).check();
    }
    await page.getByLabel('Tipo de documento de quien asiste').selectOption('CC');
    await page.getByLabel('Número de documento').fill(documentNumber);
    await page.getByLabel('Nombres').fill('Ana Lucía');
    await page.getByLabel('Apellidos').fill('Restrepo Gómez');
    await page.getByLabel('Correo electrónico').fill('ana.restrepo@example.com');
    await page.getByLabel('Celular o teléfono fijo').fill('300 123 4567');
    await continueButton(page);

    await page.waitForURL(/\/reservar\/consentimiento\?reserva=/);
    await step(page, folder, '09-consent');
    await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
    await continueButton(page);

    await page.waitForURL(/\/reservar\/revisar\?reserva=/);
    await step(page, folder, '10-review');
    const review = (await page.locator('main').textContent()) ?? '';
    expect(review).toContain('Ana Lucía Restrepo Gómez');
    if (variant === 'juridica') expect(review).toContain('Comercializadora Andina S.A.S.');
    expect(await page.getByRole('link', { name: /^Cambiar/ }).count()).toBeGreaterThanOrEqual(8);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Confirmar la cita' }).click(),
    ]);

    await page.waitForURL(/\/reservar\/confirmacion\?reserva=/);
    await step(page, folder, '11-confirmation');
    expect(page.url()).not.toContain(documentNumber);
    const code = ((await page.locator('#confirmation-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('(hora de Bogotá)');
    expect(main).toContain(variant === 'video' ? 'Enlace de la videollamada' : 'Calle 44 # 52-165');
    return { code, documentNumber };
  }

  const runs: [Variant, boolean, 'phone' | 'desktop'][] = [
    ['place', true, 'phone'],
    ['place', false, 'desktop'],
    ['date', false, 'phone'],
    ['date', true, 'desktop'],
    ['video', true, 'phone'],
    ['video', false, 'desktop'],
    ['juridica', false, 'phone'],
    ['juridica', true, 'desktop'],
  ];

  it.each(runs)('books by %s with JavaScript %s at the %s viewport', async (variant, js, size) => {
    const { context, page } = await open(js, size === 'phone' ? PHONE : DESKTOP);
    const folder = `journey-${variant}-${js ? 'js' : 'nojs'}-${size}`;
    const { code } = await journey(page, variant, folder);
    const row = await database.db
      .selectFrom('appointments')
      .select(['status', 'channel'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'booked', channel: variant === 'video' ? 'video' : 'presencial' });
    await context.close();
  });

  it('found no WCAG 2.1 AA violations on any page of the journeys, and no script errors', () => {
    expect(scriptErrors).toEqual([]);
    expect(audited.size).toBeGreaterThanOrEqual(30);
    const found = [...audited].filter(([, v]) => v.length > 0);
    expect(found).toEqual([]);
  });
});
