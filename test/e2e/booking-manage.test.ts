import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { screenshot } from '../helpers/browser.js';
import { browserTest } from '../helpers/e2e.js';
import { aJourneyAgenda, JOURNEY_PROCEDURE } from '../helpers/journey-agenda.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const PROCEDURE = JOURNEY_PROCEDURE;

interface Focused {
  tag: string;
  type: string;
  name: string;
  value: string;
  text: string;
  checked: boolean;
}

const test = browserTest({ now: NOW, seed: (db) => aJourneyAgenda(db, ['2026-12-02', '2026-12-03']) });

describe('keyboard, mistakes, calendar file and Gestionar cita in a real browser', () => {
  const focused = (page: Page): Promise<Focused> =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        type: el?.type ?? '',
        name: el?.getAttribute('name') ?? '',
        value: el?.value ?? '',
        text: (el?.textContent ?? '').trim(),
        checked: el?.checked ?? false,
      };
    });

  /** Presses Tab until the focused element is the one wanted (keyboard only, as a person would). */
  async function tabTo(page: Page, wanted: (f: Focused) => boolean, limit = 200): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (wanted(await focused(page))) return;
    }
    throw new Error(`Tab never reached the element (last: ${JSON.stringify(await focused(page))})`);
  }

  /** In a radio group, arrow keys move and choose until the wanted value is checked. */
  async function arrowTo(page: Page, value: string, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const f = await focused(page);
      if (f.value === value && f.checked) return;
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`arrow keys never reached ${value}`);
  }

  async function pressEnterAndWait(page: Page) {
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  }

  const isButton = (label: string) => (f: Focused) => f.tag === 'button' && f.text === label;

  test('books a video appointment with the keyboard alone', async ({ page, server }) => {
    await page.goto(`${server.url}/reservar`);
    await tabTo(page, (f) => f.name === 'tramite');
    await arrowTo(page, PROCEDURE);
    await tabTo(page, isButton('Continuar'));
    await pressEnterAndWait(page);

    await tabTo(page, (f) => f.name === 'canal');
    await arrowTo(page, 'video');
    await tabTo(page, isButton('Continuar'));
    await pressEnterAndWait(page);

    await page.waitForURL(/\/reservar\/dias\?/);
    await tabTo(page, (f) => f.tag === 'a' && f.text.startsWith('2'));
    await pressEnterAndWait(page);

    await page.waitForURL(/\/reservar\/horas\?/);
    await tabTo(page, (f) => f.name === 'horario');
    await page.keyboard.press('Space');
    await tabTo(page, isButton('Reservar este horario'));
    await pressEnterAndWait(page);

    await page.waitForURL(/\/reservar\/datos\?/);
    await tabTo(page, (f) => f.name === 'applicant.personType');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.name === 'applicant.documentType');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).value).toBe('CC');
    const fields: [string, string][] = [
      ['applicant.documentNumber', '1020304050'],
      ['applicant.firstName', 'Teclado'],
      ['applicant.lastName', 'Sin Ratón'],
      ['applicant.email', 'teclado@example.com'],
      ['applicant.phone', '3001234567'],
    ];
    for (const [name, text] of fields) {
      await tabTo(page, (f) => f.name === name);
      await page.keyboard.type(text);
    }
    await tabTo(page, isButton('Continuar'));
    await pressEnterAndWait(page);

    await page.waitForURL(/\/reservar\/consentimiento\?/);
    await tabTo(page, (f) => f.name === 'consent.accepted');
    await page.keyboard.press('Space');
    await tabTo(page, isButton('Continuar'));
    await pressEnterAndWait(page);

    await page.waitForURL(/\/reservar\/revisar\?/);
    await tabTo(page, isButton('Confirmar la cita'));
    await pressEnterAndWait(page);
    await page.waitForURL(/\/reservar\/confirmacion\?/);
    expect(((await page.locator('#confirmation-code').textContent()) ?? '').trim()).toMatch(/^[A-Z2-9]{10}$/);
    // Shift+Tab goes back through the page as well.
    const before = await focused(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).tag).toBe(before.tag);
  });

  test('shows the error summary and field messages for mistakes, keeping what was typed', async ({
    open,
    server,
    audit,
  }) => {
    const page = await open({ viewport: 'phone' });
    await page.goto(
      `${server.url}/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-02`,
    );
    await page.getByRole('radio', { name: /8:00/ }).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Reservar este horario' }).click(),
    ]);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
    const summary = page.getByRole('alert');
    expect(await summary.textContent()).toContain('Hay un problema');
    expect(await summary.textContent()).toContain('Escriba sus nombres');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await audit.check(page, 'data with empty fields');
    await screenshot(page, 'journey-errors', 'empty-phone');

    await page.getByRole('radio', { name: /persona jurídica/ }).check();
    await page.getByLabel('NIT de la empresa').fill('800.197.268-5');
    await page.getByLabel('Razón social').fill('Comercializadora Andina S.A.S.');
    await page.getByLabel('Tipo de documento de quien asiste').selectOption('CC');
    await page.getByLabel('Número de documento').fill('52123456');
    await page.getByLabel('Nombres').fill('Ana Lucía');
    await page.getByLabel('Apellidos').fill('Restrepo');
    await page.getByLabel('Correo electrónico').fill('ana.restrepo@correo');
    await page.getByLabel('Celular o teléfono fijo').fill('300 123 4567');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
    const text = (await page.getByRole('alert').textContent()) ?? '';
    expect(text).toContain('El dígito de verificación no corresponde a ese NIT');
    expect(text).toContain('Escriba un correo electrónico válido');
    expect(text).not.toContain('Escriba sus nombres');
    expect(await page.getByLabel('NIT de la empresa').inputValue()).toBe('800.197.268-5');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe('ana.restrepo@correo');
    expect(await page.getByLabel('Nombres').inputValue()).toBe('Ana Lucía');
    expect(await page.getByLabel('Correo electrónico').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByRole('alert')
      .getByRole('link', { name: /dígito de verificación/ })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-applicant-nit');
    await audit.check(page, 'data with a wrong NIT and e-mail');
    await screenshot(page, 'journey-errors', 'nit-email-phone');
    // No WCAG 2.1 AA violations on these pages.
    expect(audit.pages.size).toBe(2);
    expect(audit.found()).toEqual([]);
  });

  test('books, downloads the .ics (parsed by ical.js), then reschedules and cancels in Gestionar cita', async ({
    page,
    server,
    database,
    audit,
  }) => {
    await page.goto(
      `${server.url}/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-02`,
    );
    await page.getByRole('radio', { name: /9:00/ }).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Reservar este horario' }).click(),
    ]);
    await page.getByRole('radio', { name: /persona natural/ }).check();
    await page.getByLabel('Tipo de documento de quien asiste').selectOption('CE');
    await page.getByLabel('Número de documento').fill('987654');
    await page.getByLabel('Nombres').fill('Jean-Pierre');
    await page.getByLabel('Apellidos').fill('Dupont');
    await page.getByLabel('Correo electrónico').fill('jp@example.com');
    await page.getByLabel('Celular o teléfono fijo').fill('601 234 5678');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
    await page.getByRole('checkbox', { name: /Autorizo/ }).check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Confirmar la cita' }).click(),
    ]);
    const code = ((await page.locator('#confirmation-code').textContent()) ?? '').trim();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Descargar la cita/ }).click(),
    ]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const component = new ICAL.Component(ICAL.parse(text));
    const zone = component.getFirstSubcomponent('vtimezone');
    if (zone) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(component.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-02T14:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('America/Bogota');
    expect(event.location).toContain('Calle 44 # 52-165');
    expect(download.suggestedFilename()).toBe(`cita-${code}.ics`);

    await page.getByRole('link', { name: 'Versión para imprimir' }).waitFor();
    await page.goto(`${server.url}/gestionar`);
    await audit.check(page, 'manage look-up');
    await screenshot(page, 'journey-manage', '01-lookup');
    await page.getByLabel('Código de confirmación').fill(code);
    await page.getByLabel('Número de documento').fill('987654');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Buscar la cita' }).click(),
    ]);
    await page.waitForURL(/\/gestionar\/cita$/);
    await audit.check(page, 'manage details');
    await screenshot(page, 'journey-manage', '02-details');

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Cambiar la fecha o la hora' }).click(),
    ]);
    await page.waitForURL(/\/reservar\/dias\?.*cambio=1/);
    await audit.check(page, 'reschedule days');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /3 de diciembre de 2026/ }).click(),
    ]);
    await audit.check(page, 'reschedule times');
    await page.getByRole('radio', { name: /10:00/ }).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Elegir este horario' }).click(),
    ]);
    await page.waitForURL(/\/gestionar\/cambiar\?/);
    await audit.check(page, 'reschedule confirm');
    await screenshot(page, 'journey-manage', '03-reschedule');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Cambiar la cita' }).click(),
    ]);
    await page.waitForURL(/\/gestionar\/cita\?aviso=cambiada$/);
    expect(await page.getByRole('status').textContent()).toContain('Su cita cambió');
    const moved = await database.db
      .selectFrom('appointments')
      .select(['code', 'status', 'starts_at'])
      .where('rescheduled_from_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(moved.starts_at.toISOString()).toBe('2026-12-03T15:00:00.000Z');

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Cancelar la cita' }).click(),
    ]);
    await audit.check(page, 'cancel confirm');
    await screenshot(page, 'journey-manage', '04-cancel');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Sí, cancelar la cita' }).click(),
    ]);
    await page.waitForURL(/aviso=cancelada$/);
    expect(await page.getByRole('status').textContent()).toContain('quedó cancelada');
    await audit.check(page, 'manage after cancel');
    await screenshot(page, 'journey-manage', '05-cancelled');
    const after = await database.db
      .selectFrom('appointments')
      .select('status')
      .where('code', '=', moved.code)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('cancelled');
    // No WCAG 2.1 AA violations on these pages.
    expect(audit.pages.size).toBe(7);
    expect(audit.found()).toEqual([]);
  });

  test('with CAPTCHA on: the widget is on the times page, and without JavaScript the hold still works', async ({
    serveWith,
    open,
    page,
    database,
    audit,
  }) => {
    const { url } = await serveWith({ captcha: true });
    const times = `${url}/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-03`;
    await page.goto(times);
    expect(await page.locator('altcha-widget').count()).toBe(1);
    // The widget comes from this app, and its element is defined (the script ran under the CSP).
    await page.waitForFunction(() => customElements.get('altcha-widget') !== undefined);
    await audit.check(page, 'times with the proof-of-work widget');
    await screenshot(page, 'journey-captcha', 'times-js');
    // With JavaScript the widget solves the challenge on submit, and the hold redeems that proof.
    const redeemed = async () =>
      Number(
        (
          await database.db
            .selectFrom('pow_redemptions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await redeemed();
    await page.getByRole('radio', { name: /9:00/ }).check();
    await page.getByRole('button', { name: 'Reservar este horario' }).click();
    await page.waitForURL(/\/reservar\/datos\?reserva=/, { timeout: 60_000 });
    expect(await redeemed()).toBe(before + 1);

    const noScript = await open({ viewport: 'phone', scripts: 'off' });
    await noScript.goto(times);
    await noScript.getByRole('radio', { name: /8:00/ }).check();
    await Promise.all([
      noScript.waitForNavigation(),
      noScript.getByRole('button', { name: 'Reservar este horario' }).click(),
    ]);
    await noScript.waitForURL(/\/reservar\/datos\?reserva=/);
    await screenshot(noScript, 'journey-captcha', 'data-nojs');
    // No WCAG 2.1 AA violations on this page.
    expect(audit.pages.size).toBe(1);
    expect(audit.found()).toEqual([]);
  });
});
