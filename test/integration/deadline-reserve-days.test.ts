import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { AdminBrowser, aStaffMember, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z';
// The monthly obligations of November 2026 fall due on these business days of December (migration 0520).
const DECEMBER_DEADLINES = [
  '2026-12-10',
  '2026-12-11',
  '2026-12-14',
  '2026-12-15',
  '2026-12-16',
  '2026-12-17',
  '2026-12-18',
  '2026-12-21',
  '2026-12-22',
  '2026-12-23',
];

describe.each(engines())('reserving places on every deadline day of a range on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));
  let national: AdminBrowser;
  let line = 0;
  let deadlineSlot = 0;
  let ordinarySlot = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    line = await aCapacityLine(database.db, { office: '11' });
    deadlineSlot = await aSlot(database.db, { line, startsAt: '2026-12-10T14:00:00Z', capacity: 4 });
    ordinarySlot = await aSlot(database.db, { line, startsAt: '2026-12-09T14:00:00Z', capacity: 4 });
    national = new AdminBrowser(app);
    await national.signIn(await aStaffMember(database.db, { role: 'admin_nacional' }), clock);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const state = async () => ({
    reservations: await database.db
      .selectFrom('deadline_reservations')
      .select(['local_date', 'percent'])
      .orderBy('local_date')
      .execute(),
    reserved: await database.db.selectFrom('slots').select(['id', 'reserved']).orderBy('id').execute(),
    audit: (
      await database.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'agenda.reserve')
        .execute()
    ).length,
  });

  it('refuses bad input with field messages and changes nothing', async () => {
    const page = await national.get('/admin/agenda/calendario-tributario');
    expect(textOf(page.body)).toContain('Reservar cupos en todos los días de vencimiento');
    const before = await state();
    const empty = await national.post('/admin/agenda/calendario-tributario/reservas', {});
    expect(empty.statusCode).toBe(400);
    for (const field of ['line', 'from', 'to', 'percent'])
      expect(empty.body).toContain(`href="#field-${field}"`);
    const cases = [
      { line: String(line), from: '2026-12-24', to: '2026-12-31', percent: '50' },
      { line: String(line), from: '2026-12-01', to: '2026-12-31', percent: '150' },
      { line: String(line), from: '2026-12-01', to: '2026-12-31', percent: '-5' },
      { line: String(line), from: '2026-12-31', to: '2026-12-01', percent: '50' },
      { line: '99999', from: '2026-12-01', to: '2026-12-31', percent: '50' },
      { line: String(line), from: '2026-01-01', to: '2027-12-31', percent: '50' },
    ];
    for (const form of cases) {
      const refused = await national.post('/admin/agenda/calendario-tributario/reservas', form);
      expect(refused.statusCode, JSON.stringify(form)).toBe(400);
      expect(refused.body).toContain('class="error-summary"');
    }
    const none = await national.post(
      '/admin/agenda/calendario-tributario/reservas',
      cases[0] as Record<string, string>,
    );
    expect(textOf(none.body)).toContain('En ese periodo no vence ninguna obligación');
    expect(await state()).toEqual(before);
  });

  it('keeps another seccional and the desk out, by direct requests', async () => {
    const before = await state();
    const form = { line: String(line), from: '2026-12-01', to: '2026-12-31', percent: '50' };
    const other = new AdminBrowser(app);
    await other.signIn(await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] }), clock);
    expect((await other.post('/admin/agenda/calendario-tributario/reservas', form)).statusCode).toBe(403);
    const desk = new AdminBrowser(app);
    await desk.signIn(
      await aStaffMember(database.db, { role: 'funcionario', offices: ['11:presencial'] }),
      clock,
    );
    expect((await desk.post('/admin/agenda/calendario-tributario/reservas', form)).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('reserves the share on every deadline day of the range, audited day by day', async () => {
    const before = await state();
    const done = await national.post('/admin/agenda/calendario-tributario/reservas', {
      line: String(line),
      from: '2026-12-01',
      to: '2026-12-31',
      percent: '50',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/admin/agenda/lineas/${line}?aviso=reservedDays`);
    const after = await state();
    expect(after.reservations).toEqual(DECEMBER_DEADLINES.map((d) => ({ local_date: d, percent: 50 })));
    expect(after.audit - before.audit).toBe(DECEMBER_DEADLINES.length);
    const reservedOf = (id: number) => after.reserved.find((s) => s.id === id)?.reserved;
    expect(reservedOf(deadlineSlot)).toBe(2);
    expect(reservedOf(ordinarySlot)).toBe(0);
    expect(textOf((await national.get(done.headers.location as string)).body)).toContain(
      'Las reservas para los días de vencimiento quedaron guardadas.',
    );
    // The public sees only the other half of the deadline day's places; the NIT due that day sees them all.
    const day = (nit = '') =>
      app.inject({
        url: `/api/v1/availability/slots?procedure=orientacion-tributaria&channel=presencial&office=11&date=2026-12-10${nit}`,
      });
    expect((await day()).json().items[0].available).toBe(2);
    expect((await day('&nit=900123451')).json().items[0].available).toBe(4);
  });
});
