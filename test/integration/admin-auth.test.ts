import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.js';
import type { App } from '../../src/http/types.js';
import { verifyAuditChain } from '../../src/services/audit/trail.js';
import { createStaff } from '../../src/services/staff-access/accounts.js';
import { AdminBrowser, aStaffMember, codeAt, PASSWORD, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

const MINUTE = 60_000;

describe.each(engines())('staff sign-in on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date('2026-03-02T14:00:00Z'));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const actionsOf = async (staffId: number) =>
    (
      await database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_type', '=', 'staff')
        .where('entity_id', '=', String(staffId))
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  it('sends anonymous visitors to the sign-in page', async () => {
    const browser = new AdminBrowser(app);
    const response = await browser.get('/admin/oficinas');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/ingreso?volver=%2Fadmin%2Foficinas');
    const page = await browser.get('/admin/ingreso');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('name="_csrf"');
  });

  it('signs in with password and TOTP, rotating the session id at each step', async () => {
    const admin = await aStaffMember(database.db, { role: 'admin_nacional' });
    const browser = new AdminBrowser(app);
    await browser.get('/admin/ingreso');
    // A session id planted by someone else is never adopted.
    browser.cookies.set('agenda_staff', 'planted-by-an-attacker-000000000000000000000');
    const login = await browser.post('/admin/ingreso', { email: admin.email, password: PASSWORD });
    expect(login.statusCode).toBe(303);
    const afterPassword = browser.sessionCookie();
    expect(afterPassword).toBeDefined();
    expect(afterPassword).not.toBe('planted-by-an-attacker-000000000000000000000');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);

    // The password alone opens nothing but the code page.
    expect((await browser.get('/admin')).headers.location).toBe('/admin/ingreso/codigo');
    expect((await browser.get('/admin/oficinas')).headers.location).toBe('/admin/ingreso/codigo');

    const code = await browser.post('/admin/ingreso/codigo', {
      code: codeAt(admin.totpSecret ?? '', clock.now()),
    });
    expect(code.statusCode).toBe(303);
    const afterCode = browser.sessionCookie();
    expect(afterCode).toBeDefined();
    expect(afterCode).not.toBe(afterPassword);

    const dashboard = await browser.get('/admin');
    expect(dashboard.statusCode).toBe(200);
    expect(textOf(dashboard.body)).toContain('Administración');

    // The old id is dead, and the database keeps only the SHA-256 of the live one.
    const stale = await app.inject({
      method: 'GET',
      url: '/admin',
      cookies: { agenda_staff: afterPassword ?? '' },
    });
    expect(stale.headers.location).toMatch(/^\/admin\/ingreso/);
    const ids = (
      await database.db.selectFrom('staff_sessions').select('id').where('staff_id', '=', admin.id).execute()
    ).map((r) => r.id);
    expect(ids).toEqual([
      createHash('sha256')
        .update(afterCode ?? '')
        .digest('hex'),
    ]);
    expect(await actionsOf(admin.id)).toContain('staff.sign_in');
  });

  it('refuses a TOTP code used before (replay), and a wrong code', async () => {
    const admin = await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] });
    const first = new AdminBrowser(app);
    clock.advance(30_000);
    const code = codeAt(admin.totpSecret ?? '', clock.now());
    await first.post('/admin/ingreso', { email: admin.email, password: PASSWORD });
    expect((await first.post('/admin/ingreso/codigo', { code })).statusCode).toBe(303);

    // Same code, same 30-second step, another browser: refused.
    const second = new AdminBrowser(app);
    await second.post('/admin/ingreso', { email: admin.email, password: PASSWORD });
    const replay = await second.post('/admin/ingreso/codigo', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('aria-invalid="true"');
    expect(replay.body).toContain('href="#field-code"');
    const wrong = await second.post('/admin/ingreso/codigo', {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await second.get('/admin')).headers.location).toBe('/admin/ingreso/codigo');

    // The next step's code works.
    clock.advance(30_000);
    const next = await second.post('/admin/ingreso/codigo', {
      code: codeAt(admin.totpSecret ?? '', clock.now()),
    });
    expect(next.statusCode).toBe(303);
    expect((await second.get('/admin')).statusCode).toBe(200);
  });

  it('never lets a stranger lock an account with wrong passwords: the guesser is held back at its address', async () => {
    const limited = await buildTestApp(database, { rateLimit: true }, clock.now);
    try {
      const officer = await aStaffMember(database.db, { role: 'funcionario', offices: ['11'] });
      const guesser = new AdminBrowser(limited, '10.9.9.9');
      await guesser.get('/admin/ingreso');
      for (let i = 0; i < 5; i++) {
        const r = await guesser.post('/admin/ingreso', {
          email: officer.email,
          password: `wrong password ${i}`,
        });
        expect(r.statusCode).toBe(400);
        expect(r.body).toContain(officer.email); // what was typed is kept
      }
      // The account is not locked: nothing a stranger types can lock it.
      const row = await database.db
        .selectFrom('staff')
        .select(['locked_until', 'failed_attempts'])
        .where('id', '=', officer.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ locked_until: null, failed_attempts: 0 });
      // The guesser's address is held back for this account, even with the right password.
      const held = await guesser.post('/admin/ingreso', { email: officer.email, password: PASSWORD });
      expect(held.statusCode).toBe(429);
      expect(guesser.sessionCookie()).toBeUndefined();
      // Its owner, from their own address, signs in as usual meanwhile.
      const owner = new AdminBrowser(limited, '10.1.2.3');
      await owner.get('/admin/ingreso');
      const open = await owner.post('/admin/ingreso', { email: officer.email, password: PASSWORD });
      expect(open.statusCode).toBe(303);
      expect((await owner.get('/admin')).statusCode).toBe(200);
      expect(await actionsOf(officer.id)).toEqual(['staff.create', 'staff.sign_in']);
      const unknown = await owner.post('/admin/ingreso', { email: 'nobody@dian.test', password: PASSWORD });
      expect(textOf(unknown.body)).toContain('El correo, la contraseña o el código no son correctos');
      clock.advance(15 * MINUTE + 1_000);
      expect(
        (await guesser.post('/admin/ingreso', { email: officer.email, password: PASSWORD })).statusCode,
      ).toBe(303);
    } finally {
      await limited.close();
    }
  });

  it('keeps counting wrong codes across password steps until the whole sign-in succeeds', async () => {
    const admin = await aStaffMember(database.db, { role: 'admin_nacional' });
    const browser = new AdminBrowser(app);
    await browser.get('/admin/ingreso');
    const wrong = (c: string) => (c === '000000' ? '111111' : '000000');
    for (let round = 0; round < 2; round++) {
      expect(
        (await browser.post('/admin/ingreso', { email: admin.email, password: PASSWORD })).statusCode,
      ).toBe(303);
      for (let i = 0; i < 2; i++) {
        const r = await browser.post('/admin/ingreso/codigo', {
          code: wrong(codeAt(admin.totpSecret ?? '', clock.now())),
        });
        expect(r.statusCode).toBe(400);
      }
    }
    // The fifth failure, right after a correct password, locks the account and ends the session.
    expect(
      (await browser.post('/admin/ingreso', { email: admin.email, password: PASSWORD })).statusCode,
    ).toBe(303);
    const fifth = await browser.post('/admin/ingreso/codigo', {
      code: wrong(codeAt(admin.totpSecret ?? '', clock.now())),
    });
    expect(fifth.statusCode).toBe(400);
    expect(fifth.body).toContain('href="#field-email"');
    expect((await browser.get('/admin')).headers.location).toMatch(/^\/admin\/ingreso/);
    const locked = await browser.post('/admin/ingreso', { email: admin.email, password: PASSWORD });
    expect(locked.statusCode).toBe(400);
    expect(await actionsOf(admin.id)).toEqual(['staff.create', 'staff.lock']);
  });

  it('holds up an address after 10 failed sign-ins on any accounts, but not one whose sign-ins succeed', async () => {
    const limited = await buildTestApp(database, { rateLimit: true }, clock.now);
    try {
      const officer = await aStaffMember(database.db, { role: 'funcionario', offices: ['11'] });
      // An office signing everyone in through one address: successes do not count.
      const office = new AdminBrowser(limited, '10.1.1.1');
      for (let i = 0; i < 12; i++) {
        await office.get('/admin/ingreso');
        expect(
          (await office.post('/admin/ingreso', { email: officer.email, password: PASSWORD })).statusCode,
        ).toBe(303);
      }
      // Password spraying: one wrong password on many accounts, no account reaching its own lockout.
      const sprayer = new AdminBrowser(limited, '10.6.6.6');
      await sprayer.get('/admin/ingreso');
      for (let i = 0; i < 10; i++) {
        const r = await sprayer.post('/admin/ingreso', {
          email: `person${i}@dian.test`,
          password: 'Verano2026!',
        });
        expect(r.statusCode).toBe(400);
      }
      const held = await sprayer.post('/admin/ingreso', { email: officer.email, password: PASSWORD });
      expect(held.statusCode).toBe(429);
      expect(textOf(held.body)).toContain('demasiados intentos fallidos desde su red');
      expect(sprayer.sessionCookie()).toBeUndefined();
      // Another address is not affected, and the window passes.
      const other = new AdminBrowser(limited, '10.1.1.2');
      await other.get('/admin/ingreso');
      expect(
        (await other.post('/admin/ingreso', { email: officer.email, password: PASSWORD })).statusCode,
      ).toBe(303);
      clock.advance(10 * MINUTE);
      expect(
        (await sprayer.post('/admin/ingreso', { email: officer.email, password: PASSWORD })).statusCode,
      ).toBe(303);
    } finally {
      await limited.close();
    }
  });

  it('ends a session after 30 idle minutes, and 12 hours after sign-in whatever happens', async () => {
    const officer = await aStaffMember(database.db, { role: 'funcionario', offices: ['11'] });
    const browser = new AdminBrowser(app);
    await browser.signIn(officer, clock);
    clock.advance(29 * MINUTE);
    expect((await browser.get('/admin')).statusCode).toBe(200);
    clock.advance(29 * MINUTE);
    expect((await browser.get('/admin')).statusCode).toBe(200);
    clock.advance(30 * MINUTE);
    const idle = await browser.get('/admin');
    expect(idle.statusCode).toBe(303);
    expect(idle.headers.location).toMatch(/^\/admin\/ingreso/);
    const left = await database.db
      .selectFrom('staff_sessions')
      .select('id')
      .where('staff_id', '=', officer.id)
      .execute();
    expect(left).toEqual([]);

    // A session left open elsewhere is swept out of the table by the next sign-in of anyone.
    const elsewhere = new AdminBrowser(app);
    await elsewhere.signIn(officer, clock);
    clock.advance(31 * MINUTE);
    await browser.signIn(officer, clock);
    const sessions = await database.db
      .selectFrom('staff_sessions')
      .select('id')
      .where('staff_id', '=', officer.id)
      .execute();
    expect(sessions).toHaveLength(1);
    // Busy all day: a request every 25 minutes keeps it from idling, not from the 12-hour limit.
    for (let elapsed = 0; elapsed + 25 < 12 * 60; elapsed += 25) {
      clock.advance(25 * MINUTE);
      expect((await browser.get('/admin')).statusCode).toBe(200);
    }
    clock.advance(25 * MINUTE);
    expect((await browser.get('/admin')).statusCode).toBe(303);
  });

  it('signs out: the cookie is cleared and its session is gone', async () => {
    const officer = await aStaffMember(database.db, { role: 'auditor' });
    const browser = new AdminBrowser(app);
    await browser.signIn(officer, clock);
    const token = browser.sessionCookie() ?? '';
    const out = await browser.post('/admin/salir');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/admin/ingreso?aviso=signedOut');
    expect(browser.sessionCookie()).toBeUndefined();
    const reused = await app.inject({ method: 'GET', url: '/admin', cookies: { agenda_staff: token } });
    expect(reused.statusCode).toBe(303);
    expect(await actionsOf(officer.id)).toContain('staff.sign_out');
    expect(textOf((await browser.get('/admin/ingreso?aviso=signedOut')).body)).toContain('Cerró la sesión.');
  });

  it('takes a new administrator from the one-time password through TOTP enrolment and a new password', async () => {
    const created = await createStaff(
      database.db,
      systemActor('cli'),
      { email: 'nueva.admin@dian.test', role: 'admin_nacional', name: 'Nueva Admin' },
      clock.now(),
    );
    const browser = new AdminBrowser(app);
    await browser.get('/admin/ingreso');
    await browser.post('/admin/ingreso', {
      email: 'nueva.admin@dian.test',
      password: created.oneTimePassword,
    });
    expect((await browser.get('/admin')).headers.location).toBe('/admin/segundo-factor');

    const enrol = await browser.get('/admin/segundo-factor');
    expect(enrol.statusCode).toBe(200);
    expect(enrol.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+"/);
    const secret = (/id="totp-secret">([A-Z2-7 ]+)</.exec(enrol.body)?.[1] ?? '').replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Reloading shows the same secret (it belongs to this session until confirmed).
    expect((await browser.get('/admin/segundo-factor')).body).toContain(secret.slice(0, 4));

    const bad = await browser.post('/admin/segundo-factor', { code: '12345' });
    expect(bad.statusCode).toBe(400);
    const before = browser.sessionCookie();
    clock.advance(30_000);
    const ok = await browser.post('/admin/segundo-factor', { code: codeAt(secret, clock.now()) });
    expect(ok.statusCode).toBe(303);
    expect(browser.sessionCookie()).not.toBe(before);

    expect((await browser.get('/admin')).headers.location).toBe('/admin/contrasena');
    const weak = await browser.post('/admin/contrasena', {
      current: created.oneTimePassword,
      next: 'short',
      confirm: 'other',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('href="#field-next"');
    expect(weak.body).toContain('href="#field-confirm"');
    const changed = await browser.post('/admin/contrasena', {
      current: created.oneTimePassword,
      next: 'una frase larga y propia',
      confirm: 'una frase larga y propia',
    });
    expect(changed.statusCode).toBe(303);
    expect((await browser.get('/admin')).statusCode).toBe(200);
    expect(await actionsOf(created.id)).toEqual([
      'staff.create',
      'staff.totp_enrol',
      'staff.sign_in',
      'staff.password_change',
    ]);
    expect((await verifyAuditChain(database.db)).break).toBeNull();
  });

  it('marks the session cookie Secure and __Host- when the site is served over https', async () => {
    const httpsApp = await buildTestApp(database, { publicUrl: 'https://citas.dian.gov.co' }, clock.now);
    try {
      const officer = await aStaffMember(database.db, { role: 'analista' });
      const page = await httpsApp.inject({ method: 'GET', url: '/admin/ingreso' });
      const csrfCookie = page.cookies.find((c) => c.name === '__Host-csrf');
      expect(csrfCookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const login = await httpsApp.inject({
        method: 'POST',
        url: '/admin/ingreso',
        payload: new URLSearchParams({ email: officer.email, password: PASSWORD, _csrf: token }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: { '__Host-csrf': csrfCookie?.value ?? '' },
      });
      expect(login.statusCode).toBe(303);
      const session = login.cookies.find((c) => c.name === '__Host-agenda_staff');
      expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    } finally {
      await httpsApp.close();
    }
  });
});
