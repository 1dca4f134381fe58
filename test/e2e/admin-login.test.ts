import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ensureFirstAdmin } from '../../src/services/staff-access/accounts.js';
import { codeAt } from '../helpers/admin.js';
import type { TestClock } from '../helpers/app.js';
import { wcagViolations } from '../helpers/browser.js';
import { browserTest } from '../helpers/e2e.js';

const NEW_PASSWORD = 'una frase larga para la prueba';

/** The first administrator exists before any other account (it is made only while there is none). */
const test = browserTest({ seed: async (db, clock) => ensureFirstAdmin(db, clock.now()) });

/** The code the app shows, a step later than the last one used (each code is accepted once). */
async function enterCode(page: Page, clock: TestClock, secret: string) {
  clock.advance(30_000);
  await page.getByLabel('Código de 6 dígitos').fill(codeAt(secret, clock.now()));
}

describe('back office in a real browser', () => {
  test('signs in the first administrator: one-time password, TOTP enrolment, new password', async ({
    page,
    server,
    clock,
    seeded: first,
    audit,
  }) => {
    const firstPassword = first?.oneTimePassword ?? '';
    const checkAccessibility = (name: string) => audit.check(page, name);
    await page.goto(`${server.url}/admin`);
    expect(page.url()).toContain('/admin/ingreso');
    await checkAccessibility('sign-in');

    // A wrong password shows the error summary, linked to the field.
    await page.getByLabel('Correo electrónico').fill('admin@dian.local');
    await page.getByLabel('Contraseña').fill('not the password');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Hay un problema');
    // The script moves the focus to the summary (without it, the page works the same).
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await checkAccessibility('sign-in with an error');

    await page.getByLabel('Contraseña').fill(firstPassword);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForURL(/\/admin\/segundo-factor$/);
    const qrWidth = await page
      .getByRole('img', { name: /Código QR/ })
      .evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(qrWidth).toBeGreaterThan(0);
    await checkAccessibility('TOTP enrolment');
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await enterCode(page, clock, secret);
    await page.getByRole('button', { name: 'Activar el segundo factor' }).click();

    await page.waitForURL(/\/admin\/contrasena$/);
    await checkAccessibility('forced password change');
    await page.getByLabel('Contraseña actual').fill(firstPassword);
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repita la contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();

    await page.waitForURL(/\/admin\?aviso=passwordChanged$/);
    expect(await page.getByRole('status').textContent()).toContain('Su contraseña quedó cambiada.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Administración');
    await checkAccessibility('dashboard');
    expect(audit.pages.size).toBe(5);
    expect(audit.found()).toEqual([]);
  });

  test('creates an office through the form, fixing a mistake on the way', async ({
    admin: { page, staff },
    database,
    audit: checked,
  }) => {
    const checkAccessibility = (name: string) => checked.check(page, name);
    await page
      .getByRole('navigation', { name: 'Menú de administración' })
      .getByRole('link', { name: 'Oficinas' })
      .click();
    await page.waitForURL(/\/admin\/oficinas$/);
    await checkAccessibility('office list');
    await page.getByRole('link', { name: 'Crear una oficina' }).click();
    await page.waitForURL(/\/admin\/oficinas\/nueva$/);
    await checkAccessibility('new office form');

    await page.getByLabel('Código', { exact: true }).fill('0599');
    await page.getByLabel('Nombre', { exact: true }).fill('Punto de contacto Sur – Cali');
    await page.getByLabel('Tipo de oficina').selectOption('impuestos');
    await page.getByLabel('Dirección Seccional').selectOption('05');
    await page.getByLabel('Ciudad', { exact: true }).selectOption('76001');
    await page.getByLabel('Dirección', { exact: true }).fill('Carrera 100 # 5-169');
    await page.getByLabel('Horario (en español)').fill('Lunes a viernes de 8:00 a 16:00');
    await page.getByLabel('Horario (en inglés)').fill('Monday to Friday 8:00–16:00');
    await page.getByLabel('Puestos de atención').fill('cero');
    await page.getByRole('button', { name: 'Crear la oficina' }).click();

    // The summary links to the field; everything typed is still there.
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Escriba un número entero');
    await checkAccessibility('new office form with errors');
    await summary.getByRole('link', { name: 'Escriba un número entero' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-desks');
    expect(await page.getByLabel('Dirección', { exact: true }).inputValue()).toBe('Carrera 100 # 5-169');
    expect(await page.getByLabel('Puestos de atención').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Puestos de atención').fill('3');
    await page.getByRole('button', { name: 'Crear la oficina' }).click();
    await page.waitForURL(/\/admin\/oficinas\/0599\?aviso=officeCreated$/);
    expect(await page.getByRole('status').textContent()).toContain('La oficina quedó creada.');
    await checkAccessibility('office edit form');

    const office = await database.db
      .selectFrom('offices')
      .selectAll()
      .where('code', '=', '0599')
      .executeTakeFirst();
    expect(office).toMatchObject({ seccional_code: '05', city_code: '76001', desks: 3, active: true });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'actor'])
      .where('entity_id', '=', '0599')
      .execute();
    expect(audit).toEqual([{ action: 'office.create', actor: staff.email }]);
    expect(checked.pages.size).toBe(4);
    expect(checked.found()).toEqual([]);
  });

  test('passes WCAG 2.1 AA checks on every other back-office page', async ({
    admin: { page },
    server,
    audit,
  }) => {
    const checkAccessibility = (name: string) => audit.check(page, name);
    const pages: [string, string][] = [
      ['procedure list', '/admin/tramites'],
      ['procedure form', '/admin/tramites/orientacion-tributaria'],
      ['new procedure form', '/admin/tramites/nuevo'],
      ['channel list', '/admin/canales'],
      ['channel form', '/admin/canales/video'],
      ['kiosk list', '/admin/quioscos'],
      ['new kiosk form', '/admin/quioscos/nuevo'],
      ['site texts', '/admin/textos'],
      ['staff list', '/admin/funcionarios'],
      ['new staff form', '/admin/funcionarios/nuevo'],
      ['audit trail', '/admin/auditoria'],
      ['my account', '/admin/cuenta'],
      ['password change', '/admin/contrasena'],
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      await checkAccessibility(name);
    }
    // A staff account's page, and the one-time password shown once.
    await page.goto(`${server.url}/admin/funcionarios/nuevo`);
    await page.getByLabel('Correo electrónico').fill('mesa@dian.test');
    await page.getByLabel('Rol').selectOption('funcionario');
    await page.getByLabel('Oficinas', { exact: true }).fill('05');
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();
    await page.locator('#one-time-password').waitFor();
    expect(await page.locator('#one-time-password').textContent()).toMatch(/^[a-z2-9-]{23}$/);
    await checkAccessibility('one-time password');
    await page.getByRole('link', { name: 'Volver a los funcionarios' }).click();
    await page.getByRole('link', { name: 'mesa@dian.test' }).click();
    await page.waitForURL(/\/admin\/funcionarios\/\d+$/);
    await checkAccessibility('staff form');
    // The audit trail filtered (to the accounts: the one just made is there), and the English version of a page.
    await page.goto(`${server.url}/admin/auditoria?entidad=staff&desde=2020-01-01`);
    await checkAccessibility('audit trail filtered');
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(/\/admin\/auditoria/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit trail');
    await checkAccessibility('audit trail in English');
    await page.getByRole('link', { name: /español/i }).click();
    await page.waitForURL(/\/admin\/auditoria/);
    expect(audit.pages.size).toBe(17);
    expect(audit.found()).toEqual([]);
  });

  test('signs out, and signs in again with password and a fresh TOTP code', async ({
    admin: { page, staff },
    clock,
    audit,
  }) => {
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL(/\/admin\/ingreso\?aviso=signedOut$/);
    await page.getByLabel('Correo electrónico').fill(staff.email);
    await page.getByLabel('Contraseña').fill(staff.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForURL(/\/admin\/ingreso\/codigo$/);
    await audit.check(page, 'TOTP code');
    await enterCode(page, clock, staff.totpSecret ?? '');
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.waitForURL(/\/admin$/);
    const session = (await page.context().cookies()).find((c) => c.name === 'agenda_staff');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(audit.found()).toEqual([]);
  });

  test('the WCAG checker itself works: a field without a label is caught', async ({ page }) => {
    await page.setContent(
      '<!doctype html><html lang="es"><title>x</title><main><input id="x"></main></html>',
    );
    expect((await wcagViolations(page)).map((v) => v.id)).toContain('label');
  });
});
