import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { screenshot } from '../helpers/browser.js';
import { type Audit, browserTest, type ServedApp, type Viewport } from '../helpers/e2e.js';
import { aJourneyAgenda, fillInTheAttendee } from '../helpers/journey-agenda.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
/** This journey's sizes: the phone is a small one. */
const SIZES: Record<'phone' | 'desktop', Viewport> = { phone: 'smallPhone', desktop: 'desktop' };

const test = browserTest({ now: NOW, seed: (db) => aJourneyAgenda(db, ['2026-12-02', '2026-12-03']) });
let documentSequence = 0;

async function continueButton(page: Page, name = 'Continuar') {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

async function check(audit: Audit, page: Page, name: string) {
  await screenshot(page, 'video-link', name);
  await audit.check(page, name);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Orientación tributaria → Videoatención → a time → data → consent → confirmation. */
async function bookByVideo(server: ServedApp, page: Page): Promise<{ code: string; documentNumber: string }> {
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
  await fillInTheAttendee(page, documentNumber);
  await continueButton(page);
  await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
  await continueButton(page);
  await continueButton(page, 'Confirmar la cita');
  await page.waitForURL(/\/reservar\/confirmacion\?reserva=/);
  const code = ((await page.locator('#confirmation-code').textContent()) ?? '').trim();
  return { code, documentNumber };
}

/** Issue #18: a person who books a video call is given the address of the call, as a link. */
describe('the video call link a person is given, in a real browser', () => {
  test.for(['phone', 'desktop'] as const)(
    'shows the link on the confirmation and in Gestionar cita at the %s size',
    async (size, { open, server, database, audit }) => {
      const page = await open({ viewport: SIZES[size] });
      const { code, documentNumber } = await bookByVideo(server, page);
      const row = await database.db
        .selectFrom('appointments')
        .select('video_room')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      expect(row.video_room).toMatch(/^[0-9a-f]{32}$/);
      const url = `https://meet.jit.si/${row.video_room}`;

      const confirmation = page.getByRole('link', { name: url });
      await expect(confirmation.getAttribute('href')).resolves.toBe(url);
      expect(await confirmation.isVisible()).toBe(true);
      await check(audit, page, `${size}-confirmation`);

      await page.goto(`${server.url}/gestionar`);
      await page.getByLabel('Código de confirmación').fill(code);
      await page.getByLabel('Número de documento').fill(documentNumber);
      await continueButton(page, 'Buscar la cita');
      await page.waitForURL(/\/gestionar\/cita/);
      const managed = page.getByRole('link', { name: url });
      await expect(managed.getAttribute('href')).resolves.toBe(url);
      expect(await managed.isVisible()).toBe(true);
      await check(audit, page, `${size}-manage`);
      // No WCAG 2.1 AA violations on those pages.
      expect(audit.pages.size).toBe(2);
      expect(audit.found()).toEqual([]);
    },
  );
});
