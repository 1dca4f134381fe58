import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { AdminBrowser, aStaffMember, type TestStaff, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { anApplicant, consent } from '../helpers/factories.js';

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
    const preview = await admin.get(`/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-01&to=2026-12-14`);
    expect(preview.statusCode).toBe(200);
    // 10 weekdays minus 8 December (holiday) = 9 days × 7 slots (08:00–12:00 by 30 min, less the break).
    expect(textOf(preview.body)).toContain('Se crearán 63 citas con 126 cupos en total');
    expect(textOf(preview.body)).toContain('2026-12-08: festivo');
    expect(await counts()).toMatchObject({ slots: 0 });

    const published = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-01',
      to: '2026-12-14',
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain('aviso=published');
    const slots = await database.db.selectFrom('slots').selectAll().where('capacity_line_id', '=', lineId).execute();
    expect(slots).toHaveLength(63);
    expect(slots.every((s) => s.capacity === 2 && s.status === 'open')).toBe(true);
    expect(slots.some((s) => s.local_date === '2026-12-08')).toBe(false);

    // The citizen API shows the same: 7 times on 2 December with 2 places each, none on the holiday.
    const day = await slotsApi('2026-12-02');
    expect(day.map((s) => s.startsAt.slice(11, 16))).toEqual(['08:00', '08:30', '09:00', '09:30', '10:30', '11:00', '11:30']);
    expect(day.every((s) => s.available === 2)).toBe(true);
    expect(await slotsApi('2026-12-08')).toEqual([]);

    const before = await counts();
    const again = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-01',
      to: '2026-12-14',
    });
    expect(again.headers.location).toContain('aviso=publishedNothing');
    expect(await counts()).toEqual(before);
    const previewAgain = await admin.get(`/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-01&to=2026-12-14`);
    expect(textOf(previewAgain.body)).toContain('Se crearán 0 citas');

    const badRange = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, { from: '2026-12-20', to: '2026-12-10' });
    expect(badRange.statusCode).toBe(400);
    expect(badRange.body).toContain('href="#field-to"');
    const past = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, { from: '2026-11-01', to: '' });
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
    const slot = await database.db.selectFrom('slots').select(['capacity', 'taken']).where('id', '=', first.slotId).executeTakeFirstOrThrow();
    expect(slot).toEqual({ capacity: 1, taken: 1 });
    const audit = await database.db.selectFrom('audit_events').select(['before', 'after']).where('action', '=', 'slot.capacity').execute();
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
    expect((await other.post(`/admin/agenda/plantillas/${templateId}/publicar`, { from: '2026-12-15', to: '2026-12-18' })).statusCode).toBe(403);
    expect((await other.post(`/admin/agenda/lineas/${lineId}/dias/2026-12-04/cerrar`, { scope: 'office', reason: 'Inventario' })).statusCode).toBe(403);
    const closure = await other.post('/admin/agenda/cierres', { office: '11', from: '2026-12-04', to: '2026-12-04', reason: 'Inventario' });
    expect(closure.statusCode).toBe(400);
    expect(closure.body).toContain('href="#field-office"');
    const line = await other.post('/admin/agenda/lineas', { office: '11', channel: 'presencial', name: 'Ajena', procedures: [PROCEDURE] });
    expect(line.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const desk = new AdminBrowser(app);
    await desk.signIn(officer, clock);
    const beforeDesk = await counts();
    expect((await desk.get('/admin/mesa')).statusCode).toBe(200);
    expect((await desk.get('/admin/agenda')).statusCode).toBe(403);
    expect((await desk.post(`/admin/agenda/plantillas/${templateId}/publicar`, { from: '2026-12-15', to: '2026-12-18' })).statusCode).toBe(403);
    expect(await counts()).toEqual(beforeDesk);
  });
});
