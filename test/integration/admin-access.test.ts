import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import {
  AdminBrowser,
  adminPostRoutes,
  aStaffMember,
  type Form,
  type TestStaff,
  textOf,
} from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

/** A real target for each parameter: an office outside seccional 05, a procedure, a channel, an id. */
function concrete(route: string, ids: { staff: number; kiosk: number }): string {
  return route
    .replace('/oficinas/:code', '/oficinas/11')
    .replace('/tramites/:code', '/tramites/orientacion-tributaria')
    .replace('/canales/:code', '/canales/video')
    .replace('/funcionarios/:id', `/funcionarios/${ids.staff}`)
    .replace('/quioscos/:id', `/quioscos/${ids.kiosk}`);
}

const VALID_OFFICE: Form = {
  name: 'Dirección Seccional de Impuestos de Medellín',
  kind: 'impuestos',
  seccional: '11',
  city: '05001',
  address: 'Calle 44 # 52-165',
  hoursEs: 'Lunes a viernes de 8:00 a 16:30',
  hoursEn: 'Monday to Friday 8:00–16:30',
  desks: '9',
  active: 'on',
};

describe.each(engines())('who may see and change what, on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date('2026-03-03T14:00:00Z'));
  let national: TestStaff;
  let seccional: TestStaff;
  let auditor: TestStaff;
  let officer: TestStaff;
  let ids: { staff: number; kiosk: number };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    national = await aStaffMember(database.db, { role: 'admin_nacional' });
    seccional = await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] });
    auditor = await aStaffMember(database.db, { role: 'auditor' });
    officer = await aStaffMember(database.db, { role: 'funcionario', offices: ['11:presencial'] });
    const kiosk = await database.db.selectFrom('kiosks').select('id').limit(1).executeTakeFirstOrThrow();
    ids = { staff: officer.id, kiosk: kiosk.id };
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const snapshot = async () => ({
    audit: (await database.db.selectFrom('audit_events').select('id').execute()).length,
    office11: await database.db.selectFrom('offices').selectAll().where('code', '=', '11').executeTakeFirst(),
    staff: await database.db
      .selectFrom('staff')
      .select(['id', 'role', 'active', 'password_hash'])
      .orderBy('id')
      .execute(),
  });
  /** Changes nothing but the sign-in bookkeeping (sessions, last sign-in). */
  const dataOf = async () => {
    const s = await snapshot();
    return {
      ...s,
      staff: s.staff.map(({ id, role, active, password_hash }) => ({ id, role, active, password_hash })),
    };
  };

  it('lists only the offices of the seccional administrator’s seccional', async () => {
    const browser = new AdminBrowser(app);
    await browser.signIn(seccional, clock);
    const list = await browser.get('/admin/oficinas');
    expect(list.statusCode).toBe(200);
    const codes = [...list.body.matchAll(/href="\/admin\/oficinas\/(\d+)"/g)].map((m) => m[1]);
    expect(codes.sort()).toEqual(['05', '0501', '0502']);
    expect((await browser.get('/admin/oficinas/0501')).statusCode).toBe(200);
  });

  it('refuses a seccional administrator another seccional’s office, by direct GET and POST', async () => {
    const browser = new AdminBrowser(app);
    await browser.signIn(seccional, clock);
    const before = await dataOf();
    const view = await browser.get('/admin/oficinas/11');
    expect(view.statusCode).toBe(403);
    expect(textOf(view.body)).toContain('no tiene permiso');
    expect((await browser.post('/admin/oficinas/11', VALID_OFFICE)).statusCode).toBe(403);
    expect((await browser.post('/admin/oficinas/11', { name: '' })).statusCode).toBe(403);
    expect((await browser.post('/admin/oficinas/11/desactivar')).statusCode).toBe(403);
    // Creating an office under someone else's seccional, or a new seccional, is refused too.
    const foreign = await browser.post('/admin/oficinas', { ...VALID_OFFICE, code: '1190', seccional: '11' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('href="#field-seccional"');
    const own = await browser.post('/admin/oficinas', { ...VALID_OFFICE, code: '1191', seccional: 'propia' });
    expect(own.statusCode).toBe(400);
    // Moving one of its own offices to another seccional is refused.
    const move = await browser.post('/admin/oficinas/0501', {
      ...VALID_OFFICE,
      name: 'Punto de contacto Centro – Cali',
      city: '76001',
      seccional: '11',
    });
    expect(move.statusCode).toBe(400);
    expect(await dataOf()).toEqual(before);
    const created = await database.db
      .selectFrom('offices')
      .select('code')
      .where('code', 'in', ['1190', '1191'])
      .execute();
    expect(created).toEqual([]);

    // Its own offices it can change.
    const ok = await browser.post('/admin/oficinas/0501', {
      ...VALID_OFFICE,
      name: 'Punto de contacto Centro – Cali',
      city: '76001',
      seccional: '05',
      desks: '5',
    });
    expect(ok.statusCode).toBe(303);
    const office = await database.db
      .selectFrom('offices')
      .select('desks')
      .where('code', '=', '0501')
      .executeTakeFirst();
    expect(office?.desks).toBe(5);
  });

  it('shows a seccional administrator only the audit events of its offices', async () => {
    const browser = new AdminBrowser(app);
    await browser.signIn(national, clock);
    expect((await browser.post('/admin/oficinas/11', { ...VALID_OFFICE, desks: '10' })).statusCode).toBe(303);
    const all = textOf((await browser.get('/admin/auditoria?entidad=office')).body);
    expect(all).toContain('office 11');

    const scoped = new AdminBrowser(app);
    await scoped.signIn(seccional, clock);
    const page = textOf((await scoped.get('/admin/auditoria?entidad=office')).body);
    expect(page).toContain('office 0501');
    expect(page).not.toContain('office 11');
  });

  it('lets an auditor read but change nothing', async () => {
    const browser = new AdminBrowser(app);
    await browser.signIn(auditor, clock);
    for (const path of [
      '/admin/oficinas',
      '/admin/oficinas/11',
      '/admin/tramites',
      '/admin/funcionarios',
      '/admin/auditoria',
    ]) {
      const page = await browser.get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).not.toMatch(
        /<form method="post" action="\/admin\/(oficinas|tramites|funcionarios)/,
      );
    }
    const before = await dataOf();
    for (const route of adminPostRoutes(app)) {
      if (
        [
          '/admin/ingreso',
          '/admin/ingreso/codigo',
          '/admin/segundo-factor',
          '/admin/salir',
          '/admin/contrasena',
        ].includes(route)
      )
        continue;
      const response = await browser.post(concrete(route, ids), VALID_OFFICE);
      expect(response.statusCode, route).toBe(403);
    }
    expect(await dataOf()).toEqual(before);
  });

  it('keeps a desk officer out of the administration pages', async () => {
    const browser = new AdminBrowser(app);
    await browser.signIn(officer, clock);
    const home = await browser.get('/admin');
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('href="/admin/oficinas"');
    for (const path of [
      '/admin/oficinas',
      '/admin/oficinas/11',
      '/admin/oficinas/nueva',
      '/admin/tramites',
      '/admin/canales',
      '/admin/quioscos',
      '/admin/textos',
      '/admin/funcionarios',
      '/admin/auditoria',
    ]) {
      expect((await browser.get(path)).statusCode, path).toBe(403);
    }
    const before = await dataOf();
    expect((await browser.post('/admin/oficinas/11', VALID_OFFICE)).statusCode).toBe(403);
    expect(
      (await browser.post('/admin/funcionarios', { email: 'x@dian.test', role: 'admin_nacional' }))
        .statusCode,
    ).toBe(403);
    expect(await dataOf()).toEqual(before);
  });

  it('refuses every state-changing admin route without a valid CSRF token', async () => {
    const routes = adminPostRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const browser = new AdminBrowser(app);
    await browser.signIn(national, clock);
    const before = await dataOf();
    for (const route of routes) {
      const url = concrete(route, ids);
      const missing = await browser.post(url, VALID_OFFICE, { csrf: false });
      expect(missing.statusCode, url).toBe(403);
      expect(textOf(missing.body), url).toContain('No pudimos aceptar el formulario');
      const forged = await browser.post(url, { ...VALID_OFFICE, _csrf: 'forged-token' }, { csrf: false });
      expect(forged.statusCode, url).toBe(403);
    }
    expect(await dataOf()).toEqual(before);
    // Still signed in: the refusals did not end the session.
    expect((await browser.get('/admin')).statusCode).toBe(200);
  });

  it('does not ask the JSON API for a CSRF token', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/no-such-route', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});
