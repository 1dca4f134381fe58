import type { Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { formatNit } from '../../src/domain/nit.js';
import { screenshot } from '../helpers/browser.js';
import { browserTest } from '../helpers/e2e.js';
import { aJourneyAgenda, fillInTheAttendee, JOURNEY_PROCEDURE } from '../helpers/journey-agenda.js';

// 10 December 2026 is the deadline of NITs ending in 1 (tax calendar data); its in-person places in
// Medellín are all reserved for them, so the public sees that day full.
const NOW = '2026-12-09T12:00:00Z'; // 07:00 in Bogotá
const DEADLINE = '2026-12-10';
const DUE = '800200301';
const FOLDER = 'journey-deadline-nit-js-desktop';

/** The journey's agenda, with every in-person place of the deadline day reserved for it. */
async function aDeadlineDay(db: Kysely<DB>): Promise<void> {
  await aJourneyAgenda(db, [DEADLINE, '2026-12-11']);
  await db
    .updateTable('slots')
    .set((eb) => ({ reserved: eb.ref('capacity') }))
    .where('local_date', '=', DEADLINE)
    .where('office_code', '=', '11')
    .execute();
}

const test = browserTest({ now: NOW, seed: aDeadlineDay });

describe('the booking journey with a NIT on its deadline day, in a real browser', () => {
  test('gives a NIT, takes a reserved place and confirms it, with no NIT in any address', async ({
    page,
    server,
    database,
    audit,
    scriptErrors,
  }) => {
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    const step = async (name: string) => {
      await screenshot(page, FOLDER, name);
      await audit.check(page, name);
    };
    const submit = async (name: string | RegExp) =>
      Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
    const deadlineDay = () => page.getByRole('link', { name: /10 de diciembre de 2026/ });

    await page.goto(`${server.url}/reservar/dias?tramite=${JOURNEY_PROCEDURE}&canal=presencial&oficina=11`);
    expect(await deadlineDay().count()).toBe(0);
    await step('01-days-without-nit');

    const field = page.getByLabel('NIT (si hoy o en los próximos días vence su declaración)');
    expect(await field.isVisible()).toBe(false);
    await page.getByText('¿Vence hoy o en los próximos días su declaración?').click();
    await step('02-days-nit-field');
    await field.fill(`${formatNit(DUE).slice(0, -1)}0`);
    await submit('Ver cupos con mi NIT');
    expect(await page.getByRole('alert').textContent()).toContain('El dígito de verificación no corresponde');
    await step('03-days-wrong-check-digit');

    await page.getByLabel('NIT (si hoy o en los próximos días vence su declaración)').fill(formatNit(DUE));
    await submit('Ver cupos con mi NIT');
    await page.waitForURL(/\/reservar\/dias\?/);
    expect(await page.getByText('Incluye cupos reservados para su fecha de vencimiento.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Quitar NIT' }).count()).toBe(1);
    await step('04-days-with-nit');

    await Promise.all([page.waitForNavigation(), deadlineDay().click()]);
    await page.waitForURL(/\/reservar\/horas\?/);
    expect(await page.getByText('Incluye cupos reservados para su fecha de vencimiento.').count()).toBe(1);
    await step('05-times-with-nit');
    await page.getByRole('radio', { name: /9:00/ }).check();
    await submit('Reservar este horario');

    await page.waitForURL(/\/reservar\/datos\?reserva=/);
    expect(await page.getByText(`reservado para el NIT ${formatNit(DUE)}`, { exact: false }).count()).toBe(1);
    await step('06-data-reserved');
    await page.getByRole('radio', { name: /persona natural/ }).check();
    // A natural person's NIT is their cédula: the place is theirs when the document number is that NIT.
    await fillInTheAttendee(page, DUE);
    await submit('Continuar');

    await page.waitForURL(/\/reservar\/consentimiento\?reserva=/);
    await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
    await submit('Continuar');
    await page.waitForURL(/\/reservar\/revisar\?reserva=/);
    await submit('Confirmar la cita');
    await page.waitForURL(/\/reservar\/confirmacion\?reserva=/);
    await step('07-confirmation');
    const code = ((await page.locator('#confirmation-code').textContent()) ?? '').trim();

    const booked = await database.db
      .selectFrom('appointments')
      .select(['status', 'reserved'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(booked).toEqual({ status: 'booked', reserved: true });
    expect(addresses.length).toBeGreaterThan(10);
    expect(addresses.filter((a) => a.includes(DUE) || a.includes(formatNit(DUE)))).toEqual([]);
    expect(scriptErrors).toEqual([]);
    expect(audit.found()).toEqual([]);
  });
});
