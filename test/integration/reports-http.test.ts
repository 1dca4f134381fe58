import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { instantAt } from '../../src/domain/civil-time.js';
import type { App } from '../../src/http/types.js';
import { findDays, findSlots } from '../../src/services/availability.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import { REPORTS } from '../../src/services/reports/reports.js';
import { AdminBrowser, aStaffMember, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { parseCsv } from '../helpers/csv.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const PERIOD = 'desde=2026-12-01&hasta=2026-12-07';

describe.each(engines())('report pages over HTTP on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(instantAt('2026-12-07', '18:00'));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const config = testConfig();
    // Activity in Cali (seccional 05) and in Medellín (11).
    for (const office of ['05', '11']) {
      const line = await aCapacityLine(db, { office, procedures: [PROCEDURE] });
      const slot = await aSlot(db, { line, office, startsAt: instantAt('2026-12-03', '09:00'), capacity: 3 });
      const ctx = { db, config, now: instantAt('2026-12-02', '10:15') };
      await findDays(ctx, {
        procedure: PROCEDURE,
        channel: 'presencial',
        office,
        from: '2026-12-02',
        to: '2026-12-10',
      });
      await findSlots(ctx, { procedure: PROCEDURE, channel: 'presencial', office, date: '2026-12-03' });
      const hold = await placeHold(ctx, {
        slotId: slot,
        procedure: PROCEDURE,
        channel: 'presencial',
        sessionKey: null,
      });
      await confirmHold(ctx, {
        holdId: hold.holdId,
        applicant: anApplicant(),
        consent,
        via: 'api',
        locale: 'es',
      });
    }
    app = await buildTestApp(database, {}, clock.now);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('shows every report to an analyst, with its chart, its table and the same table as CSV', async () => {
    const analyst = new AdminBrowser(app);
    await analyst.signIn(await aStaffMember(database.db, { role: 'analista' }), clock);
    const index = await analyst.get('/admin/informes');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('href="/admin/informes"');
    for (const slug of REPORTS) {
      const page = await analyst.get(`/admin/informes/${slug}?${PERIOD}`);
      expect(page.statusCode, slug).toBe(200);
      expect(page.body).toMatch(
        /<svg[^>]+role="img"[^>]+aria-labelledby="grafico-[a-z-]+-title grafico-[a-z-]+-desc"/,
      );
      expect(page.body).toContain('<title id="grafico-');
      expect(page.body).toContain(`formato=csv`);
      const csv = await analyst.get(`/admin/informes/${slug}?${PERIOD}&formato=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="informe-${slug}-2026-12-01-a-2026-12-07.csv"`,
      );
      expect(csv.headers['cache-control']).toBe('no-store');
      const rows = parseCsv(csv.body);
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true);
    }
    const supply = parseCsv((await analyst.get(`/admin/informes/oferta-demanda?${PERIOD}&formato=csv`)).body);
    expect(supply[0]).toEqual([
      'Fecha',
      'Cupos publicados',
      'Búsquedas',
      'Búsquedas sin resultado',
      'Cupos apartados',
      'Citas confirmadas',
    ]);
    expect(supply.find((r) => r[0] === '2026-12-02')).toEqual(['2026-12-02', '0', '4', '0', '2', '2']);
    expect(supply.find((r) => r[0] === '2026-12-03')).toEqual(['2026-12-03', '6', '0', '0', '0', '0']);
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    await database.db
      .updateTable('offices')
      .set({ name: '=HYPERLINK("http://x","y")' })
      .where('code', '=', '11')
      .execute();
    const analyst = new AdminBrowser(app);
    await analyst.signIn(await aStaffMember(database.db, { role: 'analista' }), clock);
    const csv = await analyst.get(`/admin/informes/cancelaciones?${PERIOD}&formato=csv`);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"",""y"") (11)"`);
    expect(parseCsv(csv.body).map((r) => r[0])).toContain(`'=HYPERLINK("http://x","y") (11)`);
  });

  it('limits a seccional administrator to its offices and refuses the others', async () => {
    const admin = new AdminBrowser(app);
    await admin.signIn(await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] }), clock);
    const mine = parseCsv((await admin.get(`/admin/informes/cancelaciones?${PERIOD}&formato=csv`)).body);
    expect(mine.slice(1, -1).map((r) => r[0])).toEqual([expect.stringMatching(/\(05\)$/)]);
    const supply = parseCsv((await admin.get(`/admin/informes/oferta-demanda?${PERIOD}&formato=csv`)).body);
    expect(supply.find((r) => r[0] === '2026-12-02')).toEqual(['2026-12-02', '0', '2', '0', '1', '1']);
    const page = await admin.get(`/admin/informes/oferta-demanda?${PERIOD}`);
    expect(page.body).not.toContain('value="11"');
    expect((await admin.get(`/admin/informes/oferta-demanda?${PERIOD}&oficina=11`)).statusCode).toBe(403);
    expect((await admin.get(`/admin/informes/horas?${PERIOD}&seccional=11&formato=csv`)).statusCode).toBe(
      403,
    );
    expect((await admin.get(`/admin/informes/horas?${PERIOD}&oficina=05&formato=csv`)).statusCode).toBe(200);
  });

  it('shows bad filters next to their fields, speaks English to an auditor, and keeps other roles and strangers out', async () => {
    const analyst = new AdminBrowser(app);
    await analyst.signIn(await aStaffMember(database.db, { role: 'analista' }), clock);
    const bad = await analyst.get('/admin/informes/ocupacion?desde=2026-12-09&hasta=2026-12-01&canal=fax');
    expect(bad.statusCode).toBe(400);
    const text = textOf(bad.body);
    expect(text).toContain('La fecha final debe ser igual o posterior a la inicial');
    expect(text).toContain('Elija un canal de la lista');
    expect((await analyst.get('/admin/informes/no-existe')).statusCode).toBe(404);
    expect((await analyst.get('/admin/oficinas')).statusCode).toBe(403);

    const auditor = new AdminBrowser(app);
    await auditor.signIn(await aStaffMember(database.db, { role: 'auditor' }), clock);
    auditor.cookies.set('lang', 'en');
    const english = await auditor.get(`/admin/informes/cancelaciones?${PERIOD}`);
    expect(english.statusCode).toBe(200);
    expect(textOf(english.body)).toContain('Cancellations and no-shows by office');
    const englishCsv = parseCsv((await auditor.get(`/admin/informes/horas?${PERIOD}&formato=csv`)).body);
    expect(englishCsv[0]).toEqual(['Hour', 'Searches', 'Places held', 'Appointments confirmed']);
    expect(englishCsv.at(-1)?.[0]).toBe('Whole period');

    const officer = new AdminBrowser(app);
    await officer.signIn(await aStaffMember(database.db, { role: 'funcionario', offices: ['11'] }), clock);
    expect((await officer.get('/admin/informes')).statusCode).toBe(403);
    const stranger = await app.inject({ url: '/admin/informes/horas' });
    expect(stranger.statusCode).toBe(303);
  });
});
