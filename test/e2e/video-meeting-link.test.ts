import type { Browser, Page } from 'playwright-core';
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
const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;

/** Issue #18: a person who books a video call is given the address of the call, as a link. */
describe('the video call link a person is given, in a real browser', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const clock = new TestClock(new Date(NOW));
  const audited = new Map<string, AxeViolation[]>();
  let documentSequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await serveApp(database, clock.now);
    await aJourneyAgenda(database.db, ['2026-12-02', '2026-12-03']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  async function continueButton(page: Page, name = 'Continuar') {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  }

  async function check(page: Page, name: string) {
    await screenshot(page, 'video-link', name);
    audited.set(name, await wcagViolations(page));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  }

  /** Orientación tributaria → Videoatención → a time → data → consent → confirmation. */
  async function bookByVideo(page: Page): Promise<{ code: string; documentNumber: string }> {
    await page.goto(`${server.url}/reservar`);
    await page.getByRole('radio', { name: /Orientación tributaria/ }).check();
    await continueButton(page);
    await page.getByRole('radio', { name: /Videoatención/ }).check();
    await continueButton(page);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /3 de diciembre de 2026/ }).click(),
    ]);
    await page.getByRole('radio', { name: /10:30/ }).first().check();
    await continueButton(page, 'Reservar este horario');
    documentSequence += 1;
    const documentNumber = String(1_030_000_000 + process.pid * 10 + documentSequence);
    await page.getByRole('radio', { name: /persona natural/ }).check();
    await page.getByLabel('Tipo de documento de quien asiste').selectOption('CC');
    await page.getByLabel('Número de documento').fill(documentNumber);
    await page.getByLabel('Nombres').fill('Ana Lucía');
    await page.getByLabel('Apellidos').fill('Restrepo Gómez');
    await page.getByLabel('Correo electrónico').fill('ana.restrepo@example.com');
    await page.getByLabel('Celular o teléfono fijo').fill('300 123 4567');
    await continueButton(page);
    await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
    await continueButton(page);
    await continueButton(page, 'Confirmar la cita');
    await page.waitForURL(/\/reservar\/confirmacion\?reserva=/);
    const code = ((await page.locator('#confirmation-code').textContent()) ?? '').trim();
    return { code, documentNumber };
  }

  async function meetingUrlOf(code: string): Promise<string> {
    const row = await database.db
      .selectFrom('appointments')
      .select('video_room')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.video_room).toMatch(/^[0-9a-f]{32}$/);
    return `https://meet.jit.si/${row.video_room}`;
  }

  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
    'shows the link on the confirmation and in Gestionar cita at the %s size',
    async (size) => {
      const context = await browser.newContext({ viewport: VIEWPORTS[size], locale: 'es-CO' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const { code, documentNumber } = await bookByVideo(page);
      const url = await meetingUrlOf(code);

      const confirmation = page.getByRole('link', { name: url });
      await expect(confirmation.getAttribute('href')).resolves.toBe(url);
      expect(await confirmation.isVisible()).toBe(true);
      await check(page, `${size}-confirmation`);

      await page.goto(`${server.url}/gestionar`);
      await page.getByLabel('Código de confirmación').fill(code);
      await page.getByLabel('Número de documento').fill(documentNumber);
      await continueButton(page, 'Buscar la cita');
      await page.waitForURL(/\/gestionar\/cita/);
      const managed = page.getByRole('link', { name: url });
      await expect(managed.getAttribute('href')).resolves.toBe(url);
      expect(await managed.isVisible()).toBe(true);
      await check(page, `${size}-manage`);
      await context.close();
    },
  );

  it('found no WCAG 2.1 AA violations on those pages', () => {
    expect(audited.size).toBe(4);
    expect([...audited].filter(([, v]) => v.length > 0)).toEqual([]);
  });
});
