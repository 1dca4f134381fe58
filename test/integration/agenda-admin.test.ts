import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/http/types.js';
import { verifyAuditChain } from '../../src/services/audit/trail.js';
import { AdminBrowser, aStaffMember, type TestStaff, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';
import { Steps } from '../helpers/steps.js';

const NOW = '2026-12-01T12:00:00Z'; // Tuesday 07:00 in Bogotá
const PROCEDURE = 'orientacion-tributaria';

const TEMPLATE = {
  name: 'Mañanas',
  weekdays: ['1', '2', '3', '4', '5'],
  opens: '08:00',
  closes: '12:00',
  slotMinutes: '30',
  places: '2',
  breaks: '10:00-10:30',
};

describe.each(engines())('agenda administration on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));
  let national: TestStaff;
  let seccional: TestStaff;
  let officer: TestStaff;
  let admin: AdminBrowser;
  let lineId = 0;
  let templateId = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    national = await aStaffMember(database.db, { role: 'admin_nacional' });
    seccional = await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] });
    officer = await aStaffMember(database.db, { role: 'funcionario', offices: ['11:presencial'] });
    admin = new AdminBrowser(app);
    await admin.signIn(national, clock);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const counts = async () => ({
    lines: (await database.db.selectFrom('capacity_lines').select('id').execute()).length,
    templates: (await database.db.selectFrom('agenda_templates').select('id').execute()).length,
    slots: (await database.db.selectFrom('slots').select('id').execute()).length,
    audit: (await database.db.selectFrom('audit_events').select('id').execute()).length,
  });

  const slotsApi = async (date: string, extra = '') =>
    (
      await app.inject({
        url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=${date}${extra}`,
      })
    ).json().items as { slotId: number; startsAt: string; available: number }[];

  /**
   * Each step works on the line, template and days the steps before it made: they run as one test, in
   * this order. Here `it` declares a step of that story (test/helpers/steps.ts), not a test of its own.
   */
  const story = new Steps();
  const it = story.step;

  it('creates a capacity line and a template, refusing bad input with field messages', async () => {
    const before = await counts();
    const empty = await admin.post('/admin/agenda/lineas', {});
    expect(empty.statusCode).toBe(400);
    for (const field of ['office', 'channel', 'name', 'procedures']) {
      expect(empty.body).toContain(`href="#field-${field}"`);
    }
    const wrongChannel = await admin.post('/admin/agenda/lineas', {
      office: '11',
      channel: 'telefono',
      name: 'Medellín teléfono',
      procedures: ['levantamiento-suspension-rut'],
    });
    expect(wrongChannel.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const created = await admin.post('/admin/agenda/lineas', {
      office: '11',
      channel: 'presencial',
      name: 'Medellín – orientación',
      procedures: [PROCEDURE],
    });
    expect(created.statusCode).toBe(303);
    lineId = Number(/lineas\/(\d+)/.exec(created.headers.location as string)?.[1]);
    expect(lineId).toBeGreaterThan(0);

    const beforeTemplates = await counts();
    const bad = [
      [{}, ['name', 'weekdays', 'opens', 'closes', 'slotMinutes', 'places']],
      [{ ...TEMPLATE, opens: '14:00', closes: '09:00' }, ['closes']],
      [{ ...TEMPLATE, places: '-3' }, ['places']],
      [{ ...TEMPLATE, opens: '8 am' }, ['opens']],
      [{ ...TEMPLATE, breaks: '09:00-10:00\n09:30-10:30' }, ['breaks']],
    ] as const;
    for (const [form, fields] of bad) {
      const response = await admin.post(`/admin/agenda/lineas/${lineId}/plantillas`, form);
      expect(response.statusCode, JSON.stringify(form)).toBe(400);
      for (const field of fields) expect(response.body).toContain(`href="#field-${field}"`);
    }
    expect(await counts()).toEqual(beforeTemplates);

    const ok = await admin.post(`/admin/agenda/lineas/${lineId}/plantillas`, TEMPLATE);
    expect(ok.statusCode).toBe(303);
    templateId = Number(/plantillas\/(\d+)/.exec(ok.headers.location as string)?.[1]);
    // A second template on the same days and hours overlaps the first.
    const overlapping = await admin.post(`/admin/agenda/lineas/${lineId}/plantillas`, {
      ...TEMPLATE,
      name: 'Cruce',
      weekdays: ['3'],
      opens: '11:00',
      closes: '13:00',
      breaks: '',
    });
    expect(overlapping.statusCode).toBe(400);
    expect(textOf(overlapping.body)).toContain('se cruza con la plantilla «Mañanas»');
    const audit = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['capacity_line.create', 'agenda_template.create'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['agenda_template.create', 'capacity_line.create']);
  });

  it('previews two weeks, publishes exactly that (holiday skipped), and publishing again adds nothing', async () => {
    const preview = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-01&to=2026-12-14`,
    );
    expect(preview.statusCode).toBe(200);
    // 10 weekdays minus 8 December (holiday) = 9 days × 7 slots (08:00–12:00 by 30 min, less the break).
    expect(textOf(preview.body)).toContain('Se crearán 63 citas con 126 cupos en total');
    expect(textOf(preview.body)).toContain('2026-12-08: festivo');
    expect(textOf(preview.body)).toContain('pausas: 10:00-10:30');
    expect(await counts()).toMatchObject({ slots: 0 });

    const published = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-01',
      to: '2026-12-14',
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain('aviso=published');
    const slots = await database.db
      .selectFrom('slots')
      .selectAll()
      .where('capacity_line_id', '=', lineId)
      .execute();
    expect(slots).toHaveLength(63);
    expect(slots.every((s) => s.capacity === 2 && s.status === 'open')).toBe(true);
    expect(slots.some((s) => s.local_date === '2026-12-08')).toBe(false);

    // The citizen API shows the same: 7 times on 2 December with 2 places each, none on the holiday.
    const day = await slotsApi('2026-12-02');
    expect(day.map((s) => s.startsAt.slice(11, 16))).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:30',
      '11:00',
      '11:30',
    ]);
    expect(day.every((s) => s.available === 2)).toBe(true);
    expect(await slotsApi('2026-12-08')).toEqual([]);

    const before = await counts();
    const again = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-01',
      to: '2026-12-14',
    });
    expect(again.headers.location).toContain('aviso=publishedNothing');
    expect(await counts()).toEqual(before);
    const previewAgain = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-01&to=2026-12-14`,
    );
    expect(textOf(previewAgain.body)).toContain('Se crearán 0 citas');

    const badRange = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-20',
      to: '2026-12-10',
    });
    expect(badRange.statusCode).toBe(400);
    expect(badRange.body).toContain('href="#field-to"');
    const past = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-11-01',
      to: '',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('href="#field-from"');
    expect(await counts()).toEqual(before);
  });

  it('raises a slot’s capacity, and lowers it no further than what is taken', async () => {
    const [first] = await slotsApi('2026-12-03');
    if (!first) throw new Error('no slot');
    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId: first.slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(held.statusCode).toBe(201);
    const url = `/admin/agenda/lineas/${lineId}/cupos/${first.slotId}`;
    expect((await admin.get(url)).statusCode).toBe(200);
    const before = await counts();
    for (const capacity of ['', '-1', 'dos', '0']) {
      const refused = await admin.post(url, { capacity });
      expect(refused.statusCode, capacity).toBe(400);
      expect(refused.body).toContain('href="#field-capacity"');
    }
    expect(await counts()).toEqual(before);
    expect((await admin.post(url, { capacity: '5' })).statusCode).toBe(303);
    expect((await admin.post(url, { capacity: '1' })).statusCode).toBe(303);
    const slot = await database.db
      .selectFrom('slots')
      .select(['capacity', 'taken'])
      .where('id', '=', first.slotId)
      .executeTakeFirstOrThrow();
    expect(slot).toEqual({ capacity: 1, taken: 1 });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('action', '=', 'slot.capacity')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('keeps a seccional administrator out of another seccional’s agenda, and a desk officer from publishing', async () => {
    const other = new AdminBrowser(app);
    await other.signIn(seccional, clock);
    const list = await other.get('/admin/agenda');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(`/admin/agenda/lineas/${lineId}"`);
    const before = await counts();
    expect((await other.get(`/admin/agenda/lineas/${lineId}`)).statusCode).toBe(403);
    expect((await other.get(`/admin/agenda/plantillas/${templateId}/publicar`)).statusCode).toBe(403);
    expect((await other.get(`/admin/agenda/lineas/${lineId}/dias/2026-12-02`)).statusCode).toBe(403);
    expect((await other.post(`/admin/agenda/lineas/${lineId}/plantillas`, TEMPLATE)).statusCode).toBe(403);
    expect(
      (
        await other.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
          from: '2026-12-15',
          to: '2026-12-18',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await other.post(`/admin/agenda/lineas/${lineId}/dias/2026-12-04/cerrar`, {
          scope: 'office',
          reason: 'Inventario',
        })
      ).statusCode,
    ).toBe(403);
    const closure = await other.post('/admin/agenda/cierres', {
      office: '11',
      from: '2026-12-04',
      to: '2026-12-04',
      reason: 'Inventario',
    });
    expect(closure.statusCode).toBe(400);
    expect(closure.body).toContain('href="#field-office"');
    const backwards = await admin.post('/admin/agenda/cierres', {
      office: '11',
      from: '2026-12-05',
      to: '2026-12-04',
      reason: 'Inventario',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('href="#field-to"');
    const line = await other.post('/admin/agenda/lineas', {
      office: '11',
      channel: 'presencial',
      name: 'Ajena',
      procedures: [PROCEDURE],
    });
    expect(line.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const desk = new AdminBrowser(app);
    await desk.signIn(officer, clock);
    const beforeDesk = await counts();
    expect((await desk.get('/admin/mesa')).statusCode).toBe(200);
    expect((await desk.get('/admin/agenda')).statusCode).toBe(403);
    expect(
      (
        await desk.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
          from: '2026-12-15',
          to: '2026-12-18',
        })
      ).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(beforeDesk);
  });

  const hold = (slotId: number, nit?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial', ...(nit ? { nit } : {}) },
    });
  const book = async (slotId: number, applicant = anApplicant(), nit?: string) => {
    const held = await hold(slotId, nit);
    expect(held.statusCode, held.body).toBe(201);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant, consent },
    });
    return confirmed;
  };

  it('closes a day: cancels its 3 appointments, queues 3 e-mails, frees nothing, audits it all', async () => {
    const day = await slotsApi('2026-12-04');
    const [a, b] = day;
    if (!a || !b) throw new Error('no slots');
    const codes: string[] = [];
    for (const slotId of [a.slotId, a.slotId, b.slotId]) {
      const confirmed = await book(slotId);
      expect(confirmed.statusCode).toBe(201);
      codes.push(confirmed.json().code);
    }
    // An open hold on the day is dropped too: nobody can confirm a place on a closed day.
    const open = await hold(b.slotId);
    expect(open.statusCode).toBe(201);
    const jobsBefore = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'mail.appointment-cancelled')
      .execute();

    const refused = await admin.post(`/admin/agenda/lineas/${lineId}/dias/2026-12-04/cerrar`, {
      scope: 'line',
      reason: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#field-reason"');

    const closed = await admin.post(`/admin/agenda/lineas/${lineId}/dias/2026-12-04/cerrar`, {
      scope: 'line',
      reason: 'Fumigación de la sede',
    });
    expect(closed.statusCode).toBe(303);
    const appointments = await database.db
      .selectFrom('appointments')
      .select(['code', 'status', 'cancel_reason'])
      .where('code', 'in', codes)
      .execute();
    expect(appointments.map((x) => [x.status, x.cancel_reason])).toEqual([
      ['cancelled', 'closure'],
      ['cancelled', 'closure'],
      ['cancelled', 'closure'],
    ]);
    const jobs = await database.db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', 'mail.appointment-cancelled')
      .execute();
    expect(jobs.length - jobsBefore.length).toBe(3);
    const slots = await database.db
      .selectFrom('slots')
      .select(['status', 'taken'])
      .where('capacity_line_id', '=', lineId)
      .where('local_date', '=', '2026-12-04')
      .execute();
    expect(slots.every((s) => s.status === 'closed')).toBe(true);
    expect(await slotsApi('2026-12-04')).toEqual([]);
    expect((await hold(a.slotId)).statusCode).toBe(404);
    expect(
      await database.db
        .selectFrom('holds')
        .select('id')
        .where('slot_id', '=', b.slotId)
        .where('kind', '=', 'citizen')
        .execute(),
    ).toEqual([]);
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['agenda.close', 'appointment.cancel'])
      .execute();
    expect(
      audit
        .filter((e) => e.action === 'appointment.cancel')
        .map((e) => e.entity_id)
        .sort(),
    ).toEqual([...codes].sort());
    expect(audit.filter((e) => e.action === 'agenda.close')).toHaveLength(1);
    // The closure is listed, and publishing over it skips the day.
    expect(textOf((await admin.get('/admin/agenda/cierres')).body)).toContain('Fumigación de la sede');
    const preview = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-04&to=2026-12-04`,
    );
    expect(textOf(preview.body)).toContain('2026-12-04: cierre declarado');
  });

  it('offers deadline-day reserved places only to the NIT whose deadline it is, same day included', async () => {
    // 10 December 2026 is the 7th business day of the month: NITs ending in 1 fall due.
    const deadlineDay = '2026-12-10';
    const reserve = await admin.post(`/admin/agenda/lineas/${lineId}/reserva`, {
      date: deadlineDay,
      percent: '50',
    });
    expect(reserve.statusCode).toBe(303);
    const linePage = textOf((await admin.get(`/admin/agenda/lineas/${lineId}`)).body);
    expect(linePage).toContain('2026-12-10 : 50 % de los cupos');
    const notDeadline = await admin.post(`/admin/agenda/lineas/${lineId}/reserva`, {
      date: '2026-12-09',
      percent: '50',
    });
    expect(notDeadline.statusCode).toBe(400);
    expect(notDeadline.body).toContain('href="#field-percent"');
    const tooMuch = await admin.post(`/admin/agenda/lineas/${lineId}/reserva`, {
      date: deadlineDay,
      percent: '120',
    });
    expect(tooMuch.statusCode).toBe(400);

    clock.set('2026-12-10T12:45:00Z'); // 07:45 in Bogotá, on the deadline day
    const due = '900123451';
    const notDue = '900123452';
    const publicView = await slotsApi(deadlineDay);
    const dueView = await slotsApi(deadlineDay, `&nit=${due}`);
    const otherView = await slotsApi(deadlineDay, `&nit=${notDue}`);
    // The public sees one place per time, from 09:00 (an hour's lead); the person due sees both places,
    // and the 08:00 and 08:30 times too.
    expect(publicView.map((s) => [s.startsAt.slice(11, 16), s.available])[0]).toEqual(['09:00', 1]);
    expect(otherView).toEqual(publicView);
    expect(dueView.map((s) => [s.startsAt.slice(11, 16), s.available]).slice(0, 3)).toEqual([
      ['08:00', 2],
      ['08:30', 2],
      ['09:00', 2],
    ]);
    const days = await app.inject({
      url: `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=11&from=${deadlineDay}&to=${deadlineDay}&nit=${due}`,
    });
    expect(days.json().items).toEqual([{ date: deadlineDay, available: 14 }]);

    const nine = publicView[0];
    const eight = dueView[0];
    if (!nine || !eight) throw new Error('no slots');
    // The one public place of 09:00 goes; then nobody but the person due can take the reserved one.
    expect((await hold(nine.slotId)).statusCode).toBe(201);
    expect((await hold(nine.slotId)).statusCode).toBe(409);
    expect((await hold(nine.slotId, notDue)).statusCode).toBe(409);
    expect((await hold(eight.slotId, notDue)).statusCode).not.toBe(201);
    const confirmed = await book(nine.slotId, anApplicant({ documentNumber: due }), due);
    expect(confirmed.statusCode).toBe(201);
    const slot = await database.db
      .selectFrom('slots')
      .select(['taken', 'reserved', 'reserved_taken'])
      .where('id', '=', nine.slotId)
      .executeTakeFirstOrThrow();
    expect(slot).toEqual({ taken: 2, reserved: 1, reserved_taken: 1 });
    // A reserved place held with a NIT cannot be confirmed for someone else.
    const held = await hold(eight.slotId, due);
    expect(held.statusCode).toBe(201);
    const other = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant: anApplicant(), consent },
    });
    expect(other.statusCode).toBe(422);
    // Same-day booking for another person due: 08:00 is 15 minutes away (the public needs an hour).
    const alsoDue = '800555111';
    const sameDay = await book(eight.slotId, anApplicant({ documentNumber: alsoDue }), alsoDue);
    expect(sameDay.statusCode, sameDay.body).toBe(201);
    expect(sameDay.json().startsAt).toBe('2026-12-10T08:00:00-05:00');
    // 08:00 is now full: the person due is told so, not that it is too soon; anyone else, that it is.
    expect((await hold(eight.slotId, alsoDue)).statusCode).toBe(409);
    expect((await hold(eight.slotId, notDue)).statusCode).toBe(422);
  });

  it('lets the desk check people in, mark them attended or absent, and audits each change', async () => {
    clock.set('2026-12-10T12:45:00Z');
    const [first, second] = (await slotsApi(deadlineDayPlus(0))).slice(1);
    if (!first || !second) throw new Error('no slots');
    const c1 = (await book(first.slotId)).json().code as string;
    const c2 = (await book(second.slotId)).json().code as string;
    const desk = new AdminBrowser(app);
    await desk.signIn(officer, clock);
    const page = await desk.get('/admin/mesa?fecha=2026-12-10');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(c1);
    expect(page.body).toContain(c2);
    const back = { volver: '/admin/mesa?fecha=2026-12-10' };
    expect((await desk.post(`/admin/mesa/${c1}/check-in`, back)).headers.location).toContain(
      'aviso=checkedIn',
    );
    expect((await desk.post(`/admin/mesa/${c1}/attended`, back)).statusCode).toBe(303);
    const early = await desk.post(`/admin/mesa/${c2}/no-show`, back);
    expect(early.statusCode).toBe(400);
    expect((await desk.post(`/admin/mesa/${c1}/check-in`, back)).statusCode).toBe(400);
    clock.set('2026-12-10T18:00:00Z');
    await desk.signIn(officer, clock); // the session timed out while the day went by
    expect((await desk.post(`/admin/mesa/${c2}/no-show`, back)).statusCode).toBe(303);
    expect(
      (await desk.post(`/admin/mesa/${c2}/nota`, { ...back, note: 'Llamó para excusarse' })).statusCode,
    ).toBe(303);
    const tooLong = await desk.post(`/admin/mesa/${c1}/nota`, { ...back, note: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(`href="#field-note-${c1}"`);
    expect(tooLong.body).toContain(`id="field-note-${c1}"`);
    const rows = await database.db
      .selectFrom('appointments')
      .select(['code', 'status', 'desk_note'])
      .where('code', 'in', [c1, c2])
      .orderBy('code')
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.code, [r.status, r.desk_note]]))).toEqual({
      [c1]: ['attended', null],
      [c2]: ['no_show', 'Llamó para excusarse'],
    });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'actor'])
      .where('entity_id', 'in', [c1, c2])
      .orderBy('id')
      .execute();
    expect(audit.map((e) => [e.entity_id, e.action])).toEqual([
      [c1, 'appointment.checked_in'],
      [c1, 'appointment.attended'],
      [c2, 'appointment.no_show'],
      [c2, 'appointment.note'],
    ]);
    expect(audit.every((e) => e.actor === officer.email)).toBe(true);
    // The chain holds every one of these events; changing the no-show afterwards is detected.
    expect((await verifyAuditChain(database.db)).break).toBeNull();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(database.db);
    await sql`UPDATE audit_events SET after = '{"status": "attended"}'
      WHERE action = 'appointment.no_show' AND entity_id = ${c2}`.execute(database.db);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(database.db);
    expect((await verifyAuditChain(database.db)).break).toMatchObject({ reason: 'hash' });
    // Search by code; and an administrator of another seccional can neither see nor change it.
    expect((await desk.get(`/admin/mesa?buscar=${c1}`)).body).toContain(`id="cita-${c1}"`);
    const other = new AdminBrowser(app);
    await other.signIn(seccional, clock);
    const hidden = await other.get(`/admin/mesa?buscar=${c1}`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).not.toContain(`id="cita-${c1}"`);
    expect((await other.post(`/admin/mesa/${c2}/nota`, { note: 'x' })).statusCode).toBe(403);
  });

  it('shows every agenda and desk page in English with no message key left untranslated', async () => {
    const english = new AdminBrowser(app);
    await english.signIn(national, clock);
    await english.get('/idioma/en?volver=/admin');
    const template = await database.db.selectFrom('agenda_templates').select('id').executeTakeFirstOrThrow();
    const slot = await database.db
      .selectFrom('slots')
      .select('id')
      .where('capacity_line_id', '=', lineId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const paths = [
      '/admin/agenda',
      '/admin/agenda/lineas/nueva',
      `/admin/agenda/lineas/${lineId}`,
      `/admin/agenda/lineas/${lineId}/plantillas/nueva`,
      `/admin/agenda/plantillas/${template.id}/publicar?from=2026-12-10&to=2026-12-24`,
      `/admin/agenda/lineas/${lineId}/dias/2026-12-10`,
      `/admin/agenda/lineas/${lineId}/cupos/${slot.id}`,
      '/admin/agenda/cierres',
      '/admin/agenda/calendario-tributario?anio=2026',
      '/admin/mesa?fecha=2026-12-10',
    ];
    for (const path of paths) {
      const response = await english.get(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).toContain('lang="en"');
      expect(textOf(response.body), path).not.toMatch(/\b(agenda|desk|admin)\.[a-z]+[A-Za-z.]*\b/);
    }
  });

  it('closes a whole office: every line of it, only those days', async () => {
    clock.set('2026-12-10T18:05:00Z');
    await admin.signIn(national, clock); // hours went by since the administrator signed in
    const video = await aCapacityLine(database.db, {
      office: '11',
      channel: 'video',
      procedures: [PROCEDURE],
    });
    const videoSlot = await aSlot(database.db, {
      line: video,
      office: '11',
      channel: 'video',
      startsAt: '2026-12-11T15:00:00Z',
    });
    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId: videoSlot, procedure: PROCEDURE, channel: 'video' },
    });
    expect(held.statusCode).toBe(201);
    const videoBooking = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant: anApplicant(), consent },
    });
    expect(videoBooking.statusCode).toBe(201);
    const [inPerson] = await slotsApi('2026-12-11');
    if (!inPerson) throw new Error('no slot');
    const inPersonBooking = await book(inPerson.slotId);
    expect(inPersonBooking.statusCode).toBe(201);
    // The video appointment has its room, and the desk shows the meeting link.
    const room = await database.db
      .selectFrom('appointments')
      .select('video_room')
      .where('code', '=', videoBooking.json().code)
      .executeTakeFirstOrThrow();
    expect(room.video_room).toMatch(/^[0-9a-f]{32}$/);
    const deskPage = await admin.get('/admin/mesa?fecha=2026-12-11');
    expect(deskPage.body).toContain(`href="https://meet.jit.si/${room.video_room}"`);

    // A desk officer scoped to in-person attention of office 11 sees the in-person appointment only.
    const desk = new AdminBrowser(app);
    await desk.signIn(officer, clock);
    const officerDay = await desk.get('/admin/mesa?fecha=2026-12-11');
    expect(officerDay.body).toContain(`id="cita-${inPersonBooking.json().code}"`);
    expect(officerDay.body).not.toContain(`id="cita-${videoBooking.json().code}"`);
    const notMine = await desk.post(`/admin/mesa/${videoBooking.json().code}/check-in`, {});
    expect(notMine.statusCode).toBe(403);

    const closed = await admin.post('/admin/agenda/cierres', {
      office: '11',
      line: '',
      from: '2026-12-11',
      to: '2026-12-11',
      reason: 'Simulacro de evacuación',
    });
    expect(closed.statusCode).toBe(303);
    const statuses = await database.db
      .selectFrom('appointments')
      .select('status')
      .where('code', 'in', [videoBooking.json().code, inPersonBooking.json().code])
      .execute();
    expect(statuses).toEqual([{ status: 'cancelled' }, { status: 'cancelled' }]);
    const open = await database.db
      .selectFrom('slots')
      .select('id')
      .where('office_code', '=', '11')
      .where('local_date', '=', '2026-12-11')
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    expect((await slotsApi('2026-12-14')).length).toBeGreaterThan(0);
  });

  it('lets an auditor read the agenda but offers no form that changes it, and no desk', async () => {
    const auditor = await aStaffMember(database.db, { role: 'auditor' });
    clock.set('2026-12-10T19:00:00Z');
    const reader = new AdminBrowser(app);
    await reader.signIn(auditor, clock);
    const template = await database.db.selectFrom('agenda_templates').select('id').executeTakeFirstOrThrow();
    for (const path of [
      '/admin/agenda',
      `/admin/agenda/lineas/${lineId}`,
      `/admin/agenda/plantillas/${template.id}/publicar?from=2026-12-15&to=2026-12-18`,
      `/admin/agenda/lineas/${lineId}/dias/2026-12-14`,
      '/admin/agenda/cierres',
      '/admin/agenda/calendario-tributario',
    ]) {
      const page = await reader.get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).not.toMatch(/<form method="post" action="\/admin\/agenda/);
    }
    expect((await reader.get('/admin/mesa')).statusCode).toBe(403);
    expect((await reader.get(`/admin/agenda/lineas/${lineId}/plantillas/nueva`)).statusCode).toBe(403);
  });

  test('the agenda of a line, from its creation to an auditor reading it', { timeout: 240_000 }, () =>
    story.run(),
  );
});

function deadlineDayPlus(days: number): string {
  return `2026-12-${String(10 + days).padStart(2, '0')}`;
}
