import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStaffMember, codeAt, type TestStaff } from '../helpers/admin.js';
import { TestClock } from '../helpers/app.js';
import {
  type AxeViolation,
  launchChromium,
  screenshot,
  serveApp,
  wcagViolations,
} from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { anApplicant, consent } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

describe('agenda administration in a real browser', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  let admin: TestStaff;
  // Tuesday 1 December 2026, 07:00 in Bogotá; 8 December is a holiday.
  const clock = new TestClock(new Date('2026-12-01T12:00:00Z'));
  const audited = new Map<string, AxeViolation[]>();
  let preview: { date: string; slots: number; places: number }[] = [];

  async function checkAccessibility(name: string) {
    audited.set(name, await wcagViolations(page));
    await screenshot(page, 'agenda', name.replace(/\s+/g, '-'));
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await serveApp(database, clock.now);
    admin = await aStaffMember(database.db, { role: 'admin_nacional', email: 'agenda@dian.test' });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  it('signs in with password and TOTP', async () => {
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Correo electrónico').fill(admin.email);
    await page.getByLabel('Contraseña').fill(admin.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForURL(/\/admin\/ingreso\/codigo$/);
    clock.advance(30_000);
    await page.getByLabel('Código de 6 dígitos').fill(codeAt(admin.totpSecret ?? '', clock.now()));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.waitForURL(/\/admin$/);
  });

  it('creates an office, a capacity line and a weekly template', async () => {
    await page.goto(`${server.url}/admin/oficinas/nueva`);
    await page.getByLabel('Código', { exact: true }).fill('0598');
    await page.getByLabel('Nombre', { exact: true }).fill('Punto de contacto Norte – Cali');
    await page.getByLabel('Tipo de oficina').selectOption('impuestos');
    await page.getByLabel('Dirección Seccional').selectOption('05');
    await page.getByLabel('Ciudad', { exact: true }).selectOption('76001');
    await page.getByLabel('Dirección', { exact: true }).fill('Avenida 6N # 25-20');
    await page.getByLabel('Horario (en español)').fill('Lunes a viernes de 8:00 a 12:00');
    await page.getByLabel('Horario (en inglés)').fill('Monday to Friday 8:00–12:00');
    await page.getByLabel('Puestos de atención').fill('3');
    await page
      .getByLabel('Activa en el sitio ciudadano')
      .check()
      .catch(() => undefined);
    await page.getByRole('button', { name: 'Crear la oficina' }).click();
    await page.waitForURL(/\/admin\/oficinas\/0598\?aviso=officeCreated$/);

    await page
      .getByRole('navigation', { name: 'Menú de administración' })
      .getByRole('link', { name: 'Agenda' })
      .click();
    await page.waitForURL(/\/admin\/agenda$/);
    await checkAccessibility('agenda home');
    await page.getByRole('link', { name: 'Crear una línea de atención' }).click();
    await checkAccessibility('new capacity line');
    // An empty form comes back with messages, linked from the summary.
    await page.getByRole('button', { name: 'Crear la línea' }).click();
    await page.getByRole('alert').waitFor();
    await checkAccessibility('new capacity line with errors');
    await page.getByLabel('Oficina').selectOption('0598');
    await page.getByLabel('Canal').selectOption('presencial');
    await page.getByLabel('Nombre de la línea').fill('Cali Norte – orientación');
    await page.getByRole('checkbox', { name: /^Orientación tributaria/ }).check();
    await page.getByRole('button', { name: 'Crear la línea' }).click();
    await page.waitForURL(/\/admin\/agenda\/lineas\/\d+\?aviso=lineCreated$/);
    await checkAccessibility('capacity line');

    await page.getByRole('link', { name: 'Crear una plantilla semanal' }).click();
    await checkAccessibility('new template');
    await page.getByLabel('Nombre de la plantilla').fill('Mañanas');
    await page.getByLabel('Hora de apertura').fill('08:00');
    await page.getByLabel('Hora de cierre').fill('07:00');
    await page.getByLabel('Duración de cada cita (minutos)').fill('20');
    await page.getByLabel('Cupos por cita').fill('-2');
    await page.getByRole('button', { name: 'Crear la plantilla' }).click();
    await page.getByRole('alert').waitFor();
    const summary = (await page.getByRole('alert').textContent()) ?? '';
    expect(summary).toContain('Escriba un número entre 1 y 500');
    await checkAccessibility('new template with errors');
    await page.getByLabel('Hora de cierre').fill('12:00');
    await page.getByLabel('Cupos por cita').fill('3');
    await page.getByLabel('Pausas (opcional)').fill('10:00-10:20');
    await page.getByRole('button', { name: 'Crear la plantilla' }).click();
    await page.waitForURL(/\/admin\/agenda\/plantillas\/\d+\/publicar\?aviso=templateCreated$/);
  });

  it('previews two weeks, publishes them, and the citizen API shows exactly the preview', async () => {
    await checkAccessibility('publish form');
    await page.getByLabel('Desde').fill('2026-12-02');
    await page.getByLabel('Hasta').fill('2026-12-15');
    await page.getByRole('button', { name: 'Ver lo que se creará' }).click();
    await page.locator('#preview-days').waitFor();
    await checkAccessibility('publication preview');
    preview = await page.locator('#preview-days tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll('td')].map((c) => c.textContent ?? '');
        return { date: cells[0] ?? '', slots: Number(cells[1]), places: Number(cells[2]) };
      }),
    );
    // Ten weekdays less the 8 December holiday; 08:00–12:00 by 20 minutes less the 10:00 break.
    expect(preview.map((d) => d.date)).not.toContain('2026-12-08');
    expect(preview).toHaveLength(9);
    expect(preview.every((d) => d.slots === 11 && d.places === 33)).toBe(true);
    expect(await page.locator('#preview-skipped').textContent()).toContain('2026-12-08: festivo');

    await page.getByRole('button', { name: 'Publicar 99 citas' }).click();
    await page.waitForURL(/aviso=published$/);
    expect(await page.getByRole('status').textContent()).toContain('La agenda quedó publicada.');

    const api = async (date: string) => {
      const response = await fetch(
        `${server.url}/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=0598&date=${date}`,
      );
      return ((await response.json()) as { items: { available: number }[] }).items;
    };
    for (const day of preview) {
      const items = await api(day.date);
      expect(items.length, day.date).toBe(day.slots);
      expect(
        items.reduce((n, s) => n + s.available, 0),
        day.date,
      ).toBe(day.places);
    }
    expect(await api('2026-12-08')).toEqual([]);
    const days = await fetch(
      `${server.url}/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=0598&from=2026-12-02&to=2026-12-15`,
    );
    expect(((await days.json()) as { items: { date: string; available: number }[] }).items).toEqual(
      preview.map((d) => ({ date: d.date, available: d.places })),
    );
  });

  it('publishing the same range again adds nothing', async () => {
    const line = await database.db
      .selectFrom('capacity_lines')
      .select('id')
      .where('office_code', '=', '0598')
      .executeTakeFirstOrThrow();
    const count = async () =>
      (await database.db.selectFrom('slots').select('id').where('capacity_line_id', '=', line.id).execute())
        .length;
    expect(await count()).toBe(99);
    const template = await database.db
      .selectFrom('agenda_templates')
      .select('id')
      .where('capacity_line_id', '=', line.id)
      .executeTakeFirstOrThrow();
    await page.goto(
      `${server.url}/admin/agenda/plantillas/${template.id}/publicar?from=2026-12-02&to=2026-12-15`,
    );
    expect(await page.locator('#preview-totals').textContent()).toContain('Se crearán 0 citas');
    expect(await page.getByRole('button', { name: /^Publicar/ }).count()).toBe(0);
    expect(await count()).toBe(99);
  });

  it('passes WCAG 2.1 AA checks on the other agenda and desk pages', async () => {
    const line = await database.db
      .selectFrom('capacity_lines')
      .select('id')
      .where('office_code', '=', '0598')
      .executeTakeFirstOrThrow();
    const slot = await database.db
      .selectFrom('slots')
      .select('id')
      .where('capacity_line_id', '=', line.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // A booked appointment, so the desk shows a row with its actions and note.
    const [first] = (
      (await (
        await fetch(
          `${server.url}/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=0598&date=2026-12-02`,
        )
      ).json()) as { items: { slotId: number }[] }
    ).items;
    const held = await fetch(`${server.url}/api/v1/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slotId: first?.slotId, procedure: PROCEDURE, channel: 'presencial' }),
    });
    const { holdId } = (await held.json()) as { holdId: string };
    const confirmed = await fetch(`${server.url}/api/v1/holds/${holdId}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applicant: anApplicant(), consent }),
    });
    expect(confirmed.status).toBe(201);
    const pages: [string, string][] = [
      ['day of a line', `/admin/agenda/lineas/${line.id}/dias/2026-12-10`],
      ['slot capacity', `/admin/agenda/lineas/${line.id}/cupos/${slot.id}`],
      ['closures', '/admin/agenda/cierres'],
      ['tax calendar', '/admin/agenda/calendario-tributario?anio=2026'],
      ['desk', '/admin/mesa?fecha=2026-12-02'],
      ['desk search', '/admin/mesa?buscar=ABCDEFGH'],
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      await checkAccessibility(name);
    }
    // Forms with errors: a closure without a reason, a capacity below zero.
    await page.goto(`${server.url}/admin/agenda/cierres`);
    await page.getByRole('button', { name: 'Cerrar y cancelar las citas' }).click();
    await page.getByRole('alert').waitFor();
    await checkAccessibility('closure with errors');
    await page.goto(`${server.url}/admin/agenda/lineas/${line.id}/cupos/${slot.id}`);
    await page.getByLabel('Cupos', { exact: true }).fill('-1');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('alert').waitFor();
    await checkAccessibility('slot capacity with errors');
    // The desk in English.
    await page.goto(`${server.url}/admin/mesa?fecha=2026-12-02`);
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(/\/admin\/mesa/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Appointments of');
    await checkAccessibility('desk in English');
  });

  it('edits a line and a template and deactivates the line, with axe on each of those pages', async () => {
    const line = await database.db
      .selectFrom('capacity_lines')
      .select('id')
      .where('office_code', '=', '0598')
      .executeTakeFirstOrThrow();
    // Back to Spanish: the test before ended in English.
    await page.goto(`${server.url}/idioma/es?volver=/admin/agenda/lineas/${line.id}`);
    await page.getByRole('link', { name: 'Editar la línea' }).click();
    await page.waitForURL(/\/editar$/);
    await checkAccessibility('edit capacity line');
    await page.getByLabel('Nombre de la línea').fill('');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('alert').waitFor();
    await checkAccessibility('edit capacity line with errors');
    await page.getByLabel('Nombre de la línea').fill('Cali Norte – orientación general');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.waitForURL(/aviso=lineUpdated$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Cali Norte – orientación general',
    );

    await page.getByRole('link', { name: 'Editar Mañanas' }).click();
    await page.waitForURL(/\/plantillas\/\d+\/editar$/);
    await checkAccessibility('edit template');
    await page.getByLabel('Pausas (opcional)').fill('10:00-10:30\n10:15-10:45');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('alert').waitFor();
    await checkAccessibility('edit template with errors');

    await page.goto(`${server.url}/admin/agenda/lineas/${line.id}`);
    await page.getByRole('link', { name: 'Desactivar la línea' }).click();
    await page.waitForURL(/\/desactivar$/);
    // The appointment booked on 2 December is kept, and the page says so.
    expect(await page.locator('#upcoming-booked').textContent()).toContain('Hay 1 cita agendada desde ahora');
    await checkAccessibility('deactivate capacity line');
    await page.getByRole('button', { name: 'Sí, desactivar la línea' }).click();
    await page.waitForURL(/aviso=lineDeactivated$/);
    await checkAccessibility('inactive capacity line');
    await page.getByRole('button', { name: 'Reactivar la línea' }).click();
    await page.waitForURL(/aviso=lineActivated$/);
  });

  it('found no WCAG 2.1 AA violations on any agenda or desk page', () => {
    expect(audited.size).toBeGreaterThanOrEqual(23);
    expect([...audited].filter(([, v]) => v.length > 0)).toEqual([]);
  });
});
