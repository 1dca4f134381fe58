import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatNit } from '../../src/domain/nit.js';
import { POLICY_VERSION } from '../../src/domain/privacy-policy.js';
import type { App } from '../../src/http/types.js';
import { AdminBrowser, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, slotCounts } from '../helpers/factories.js';

// 10 December 2026 is the 7th business day of the month: NITs ending in 1 fall due (tax calendar data),
// those ending in 2 the day after.
const NOW = '2026-12-09T12:00:00Z'; // 07:00 in Bogotá
const DEADLINE = '2026-12-10';
const PROCEDURE = 'orientacion-tributaria';
const DUE = '800200301';
const NOT_DUE = '800200302';
const SEARCH = `tramite=${PROCEDURE}&canal=presencial&oficina=11`;
const CRITERIA = { tramite: PROCEDURE, canal: 'presencial', oficina: '11' };

/** A browser that remembers every address it was sent to or shown, to prove the NIT is in none. */
class JourneyBrowser extends AdminBrowser {
  readonly addresses: string[] = [];

  private note(url: string, response: LightMyRequestResponse): LightMyRequestResponse {
    this.addresses.push(url);
    if (response.headers.location) this.addresses.push(String(response.headers.location));
    for (const m of response.body.matchAll(/(?:href|action|src)="([^"]*)"/g)) this.addresses.push(m[1] ?? '');
    return response;
  }

  override async get(url: string): Promise<LightMyRequestResponse> {
    return this.note(url, await super.get(url));
  }

  override async post(
    url: string,
    form: Record<string, string> = {},
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    return this.note(url, await super.post(url, form, options));
  }

  /** Gives a NIT on the calendar, as the NIT box's form posts it. */
  async giveNit(nit: string, back: 'dias' | 'horas' = 'dias', fecha?: string) {
    await this.get(`/reservar/dias?${SEARCH}`);
    return this.post('/reservar/nit', {
      ...CRITERIA,
      ...(fecha ? { fecha } : {}),
      volver: back,
      accion: 'usar',
      nit,
    });
  }
}

const dataForm = (applicant: Record<string, string>) =>
  Object.fromEntries(Object.entries(applicant).map(([k, v]) => [`applicant.${k}`, v]));

describe.each(engines())('the journey with a NIT for deadline-day places on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));
  let line: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { holdSeconds: 600 }, clock.now);
    line = await aCapacityLine(database.db, { office: '11', channel: 'presencial', procedures: [PROCEDURE] });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });
  beforeEach(() => clock.set(NOW));

  /** A deadline-day slot whose every place is reserved: the public sees a full day. */
  async function aReservedSlot(startsAt: string, places = 2): Promise<number> {
    const slotId = await aSlot(database.db, { line, startsAt, capacity: places });
    await database.db.updateTable('slots').set({ reserved: places }).where('id', '=', slotId).execute();
    return slotId;
  }

  async function holdFrom(browser: JourneyBrowser, slotId: number, fecha = DEADLINE) {
    await browser.get(`/reservar/horas?${SEARCH}&fecha=${fecha}`);
    return browser.post('/reservar/horario', { ...CRITERIA, fecha, horario: String(slotId) });
  }

  it('shows a full public day to nobody without a NIT, and its reserved places to the NIT due', async () => {
    const slotId = await aReservedSlot(`${DEADLINE}T15:00:00Z`);
    const dayLink = `fecha=${DEADLINE}`;

    const anonymous = new JourneyBrowser(app);
    const days = await anonymous.get(`/reservar/dias?${SEARCH}`);
    expect(days.statusCode).toBe(200);
    expect(days.body).not.toContain(dayLink);
    expect(days.body).toContain('id="field-nit"');
    expect(textOf(days.body)).toContain('NIT (si hoy o en los próximos días vence su declaración)');
    const times = await anonymous.get(`/reservar/horas?${SEARCH}&fecha=${DEADLINE}`);
    expect(times.body).not.toContain(`value="${slotId}"`);
    expect(times.body).not.toContain('Quitar NIT');

    const due = new JourneyBrowser(app);
    const given = await due.giveNit(`${formatNit(DUE)}`);
    expect(given.statusCode).toBe(303);
    expect(given.headers.location).toBe(`/reservar/dias?${SEARCH}`);
    const withNit = await due.get(String(given.headers.location));
    expect(withNit.body).toContain(dayLink);
    const text = textOf(withNit.body);
    expect(text).toContain(`Está buscando con el NIT ${formatNit(DUE)}.`);
    expect(text).toContain('Incluye cupos reservados para su fecha de vencimiento.');
    expect(text).toContain('10 de diciembre de 2026');
    const nationwide = `tramite=${PROCEDURE}&canal=presencial`;
    expect((await due.get(`/reservar/dias?${nationwide}`)).body).toContain(dayLink);
    expect((await due.get(`/reservar/horas?${nationwide}&fecha=${DEADLINE}`)).body).toContain(
      `value="${slotId}"`,
    );
    expect((await anonymous.get(`/reservar/dias?${nationwide}`)).body).not.toContain(dayLink);
    const dueTimes = await due.get(`/reservar/horas?${SEARCH}&fecha=${DEADLINE}`);
    expect(dueTimes.body).toContain(`value="${slotId}"`);
    expect(textOf(dueTimes.body)).toContain('Incluye cupos reservados para su fecha de vencimiento.');
    expect(dueTimes.body).toContain('value="quitar"');

    const other = new JourneyBrowser(app);
    expect((await other.giveNit(NOT_DUE)).statusCode).toBe(303);
    const otherDays = await other.get(`/reservar/dias?${SEARCH}`);
    expect(otherDays.body).not.toContain(dayLink);
    expect(textOf(otherDays.body)).toContain(
      'Vencimientos de este NIT en las fechas que se pueden reservar: 11 de diciembre de 2026',
    );
    expect((await other.get(`/reservar/horas?${SEARCH}&fecha=${DEADLINE}`)).body).not.toContain(
      `value="${slotId}"`,
    );
    const taken = await holdFrom(other, slotId);
    expect(taken.statusCode).toBe(409);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 0, holds: 0 });

    for (const browser of [anonymous, due, other])
      for (const address of browser.addresses) {
        expect(address).not.toContain(DUE);
        expect(address).not.toContain(NOT_DUE);
      }
  });

  it('holds and confirms a reserved place through the pages with the NIT due, same day included', async () => {
    clock.set(`${DEADLINE}T12:45:00Z`); // 07:45 in Bogotá on the deadline day, within the lead time
    const slotId = await aReservedSlot(`${DEADLINE}T13:00:00Z`, 1);
    const browser = new JourneyBrowser(app);
    // Without a check digit this time: the base alone is enough.
    expect((await browser.giveNit(DUE, 'horas', DEADLINE)).headers.location).toBe(
      `/reservar/horas?${SEARCH}&fecha=${DEADLINE}`,
    );
    const held = await holdFrom(browser, slotId);
    expect(held.statusCode).toBe(303);
    const dataUrl = String(held.headers.location);
    expect(dataUrl).toMatch(/^\/reservar\/datos\?reserva=[0-9a-f-]{36}$/);
    const holdId = dataUrl.split('=')[1] ?? '';

    const data = await browser.get(dataUrl);
    expect(textOf(data.body)).toContain(`reservado para el NIT ${formatNit(DUE)}`);
    const shown = formatNit(DUE).replaceAll('.', '\\.');
    expect(data.body).toMatch(new RegExp(`name="applicant.nit"[^>]*value="${shown}"`));

    // Another person's document cannot take the place: the data step says so next to the field.
    const stranger = await browser.post(dataUrl, dataForm(anApplicant()));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('href="#field-applicant-documentNumber"');
    expect(textOf(stranger.body)).toContain(`Este cupo está reservado para el NIT ${formatNit(DUE)}`);

    const mine = await browser.post(dataUrl, dataForm(anApplicant({ documentNumber: DUE })));
    expect(mine.statusCode).toBe(303);
    await browser.get(String(mine.headers.location));
    const consent = await browser.post(String(mine.headers.location), {
      'consent.accepted': 'on',
      'consent.policyVersion': POLICY_VERSION,
    });
    await browser.get(String(consent.headers.location));
    const confirmed = await browser.post(`/reservar/confirmar?reserva=${holdId}`);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/reservar/confirmacion?reserva=${holdId}`);
    expect((await browser.get(String(confirmed.headers.location))).statusCode).toBe(200);

    const slot = await database.db
      .selectFrom('slots')
      .select(['taken', 'reserved_taken'])
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(slot).toEqual({ taken: 1, reserved_taken: 1 });
    const appointment = await database.db
      .selectFrom('appointments')
      .select('reserved')
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(appointment.reserved).toBe(true);
    // The NIT is forgotten with the confirmation: the next search at this browser is a public one.
    expect(browser.cookies.has('nit')).toBe(false);
    for (const address of browser.addresses) expect(address).not.toContain(DUE);
  });

  it('a company’s representative confirms a place reserved for the company’s NIT', async () => {
    const slotId = await aReservedSlot(`${DEADLINE}T16:00:00Z`, 1);
    const browser = new JourneyBrowser(app);
    await browser.giveNit(formatNit(DUE));
    const dataUrl = String((await holdFrom(browser, slotId)).headers.location);
    await browser.get(dataUrl);
    const company = {
      personType: 'juridica',
      nit: formatNit(DUE),
      companyName: 'Comercializadora Andina S.A.S.',
    };
    const other = await browser.post(
      dataUrl,
      dataForm(anApplicant({ ...company, nit: formatNit('900123456') })),
    );
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('href="#field-applicant-nit"');
    const saved = await browser.post(dataUrl, dataForm(anApplicant(company)));
    expect(saved.statusCode).toBe(303);
  });

  it('refuses a wrong check digit with a message at the field, and keeps no NIT', async () => {
    const browser = new JourneyBrowser(app);
    await browser.giveNit(formatNit(DUE));
    expect(browser.cookies.has('nit')).toBe(true);
    const wrongDigit = `${formatNit(DUE).slice(0, -1)}${(Number(formatNit(DUE).slice(-1)) + 1) % 10}`;
    const refused = await browser.giveNit(wrongDigit);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#field-nit"');
    expect(refused.body).toContain('aria-invalid="true"');
    expect(textOf(refused.body)).toContain('El dígito de verificación no corresponde a ese NIT');
    expect(refused.body).toContain(`value="${wrongDigit}"`);
    expect(browser.cookies.has('nit')).toBe(false);

    const letters = await browser.giveNit('80020030A');
    expect(letters.statusCode).toBe(400);
    expect(textOf(letters.body)).toContain('Escriba el NIT con números');
    const empty = await browser.giveNit('  ');
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Escriba su NIT, o siga sin él');
  });

  it('removes the NIT with “Quitar NIT”, and ignores it while rescheduling', async () => {
    const slotId = await aReservedSlot(`${DEADLINE}T17:00:00Z`);
    const browser = new JourneyBrowser(app);
    await browser.giveNit(DUE);
    expect((await browser.get(`/reservar/dias?${SEARCH}`)).body).toContain(`fecha=${DEADLINE}`);
    const rescheduling = await browser.get(`/reservar/horas?${SEARCH}&fecha=${DEADLINE}&cambio=1`);
    expect(rescheduling.body).not.toContain(`value="${slotId}"`);
    expect(rescheduling.body).not.toContain('action="/reservar/nit"');

    const removed = await browser.post('/reservar/nit', {
      ...CRITERIA,
      fecha: DEADLINE,
      volver: 'horas',
      accion: 'quitar',
    });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/reservar/horas?${SEARCH}&fecha=${DEADLINE}`);
    expect(browser.cookies.has('nit')).toBe(false);
    expect((await browser.get(String(removed.headers.location))).body).not.toContain(`value="${slotId}"`);
  });

  it('does not trust a NIT cookie it did not seal', async () => {
    const slotId = await aReservedSlot(`${DEADLINE}T18:00:00Z`);
    const browser = new JourneyBrowser(app);
    browser.cookies.set('nit', Buffer.from(`${DUE}.${Date.now() + 600_000}`).toString('base64url'));
    const times = await browser.get(`/reservar/horas?${SEARCH}&fecha=${DEADLINE}`);
    expect(times.statusCode).toBe(200);
    expect(times.body).not.toContain(`value="${slotId}"`);
  });
});
