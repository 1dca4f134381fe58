import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { translate } from '../../src/i18n/index.js';
import { AdminBrowser, aStaffMember, type TestStaff } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { changedTables, databaseFingerprint, fillPath, registeredRoutes } from '../helpers/routes.js';

/**
 * The routes that take a post without the site's CSRF token, each with the reason. Any other
 * state-changing page route must refuse a post without one; the list of routes comes from the app
 * itself, so a new page is covered the day it is registered.
 */
const WITHOUT_TOKEN: Record<string, string> = {
  'POST /alertas/baja/:token':
    'one-click unsubscribe (RFC 8058): mail clients post to the link with no cookie; the token in the address is the secret',
};

const CSRF_REFUSAL = translate('es', 'csrf.invalid');
const PARAMS = { token: 'A'.repeat(32), code: '11', id: '1', holdId: '1' };

describe.each(engines())('CSRF on every state-changing page on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let admin: TestStaff;
  const clock = new TestClock(new Date('2026-12-01T12:00:00Z'));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    admin = await aStaffMember(database.db, { role: 'admin_nacional' });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const pageRoutes = () =>
    registeredRoutes(app)
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !r.path.startsWith('/api/'))
      .map((r) => ({ ...r, key: `${r.method} ${r.path}` }));

  it('knows the routes it exempts, and they exist', () => {
    const keys = pageRoutes().map((r) => r.key);
    for (const exempt of Object.keys(WITHOUT_TOKEN)) expect(keys).toContain(exempt);
    expect(keys).toContain('POST /mis-datos/acceso/:token/eliminar');
    expect(keys.length).toBeGreaterThan(25);
  });

  it('refuses a post without a token, or with a wrong one, and changes nothing', async () => {
    const staff = new AdminBrowser(app, '10.8.0.1');
    await staff.signIn(admin, clock);
    const citizen = new AdminBrowser(app, '10.8.0.2');
    await citizen.get('/mis-datos');
    const refusedWithout: string[] = [];
    const checked: string[] = [];
    // Signing out last: it ends the session the other checks use.
    const routes = pageRoutes().sort(
      (a, b) => Number(a.path === '/admin/salir') - Number(b.path === '/admin/salir'),
    );
    for (const route of routes) {
      const browser = route.path.startsWith('/admin') ? staff : citizen;
      const url = fillPath(route.path, PARAMS);
      const form = { email: 'persona@example.com', name: 'Nombre', code: '123456' };
      const attempts = [
        { label: 'no token', form, cookies: true },
        { label: 'wrong token', form: { ...form, _csrf: 'forged-token-value' }, cookies: true },
        { label: 'cross-site, no cookies', form, cookies: false },
      ];
      for (const attempt of attempts) {
        const before = await databaseFingerprint(database.db);
        const response = await app.inject({
          method: route.method as 'POST',
          url,
          payload: new URLSearchParams(attempt.form).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          cookies: attempt.cookies ? Object.fromEntries(browser.cookies) : {},
          remoteAddress: '10.8.0.3',
        });
        const label = `${route.key} (${attempt.label})`;
        if (route.key in WITHOUT_TOKEN) {
          expect(response.body, label).not.toContain(CSRF_REFUSAL);
          continue;
        }
        expect(response.statusCode, label).toBe(403);
        expect(response.headers['content-type'], label).toMatch(/^text\/html/);
        expect(response.body, label).toContain(CSRF_REFUSAL);
        expect(changedTables(before, await databaseFingerprint(database.db)), label).toEqual([]);
        if (attempt.label === 'no token') refusedWithout.push(route.key);
      }
      // The same post with the page's token gets past the check (whatever the form then says).
      const withToken = await browser.post(url, { email: 'persona@example.com' });
      expect(withToken.body, `${route.key} with its token`).not.toContain(CSRF_REFUSAL);
      checked.push(route.key);
    }
    expect(checked.length).toBe(routes.length);
    expect(refusedWithout.length).toBe(routes.length - Object.keys(WITHOUT_TOKEN).length);
  });
});
