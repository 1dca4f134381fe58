import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/http/types.js';
import { verifyAuditChain } from '../../src/services/audit/trail.js';
import { AdminBrowser, aStaffMember, type Form, type TestStaff, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { anApplicant, consent } from '../helpers/factories.js';
import { Steps } from '../helpers/steps.js';

const NOW = '2026-12-01T12:00:00Z'; // Tuesday 07:00 in Bogotá
const PROCEDURE = 'orientacion-tributaria';
const OTHER_PROCEDURE = 'orientacion-aduanera'; // also served in person
const REMOTE_ONLY = 'rub'; // video and e-mail only

const TEMPLATE = {
  name: 'Mañanas',
  weekdays: ['1', '2', '3', '4', '5'],
  opens: '08:00',
  closes: '12:00',
  slotMinutes: '30',
  places: '2',
  breaks: '10:00-10:30',
};

describe.each(engines())('editing and deactivating agenda on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));
  let national: TestStaff;
  let seccional: TestStaff;
  let officer: TestStaff;
  let auditor: TestStaff;
  let admin: AdminBrowser;
  let lineId = 0;
  let templateId = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    national = await aStaffMember(database.db, { role: 'admin_nacional' });
    seccional = await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] });
    officer = await aStaffMember(database.db, { role: 'funcionario', offices: ['11:presencial'] });
    auditor = await aStaffMember(database.db, { role: 'auditor' });
    admin = new AdminBrowser(app);
    await admin.signIn(national, clock);
    const line = await admin.post('/admin/agenda/lineas', {
      office: '11',
      channel: 'presencial',
      name: 'Medellín – orientación',
      procedures: [PROCEDURE],
    });
    lineId = Number(/lineas\/(\d+)/.exec(String(line.headers.location))?.[1]);
    const template = await admin.post(`/admin/agenda/lineas/${lineId}/plantillas`, TEMPLATE);
    templateId = Number(/plantillas\/(\d+)/.exec(String(template.headers.location))?.[1]);
    const published = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-02',
      to: '2026-12-04',
    });
    expect(published.headers.location).toContain('aviso=published');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  /** Every row an edit could touch, to show a refused request changed nothing. */
  const rows = async () => ({
    lines: await database.db.selectFrom('capacity_lines').selectAll().orderBy('id').execute(),
    procedures: await database.db
      .selectFrom('capacity_line_procedures')
      .selectAll()
      .orderBy('capacity_line_id')
      .orderBy('procedure_code')
      .execute(),
    templates: await database.db.selectFrom('agenda_templates').selectAll().orderBy('id').execute(),
    slots: (await database.db.selectFrom('slots').select('id').execute()).length,
    // Signing in is audited too; only the agenda's own events are compared.
    audit: (
      await database.db
        .selectFrom('audit_events')
        .select('id')
        .where('entity_type', 'in', ['capacity_line', 'agenda_template'])
        .execute()
    ).length,
  });

  const auditOf = (action: string) =>
    database.db
      .selectFrom('audit_events')
      .select(['entity_id', 'before', 'after', 'actor'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  const slotsApi = async (date: string, procedure = PROCEDURE) =>
    (
      await app.inject({
        url: `/api/v1/availability/slots?procedure=${procedure}&channel=presencial&office=11&date=${date}`,
      })
    ).json().items as { slotId: number; startsAt: string; available: number }[];

  const daysApi = async (procedure = PROCEDURE) =>
    (
      await app.inject({
        url: `/api/v1/availability/days?procedure=${procedure}&channel=presencial&office=11&from=2026-12-02&to=2026-12-04`,
      })
    ).json().items as { date: string }[];

  const hold = (slotId: number, procedure = PROCEDURE) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure, channel: 'presencial' },
    });

  const book = async (slotId: number, procedure = PROCEDURE): Promise<string> => {
    const held = await hold(slotId, procedure);
    expect(held.statusCode, held.body).toBe(201);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant: anApplicant(), consent },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    return confirmed.json().code as string;
  };

  const statusOf = async (code: string) =>
    (
      await database.db
        .selectFrom('appointments')
        .select('status')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).status;

  /**
   * Each step works on the line, its templates and appointments as the steps before it left them: they
   * run as one test, in this order. Here `it` declares a step of that story (test/helpers/steps.ts), not
   * a test of its own.
   */
  const story = new Steps();
  const it = story.step;

  it('edits a line’s name and procedures; office and channel stay; bad input changes nothing', async () => {
    const page = await admin.get(`/admin/agenda/lineas/${lineId}/editar`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('La oficina y el canal quedan fijos al crear la línea');
    expect(page.body).toContain('value="Medellín – orientación"');
    expect(page.body).toMatch(new RegExp(`value="${PROCEDURE}" checked`));
    // Only procedures served in person are offered.
    expect(page.body).toContain(`value="${OTHER_PROCEDURE}"`);
    expect(page.body).not.toContain(`value="${REMOTE_ONLY}"`);

    const before = await rows();
    const url = `/admin/agenda/lineas/${lineId}`;
    const bad: [Form, string[]][] = [
      [{}, ['name', 'procedures']],
      [{ name: '', procedures: [PROCEDURE] }, ['name']],
      [{ name: 'Medellín' }, ['procedures']],
      [{ name: 'Medellín', procedures: [PROCEDURE, REMOTE_ONLY] }, ['procedures']],
      [{ name: 'Medellín', procedures: ['no-such-procedure'] }, ['procedures']],
    ];
    for (const [form, fields] of bad) {
      const response = await admin.post(url, form);
      expect(response.statusCode, JSON.stringify(form)).toBe(400);
      for (const field of fields)
        expect(response.body, JSON.stringify(form)).toContain(`href="#field-${field}"`);
    }
    // A procedure the catalogue no longer books by appointment cannot be added either.
    await database.db
      .updateTable('procedures')
      .set({ active: false })
      .where('code', '=', 'sucesiones-iliquidas')
      .execute();
    const withdrawn = await admin.post(url, { name: 'Medellín', procedures: ['sucesiones-iliquidas'] });
    expect(withdrawn.statusCode).toBe(400);
    expect(textOf(withdrawn.body)).toContain('ya no se agenda con cita en el catálogo');
    const wrongChannel = await admin.post(url, { name: 'Medellín', procedures: [REMOTE_ONLY] });
    expect(textOf(wrongChannel.body)).toContain(
      'Cada trámite elegido debe atenderse por el canal de la línea',
    );
    expect(await rows()).toEqual(before);

    const saved = await admin.post(url, {
      name: 'Medellín – orientación y aduanas',
      procedures: [PROCEDURE, OTHER_PROCEDURE],
      office: '05',
      channel: 'video',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/agenda/lineas/${lineId}?aviso=lineUpdated`);
    const line = await database.db
      .selectFrom('capacity_lines')
      .selectAll()
      .where('id', '=', lineId)
      .executeTakeFirstOrThrow();
    expect(line).toMatchObject({
      name: 'Medellín – orientación y aduanas',
      office_code: '11',
      channel: 'presencial',
    });
    expect((await slotsApi('2026-12-02', OTHER_PROCEDURE)).length).toBe(7);
    const [event] = await auditOf('capacity_line.update');
    expect(event?.before).toEqual({ name: 'Medellín – orientación', procedures: [PROCEDURE] });
    expect(event?.after).toEqual({
      name: 'Medellín – orientación y aduanas',
      procedures: [OTHER_PROCEDURE, PROCEDURE],
    });
    expect(event?.actor).toBe(national.email);
  });

  it('takes a procedure off a line: its appointments stay, new bookings of it stop', async () => {
    const [slot] = await slotsApi('2026-12-02', OTHER_PROCEDURE);
    if (!slot) throw new Error('no slot');
    const code = await book(slot.slotId, OTHER_PROCEDURE);
    const removed = await admin.post(`/admin/agenda/lineas/${lineId}`, {
      name: 'Medellín – orientación',
      procedures: [PROCEDURE],
    });
    expect(removed.statusCode).toBe(303);
    expect(await statusOf(code)).toBe('booked');
    expect(await slotsApi('2026-12-02', OTHER_PROCEDURE)).toEqual([]);
    expect((await hold(slot.slotId, OTHER_PROCEDURE)).statusCode).toBe(422);
    expect((await slotsApi('2026-12-02')).length).toBe(7);
    expect(await auditOf('capacity_line.update')).toHaveLength(2);
    // Saving the same name and procedures again is no change, and leaves no event.
    const same = await admin.post(`/admin/agenda/lineas/${lineId}`, {
      name: 'Medellín – orientación',
      procedures: [PROCEDURE],
    });
    expect(same.statusCode).toBe(303);
    expect(await auditOf('capacity_line.update')).toHaveLength(2);
  });

  it('deactivates a line: no slots offered, holds refused, publishing refused, booked appointments kept', async () => {
    const [slot, next] = await slotsApi('2026-12-03');
    if (!slot || !next) throw new Error('no slot');
    const code = await book(slot.slotId);
    const confirm = await admin.get(`/admin/agenda/lineas/${lineId}/desactivar`);
    expect(confirm.statusCode).toBe(200);
    // The appointment of the procedure taken off counts too: it is still on the line's slots.
    expect(textOf(confirm.body)).toContain('Hay 2 citas agendadas desde ahora en esta línea. Se mantienen');
    expect(confirm.body).toContain('href="/admin/agenda/cierres"');
    const before = await rows();

    const done = await admin.post(`/admin/agenda/lineas/${lineId}/desactivar`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/admin/agenda/lineas/${lineId}?aviso=lineDeactivated`);
    const after = await rows();
    expect(after.lines.find((l) => l.id === lineId)?.active).toBe(false);
    expect(after.slots).toBe(before.slots);
    expect(await slotsApi('2026-12-03')).toEqual([]);
    expect(await daysApi()).toEqual([]);
    expect((await hold(next.slotId)).statusCode).toBe(404);
    expect(await statusOf(code)).toBe('booked');
    const [event] = await auditOf('capacity_line.deactivate');
    expect(event?.before).toEqual({ active: true });
    expect(event?.after).toEqual({ active: false, upcomingBookedKept: 2 });

    const linePage = textOf((await admin.get(`/admin/agenda/lineas/${lineId}`)).body);
    expect(linePage).toContain('Esta línea está desactivada');
    expect(linePage).toContain('Reactivar la línea');
    // Publishing on it is refused, on the page and by a direct post.
    const publishPage = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-07&to=2026-12-11`,
    );
    expect(publishPage.statusCode).toBe(200);
    expect(textOf(publishPage.body)).toContain('está desactivada: no se puede publicar agenda en ella');
    expect(publishPage.body).not.toContain('id="preview-totals"');
    const beforePublish = await rows();
    const publish = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-07',
      to: '2026-12-11',
    });
    expect(publish.statusCode).toBe(409);
    expect(textOf(publish.body)).toContain('está desactivada: no se puede publicar agenda en ella');
    expect(await rows()).toEqual(beforePublish);
    // Deactivating twice changes nothing more; the confirmation page of an inactive line leads back.
    expect((await admin.post(`/admin/agenda/lineas/${lineId}/desactivar`)).statusCode).toBe(303);
    expect(await auditOf('capacity_line.deactivate')).toHaveLength(1);
    expect((await admin.get(`/admin/agenda/lineas/${lineId}/desactivar`)).statusCode).toBe(303);

    const back = await admin.post(`/admin/agenda/lineas/${lineId}/activar`);
    expect(back.headers.location).toBe(`/admin/agenda/lineas/${lineId}?aviso=lineActivated`);
    expect((await slotsApi('2026-12-03')).map((s) => s.slotId)).toContain(next.slotId);
    expect((await daysApi()).map((d) => d.date)).toEqual(['2026-12-02', '2026-12-03', '2026-12-04']);
    expect((await hold(next.slotId)).statusCode).toBe(201);
    expect(await auditOf('capacity_line.activate')).toHaveLength(1);
  });

  it('edits a template: every field checked as on creation, only later publications change', async () => {
    const page = await admin.get(`/admin/agenda/plantillas/${templateId}/editar`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Los cambios valen solo para lo que se publique desde ahora');
    expect(page.body).toContain('value="08:00"');
    expect(page.body).toContain('10:00-10:30</textarea>');

    const url = `/admin/agenda/plantillas/${templateId}`;
    const before = await rows();
    const bad: [Form, string[]][] = [
      [{}, ['name', 'weekdays', 'opens', 'closes', 'slotMinutes', 'places']],
      [{ ...TEMPLATE, name: '' }, ['name']],
      [{ ...TEMPLATE, opens: '14:00', closes: '09:00' }, ['closes']],
      [{ ...TEMPLATE, places: '-3' }, ['places']],
      [{ ...TEMPLATE, slotMinutes: '0' }, ['slotMinutes']],
      [{ ...TEMPLATE, breaks: '09:00-10:00\n09:30-10:30' }, ['breaks']],
      [{ ...TEMPLATE, opens: '8 am' }, ['opens']],
    ];
    for (const [form, fields] of bad) {
      const response = await admin.post(url, form);
      expect(response.statusCode, JSON.stringify(form)).toBe(400);
      for (const field of fields)
        expect(response.body, JSON.stringify(form)).toContain(`href="#field-${field}"`);
    }
    expect(await rows()).toEqual(before);

    const saved = await admin.post(url, {
      ...TEMPLATE,
      name: 'Media mañana',
      opens: '09:00',
      closes: '11:00',
      places: '3',
      breaks: '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(
      `/admin/agenda/plantillas/${templateId}/editar?aviso=templateUpdated`,
    );
    // The preview of a new week follows the new hours: 09:00–11:00 by 30 minutes, 3 places each.
    const preview = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-07&to=2026-12-07`,
    );
    expect(textOf(preview.body)).toContain('Se crearán 4 citas con 12 cupos en total');
    // What was published before keeps its times and places.
    const published = await database.db
      .selectFrom('slots')
      .select(['capacity', 'starts_at'])
      .where('capacity_line_id', '=', lineId)
      .where('local_date', '=', '2026-12-04')
      .orderBy('starts_at')
      .execute();
    expect(published).toHaveLength(7);
    expect(published.every((s) => s.capacity === 2)).toBe(true);
    expect(published[0]?.starts_at.toISOString()).toBe('2026-12-04T13:00:00.000Z');
    const [event] = await auditOf('agenda_template.update');
    expect(event?.before).toMatchObject({ name: 'Mañanas', opensMinute: 480, places: 2 });
    expect(event?.after).toMatchObject({ name: 'Media mañana', opensMinute: 540, places: 3, breaks: [] });
  });

  it('deactivates a template: no preview or publication, its hours free; reactivating checks overlaps', async () => {
    const second = await admin.post(`/admin/agenda/lineas/${lineId}/plantillas`, {
      ...TEMPLATE,
      name: 'Tardes',
      opens: '13:00',
      closes: '15:00',
      breaks: '',
    });
    const secondId = Number(/plantillas\/(\d+)/.exec(String(second.headers.location))?.[1]);
    const overlapping = { ...TEMPLATE, name: 'Tardes', opens: '10:00', closes: '14:00', breaks: '' };
    const before = await rows();
    const clash = await admin.post(`/admin/agenda/plantillas/${secondId}`, overlapping);
    expect(clash.statusCode).toBe(400);
    expect(textOf(clash.body)).toContain('se cruza con la plantilla «Media mañana»');
    expect(await rows()).toEqual(before);

    const off = await admin.post(`/admin/agenda/plantillas/${templateId}/desactivar`);
    expect(off.headers.location).toBe(
      `/admin/agenda/plantillas/${templateId}/editar?aviso=templateDeactivated`,
    );
    const preview = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-07&to=2026-12-07`,
    );
    expect(textOf(preview.body)).toContain(
      'Esta plantilla está desactivada: no se puede previsualizar ni publicar',
    );
    expect(preview.body).not.toContain('id="preview-totals"');
    const beforePublish = await rows();
    const publish = await admin.post(`/admin/agenda/plantillas/${templateId}/publicar`, {
      from: '2026-12-07',
      to: '2026-12-07',
    });
    expect(publish.statusCode).toBe(409);
    expect(await rows()).toEqual(beforePublish);
    const linePage = await admin.get(`/admin/agenda/lineas/${lineId}`);
    expect(linePage.body).not.toContain(`href="/admin/agenda/plantillas/${templateId}/publicar"`);
    expect(linePage.body).toContain(`href="/admin/agenda/plantillas/${secondId}/publicar"`);
    expect(textOf(linePage.body)).toContain('Inactiva');

    // Its hours no longer block the other template; then reactivating it would overlap.
    expect((await admin.post(`/admin/agenda/plantillas/${secondId}`, overlapping)).statusCode).toBe(303);
    const beforeRefusal = await rows();
    const refused = await admin.post(`/admin/agenda/plantillas/${templateId}/activar`);
    expect(refused.statusCode).toBe(400);
    expect(textOf(refused.body)).toContain('se cruza con la plantilla «Tardes»');
    expect(await rows()).toEqual(beforeRefusal);
    await admin.post(`/admin/agenda/plantillas/${secondId}`, {
      ...overlapping,
      opens: '13:00',
      closes: '15:00',
    });
    const on = await admin.post(`/admin/agenda/plantillas/${templateId}/activar`);
    expect(on.headers.location).toBe(`/admin/agenda/plantillas/${templateId}/editar?aviso=templateActivated`);
    const again = await admin.get(
      `/admin/agenda/plantillas/${templateId}/publicar?from=2026-12-07&to=2026-12-07`,
    );
    expect(textOf(again.body)).toContain('Se crearán 4 citas');
    expect((await auditOf('agenda_template.deactivate')).map((e) => e.entity_id)).toEqual([
      String(templateId),
    ]);
    expect((await auditOf('agenda_template.activate')).map((e) => [e.before, e.after])).toEqual([
      [{ active: false }, { active: true }],
    ]);
  });

  it('refuses another seccional, a desk officer and an auditor on the server, and changes nothing', async () => {
    const before = await rows();
    const posts: [string, Form][] = [
      [`/admin/agenda/lineas/${lineId}`, { name: 'Ajena', procedures: [PROCEDURE] }],
      [`/admin/agenda/lineas/${lineId}/desactivar`, {}],
      [`/admin/agenda/lineas/${lineId}/activar`, {}],
      [`/admin/agenda/plantillas/${templateId}`, { ...TEMPLATE, name: 'Ajena' }],
      [`/admin/agenda/plantillas/${templateId}/desactivar`, {}],
      [`/admin/agenda/plantillas/${templateId}/activar`, {}],
    ];
    const pages = [
      `/admin/agenda/lineas/${lineId}/editar`,
      `/admin/agenda/lineas/${lineId}/desactivar`,
      `/admin/agenda/plantillas/${templateId}/editar`,
    ];
    for (const staff of [seccional, officer, auditor]) {
      const browser = new AdminBrowser(app);
      await browser.signIn(staff, clock);
      for (const path of pages) expect((await browser.get(path)).statusCode, path).toBe(403);
      for (const [path, form] of posts) expect((await browser.post(path, form)).statusCode, path).toBe(403);
    }
    expect(await rows()).toEqual(before);
    // A line or template that does not exist is not found, whoever asks.
    expect((await admin.get('/admin/agenda/lineas/999999/editar')).statusCode).toBe(404);
    expect((await admin.post('/admin/agenda/plantillas/999999', TEMPLATE)).statusCode).toBe(404);
    expect((await admin.post('/admin/agenda/lineas/abc/desactivar')).statusCode).toBe(404);
    // The auditor reads the line page without any form that changes it.
    const reader = new AdminBrowser(app);
    await reader.signIn(auditor, clock);
    const page = await reader.get(`/admin/agenda/lineas/${lineId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<form method="post" action="\/admin\/agenda/);
    expect(page.body).not.toContain('/editar"');
  });

  it('shows the new pages in English with no message key left, and keeps the audit chain whole', async () => {
    const english = new AdminBrowser(app);
    await english.signIn(national, clock);
    await english.get('/idioma/en?volver=/admin');
    for (const path of [
      `/admin/agenda/lineas/${lineId}`,
      `/admin/agenda/lineas/${lineId}/editar`,
      `/admin/agenda/lineas/${lineId}/desactivar`,
      `/admin/agenda/plantillas/${templateId}/editar`,
    ]) {
      const response = await english.get(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).toContain('lang="en"');
      expect(textOf(response.body), path).not.toMatch(/\b(agenda|admin)\.[a-z]+[A-Za-z.]*\b/);
    }
    expect(textOf((await english.get(`/admin/agenda/lineas/${lineId}/desactivar`)).body)).toContain(
      'They are kept',
    );
    expect((await verifyAuditChain(database.db)).break).toBeNull();
  });

  test(
    'the life of a line: edited, a procedure taken off, deactivated, its templates edited and deactivated, read in English',
    { timeout: 240_000 },
    () => story.run(),
  );
});
