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
    expect(review.body).toContain('class="summary-list"');
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

  it('keeps what was typed and lists every mistake when the data are wrong (empty, bad NIT, bad e-mail)', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T15:00:00Z', capacity: 3 });
    const browser = new AdminBrowser(app);
    const dataUrl = await holdSlot(browser, slotId);
    await browser.get(dataUrl);
    const empty = await browser.post(dataUrl, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="error-summary"');
    expect(empty.body).toContain('href="#field-applicant-personType"');
    expect(empty.body).toContain('Escriba sus nombres');

    const wrong = await browser.post(
      dataUrl,
      dataForm({
        personType: 'juridica',
        documentType: 'CC',
        documentNumber: '52123456',
        firstName: 'Ana <b>Lucía</b>',
        lastName: 'Restrepo',
        email: 'ana.restrepo@',
        phone: '300 123 4567',
        nit: '800.197.268-5',
        companyName: 'Comercializadora Andina S.A.S.',
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('El dígito de verificación no corresponde a ese NIT');
    expect(wrong.body).toContain('Escriba un correo electrónico válido');
    expect(wrong.body).toContain('href="#field-applicant-nit"');
    expect(wrong.body).toContain('href="#field-applicant-email"');
    // In the order of the fields on the page.
    expect(wrong.body.indexOf('#field-applicant-nit')).toBeLessThan(
      wrong.body.indexOf('#field-applicant-email'),
    );
    // Values come back exactly as typed (escaped), including the wrong ones.
    expect(wrong.body).toContain('value="800.197.268-5"');
    expect(wrong.body).toContain('value="ana.restrepo@"');
    expect(wrong.body).toContain('value="Ana &lt;b>Lucía&lt;/b>"');
    expect(wrong.body).toContain('aria-invalid="true"');
    // A refused form stores nothing with the hold.
    const stored = await database.db
      .selectFrom('holds')
      .select('draft')
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(stored.draft).toBeNull();
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 1, holds: 1, appointments: 0 });
  });

  it('says the hold ran out, with status 410, once its time is over', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T13:00:00Z', capacity: 3 });
    const browser = new AdminBrowser(app);
    const dataUrl = await holdSlot(browser, slotId);
    await browser.get(dataUrl);
    clock.advance(601_000);
    const late = await browser.post(dataUrl, dataForm(anApplicant()));
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('El tiempo para completar la reserva terminó');
    expect((await browser.get(dataUrl)).statusCode).toBe(410);
    const holdId = dataUrl.split('=')[1] ?? '';
    const confirm = await browser.post(`/reservar/confirmar?reserva=${holdId}`);
    expect(confirm.statusCode).toBe(410);
  });

  it('keeps a hold to the browser that took it', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T14:00:00Z', capacity: 3 });
    const dataUrl = await holdSlot(new AdminBrowser(app), slotId);
    const stranger = new AdminBrowser(app);
    expect((await stranger.get(dataUrl)).statusCode).toBe(410);
  });

  it('shows the times again with a message when the chosen time is full, and never books twice', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T15:00:00Z', capacity: 1 });
    await holdSlot(new AdminBrowser(app), slotId);
    const second = new AdminBrowser(app);
    await second.get(`/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-03`);
    const full = await second.post('/reservar/horario', {
      horario: String(slotId),
      tramite: PROCEDURE,
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-03',
    });
    expect(full.statusCode).toBe(409);
    expect(full.body).toContain('class="error-summary"');
    const none = await second.post('/reservar/horario', {
      tramite: PROCEDURE,
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-03',
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Elija un horario');
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 1, holds: 1 });
  });

  it('answers bad input with clear 4xx pages, never a 500', async () => {
    const browser = new AdminBrowser(app);
    const urls = [
      '/reservar?tramite=%3Cscript%3E',
      '/reservar/atencion?tramite=no-existe',
      `/reservar/buscar?tramite=${PROCEDURE}&canal=fax`,
      `/reservar/lugar?tramite=${PROCEDURE}&canal=presencial&departamento=99&ciudad=x`,
      `/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=9999&mes=2026-99`,
      `/reservar/dias?tramite=${PROCEDURE}&canal=presencial&ciudad=05001&oficina=11`,
      `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-02-31`,
      `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&fecha=2026-12-02&departamento=ZZ`,
      `/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=${'x'.repeat(500)}`,
      '/reservar/datos?reserva=not-a-uuid',
      '/reservar/revisar?reserva=00000000-0000-0000-0000-000000000000',
      '/reservar/confirmacion?reserva=x',
      '/gestionar/cita',
      '/gestionar/cambiar?horario=abc',
    ];
    for (const url of urls) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
    }
    await browser.get('/reservar');
    const posts: [string, Record<string, string>][] = [
      ['/reservar/horario', { horario: '1e9', tramite: PROCEDURE, canal: 'presencial' }],
      ['/reservar/horario', { horario: '99999999', tramite: 'x', canal: 'y', fecha: 'z' }],
      ['/reservar/horario', { horario: '1', unknown: 'field' }],
      ['/reservar/datos?reserva=x', { 'applicant.firstName': 'A' }],
      ['/reservar/consentimiento?reserva=x', { 'consent.accepted': 'on' }],
      ['/reservar/confirmar?reserva=x', {}],
      ['/gestionar', { code: "' OR 1=1 --", documentNumber: '1'.repeat(150) }],
      ['/gestionar/cancelar', {}],
      ['/gestionar/cambiar', { horario: '-1' }],
    ];
    for (const [url, form] of posts) {
      const response = await browser.post(url, form);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.statusCode, url).not.toBe(200);
    }
  });

  it('refuses a form post without its CSRF token', async () => {
    const browser = new AdminBrowser(app);
    await browser.get('/reservar');
    const response = await browser.post('/reservar/horario', { horario: '1' }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });

  it('manages an appointment: same answer for a wrong code or document, then reschedule and cancel', async () => {
    const first = await aSlot(database.db, { line, startsAt: '2026-12-04T13:00:00Z', capacity: 3 });
    const second = await aSlot(database.db, { line, startsAt: '2026-12-04T14:00:00Z', capacity: 3 });
    const booker = new AdminBrowser(app);
    const { holdId, applicant } = await book(booker, first);
    const code =
      /id="confirmation-code">([A-Z0-9-]+)</.exec(
        (await booker.get(`/reservar/confirmacion?reserva=${holdId}`)).body,
      )?.[1] ?? '';

    const person = new AdminBrowser(app);
    await person.get('/gestionar');
    const wrongCode = await person.post('/gestionar', {
      code: 'ABCDE23456',
      documentNumber: applicant.documentNumber ?? '',
    });
    const wrongDocument = await person.post('/gestionar', { code, documentNumber: '1234567' });
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongDocument.statusCode).toBe(404);
    const message = (body: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(body)?.[0];
    expect(message(wrongCode.body)).toBe(message(wrongDocument.body));

    const found = await person.post('/gestionar', {
      code: code.toLowerCase(),
      documentNumber: applicant.documentNumber ?? '',
    });
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe('/gestionar/cita');
    const details = await person.get('/gestionar/cita');
    expect(details.statusCode).toBe(200);
    expect(details.body).toContain(code);
    expect(details.body).not.toContain(applicant.documentNumber);

    const times = await person.get(
      `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-04&cambio=1`,
    );
    expect(times.body).toContain('action="/gestionar/cambiar"');
    const choose = await person.get(`/gestionar/cambiar?horario=${second}`);
    expect(choose.statusCode).toBe(200);
    const moved = await person.post('/gestionar/cambiar', { horario: String(second) });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe('/gestionar/cita?aviso=cambiada');
    const after = await person.get('/gestionar/cita?aviso=cambiada');
    const newCode = /Cita ([A-Z0-9]{10})/.exec(after.body)?.[1];
    expect(newCode).toBeDefined();
    expect(newCode).not.toBe(code);
    expect(await slotCounts(database.db, first)).toMatchObject({ taken: 0, appointments: 0 });
    expect(await slotCounts(database.db, second)).toMatchObject({ taken: 1, appointments: 1 });

    expect((await person.get('/gestionar/cancelar')).statusCode).toBe(200);
    const cancelled = await person.post('/gestionar/cancelar');
    expect(cancelled.headers.location).toBe('/gestionar/cita?aviso=cancelada');
    const twice = await person.post('/gestionar/cancelar');
    expect(twice.statusCode).toBe(303);
    expect((await person.get('/gestionar/cita')).body).toContain('Cancelada');
    expect(await slotCounts(database.db, second)).toMatchObject({ taken: 0, appointments: 0 });
  });

  it('speaks English when chosen, with no message left untranslated on any step', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T16:00:00Z', capacity: 3 });
    const browser = new AdminBrowser(app);
    browser.cookies.set('lang', 'en');
    const pages = [
      '/reservar',
      `/reservar/atencion?tramite=${PROCEDURE}`,
      `/reservar/buscar?tramite=${PROCEDURE}&canal=presencial`,
      `/reservar/lugar?tramite=${PROCEDURE}&canal=presencial&departamento=05&ciudad=05001`,
      `/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=11`,
      `/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=9999`,
      `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&fecha=2026-12-02`,
      `/reservar/horas?tramite=${PROCEDURE}&canal=video&fecha=2026-12-02`,
      '/gestionar',
    ];
    for (const url of pages) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toMatch(/journey\.[a-z]+\./);
      expect(response.body, url).toContain('lang="en"');
      // The performance budget is 60 KB compressed for a page; uncompressed it stays under that too.
      expect(Buffer.byteLength(response.body), url).toBeLessThan(60_000);
    }
    const { holdId } = await book(browser, slotId, anApplicant());
    const done = await browser.get(`/reservar/confirmacion?reserva=${holdId}`);
    expect(done.body).toContain('Your appointment is booked');
    expect(done.body).not.toMatch(/journey\.[a-z]+\./);
  });

  it('shows the no-results choices: other offices, other dates, remote channels and a prefilled alert', async () => {
    // Medellín's customs office attends the procedure too, but has no agenda.
    await aCapacityLine(database.db, { office: '90', channel: 'presencial', procedures: [PROCEDURE] });
    const browser = new AdminBrowser(app);
    const none = await browser.get(`/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=90`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No hay cupos disponibles para esta búsqueda');
    expect(none.body).toContain(`/reservar/dias?tramite=${PROCEDURE}&amp;canal=presencial&amp;ciudad=05001`);
    expect(none.body).toContain(`/reservar/dias?tramite=${PROCEDURE}&amp;canal=presencial&amp;oficina=11`);
    expect(none.body).toContain(`/reservar/dias?tramite=${PROCEDURE}&amp;canal=video`);
    expect(none.body).toContain(`/alertas?procedure=${PROCEDURE}&amp;channel=presencial&amp;office=90`);
    // With the help text staff keep current: the built-in one, then the edited one (decision 040).
    expect(none.body).toContain('Se publica agenda nueva todos los días');
    await database.db
      .insertInto('site_texts')
      .values({
        key: 'ayuda.sin-cupos',
        locale: 'es',
        value: 'Mañana a las 7:00 se publica la agenda de enero.',
      })
      .execute();
    const edited = await browser.get(`/reservar/dias?tramite=${PROCEDURE}&canal=presencial&oficina=90`);
    expect(edited.body).toContain('Mañana a las 7:00 se publica la agenda de enero.');
    await database.db.deleteFrom('site_texts').where('key', '=', 'ayuda.sin-cupos').execute();
    const alert = await browser.get(
      `/alertas?procedure=${PROCEDURE}&channel=presencial&office=90&from=2026-12-01&to=2027-01-15`,
    );
    expect(alert.statusCode).toBe(200);
  });

  it('continues a hold given out by an alert e-mail (no browser session) at the data step', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-04T16:00:00Z', capacity: 3 });
    const hold = await database.db
      .insertInto('holds')
      .values({
        slot_id: slotId,
        kind: 'citizen',
        procedure_code: PROCEDURE,
        channel: 'presencial',
        expires_at: new Date(Date.parse(NOW) + 600_000),
        session_key: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('slots')
      .set((eb) => ({ taken: eb('taken', '+', 1) }))
      .where('id', '=', slotId)
      .execute();
    const browser = new AdminBrowser(app);
    const page = await browser.get(`/reservar/datos?reserva=${hold.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sus datos');
  });

  it('changes the time from the review: the typed data follow to the new hold and the old place is freed', async () => {
    const first = await aSlot(database.db, { line, startsAt: '2026-12-07T13:00:00Z', capacity: 3 });
    const second = await aSlot(database.db, { line, startsAt: '2026-12-07T14:00:00Z', capacity: 3 });
    const browser = new AdminBrowser(app);
    const times = `/reservar/horas?tramite=${PROCEDURE}&canal=presencial&oficina=11&fecha=2026-12-07`;
    await browser.get(times);
    const held = await browser.post('/reservar/horario', {
      horario: String(first),
      tramite: PROCEDURE,
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-07',
    });
    const dataUrl = String(held.headers.location);
    const holdId = dataUrl.split('=')[1] ?? '';
    await browser.get(dataUrl);
    const applicant = anApplicant();
    await browser.post(dataUrl, dataForm(applicant));
    await browser.get(`/reservar/consentimiento?reserva=${holdId}`);
    await browser.post(`/reservar/consentimiento?reserva=${holdId}`, {
      'consent.accepted': 'on',
      'consent.policyVersion': POLICY_VERSION,
    });
    const review = await browser.get(`/reservar/revisar?reserva=${holdId}`);
    const change = `/reservar/horas?tramite=${PROCEDURE}&amp;canal=presencial&amp;oficina=11&amp;fecha=2026-12-07&amp;reserva=${holdId}`;
    expect(review.body).toContain(change);
    const again = await browser.get(change.replaceAll('&amp;', '&'));
    expect(again.body).toContain(`name="reserva" value="${holdId}"`);
    const moved = await browser.post('/reservar/horario', {
      horario: String(second),
      tramite: PROCEDURE,
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-07',
      reserva: holdId,
    });
    expect(moved.statusCode).toBe(303);
    expect(String(moved.headers.location)).toMatch(/^\/reservar\/revisar\?reserva=/);
    expect(String(moved.headers.location)).not.toContain(holdId);
    const newReview = await browser.get(String(moved.headers.location));
    expect(newReview.body).toContain(applicant.email);
    expect(await slotCounts(database.db, first)).toMatchObject({ taken: 0, holds: 0 });
    expect(await slotCounts(database.db, second)).toMatchObject({ taken: 1, holds: 1 });
  });
});
