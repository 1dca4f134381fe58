import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_VERSION } from '../../src/domain/privacy-policy.js';
import type { App } from '../../src/http/types.js';
import { AdminBrowser } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, slotCounts } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const PROCEDURE = 'orientacion-tributaria';

/** The applicant as the data form posts it. */
function dataForm(applicant: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(applicant).map(([k, v]) => [`applicant.${k}`, v]));
}

describe.each(engines())('booking journey pages on %s', (engine) => {
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

  /** Procedure → channel → place → day → time → hold: the address of the data step. */
  async function holdSlot(browser: AdminBrowser, slotId: number): Promise<string> {
    const times = await browser.get(
      `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-02`,
    );
    expect(times.statusCode).toBe(200);
    const held = await browser.post('/reservar/horario', {
      horario: String(slotId),
      tramite: PROCEDURE,
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-02',
    });
    expect(held.statusCode).toBe(303);
    expect(held.headers.location).toMatch(/^\/reservar\/datos\?reserva=[0-9a-f-]{36}$/);
    return String(held.headers.location);
  }

  async function book(browser: AdminBrowser, slotId: number, applicant = anApplicant()) {
    const dataUrl = await holdSlot(browser, slotId);
    const holdId = dataUrl.split('=')[1] ?? '';
    await browser.get(dataUrl);
    const data = await browser.post(dataUrl, dataForm(applicant));
    expect(data.statusCode).toBe(303);
    expect(data.headers.location).toBe(`/reservar/consentimiento?reserva=${holdId}`);
    await browser.get(String(data.headers.location));
    const consent = await browser.post(String(data.headers.location), {
      'consent.accepted': 'on',
      'consent.policyVersion': POLICY_VERSION,
    });
    expect(consent.statusCode).toBe(303);
    const review = await browser.get(String(consent.headers.location));
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Revise su solicitud');
    const confirmed = await browser.post(`/reservar/confirmar?reserva=${holdId}`);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/reservar/confirmacion?reserva=${holdId}`);
    return { holdId, applicant, confirmed };
  }

  it('walks the steps with links and GET forms: procedure, channel, search, place, days, times', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z', capacity: 3 });
    const browser = new AdminBrowser(app);
    const start = await browser.get('/reservar');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(`value="${PROCEDURE}"`);
    const withCode = await browser.get(`/reservar?tramite=${PROCEDURE}`);
    expect(withCode.statusCode).toBe(303);
    const channel = await browser.get(String(withCode.headers.location));
    expect(channel.body).toContain('value="presencial"');
    const mode = await browser.get(`/reservar/buscar?tramite=${PROCEDURE}&canal=presencial`);
    expect(mode.body).toContain('value="lugar"');
    const place = await browser.get(`/reservar/buscar?tramite=${PROCEDURE}&canal=presencial&modo=lugar`);
    expect(place.headers.location).toBe(`/reservar/lugar?tramite=${PROCEDURE}&canal=presencial`);
    const city = await browser.get(`/reservar/lugar?tramite=${PROCEDURE}&canal=presencial&departamento=05`);
    expect(city.body).toContain('value="05001"');
    const office = await browser.get(
      `/reservar/lugar?tramite=${PROCEDURE}&canal=presencial&departamento=05&ciudad=05001&paso=oficina&oficina=11`,
    );
    expect(office.headers.location).toBe(`/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=11`);
    const days = await browser.get(String(office.headers.location));
    expect(days.statusCode).toBe(200);
    expect(days.body).toContain(
      `/reservar/horas?tramite=${PROCEDURE}&amp;canal=presencial&amp;oficina=11&amp;fecha=2026-12-02`,
    );
    const times = await browser.get(
      `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-02`,
    );
    expect(times.body).toContain(`value="${slotId}"`);
    expect(times.body).toContain('8:00');
  });

  it('books through POST → redirect → GET, shows the confirmation, and confirming twice shows it again', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T14:00:00Z', capacity: 3 });
    const browser = new AdminBrowser(app);
    const { holdId, applicant } = await book(browser, slotId);
    const page = await browser.get(`/reservar/confirmacion?reserva=${holdId}`);
    expect(page.statusCode).toBe(200);
    const code = /id="confirmation-code">([A-Z0-9-]+)</.exec(page.body)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{5}-?[A-Z0-9]{5}$/);
    expect(page.body).toContain('9:00');
    expect(page.body).not.toContain(applicant.documentNumber);
    // The second click / back button: the same appointment, no second booking.
    const again = await browser.post(`/reservar/confirmar?reserva=${holdId}`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/reservar/confirmacion?reserva=${holdId}`);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 1, holds: 0, appointments: 1 });
    const ics = await browser.get(`/reservar/confirmacion/cita.ics?reserva=${holdId}`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART;TZID=America/Bogota:20261202T090000');
  });
});
