import { describe, expect } from 'vitest';
import { AdminBrowser, aStaffMember, type Form } from '../helpers/admin.js';
import type { TestClock } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/db.js';
import { bookThroughApi, browserTest, type ServedApp } from '../helpers/e2e.js';
import { anApplicant } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
// Tuesday 1 December 2026, 07:00 in Bogotá; 8 December is a holiday.
const test = browserTest({ now: '2026-12-01T12:00:00Z' });

/**
 * What the first test does in the browser, done through the same forms without one: an office in Cali
 * with the code given (each test its own), its line for Orientación tributaria in person, the weekly
 * template "Mañanas" (08:00–12:00 by 20 minutes, 3 places, a break at 10:00) and its two weeks published
 * from 2 December; with `booked`, one appointment on 2 December, made through the citizen API.
 */
async function anAgenda(
  { server, database, clock }: { server: ServedApp; database: TestDatabase; clock: TestClock },
  office: string,
  { booked = false } = {},
): Promise<{ lineId: number; slotId: number }> {
  const forms = new AdminBrowser(server.app);
  await forms.signIn(await aStaffMember(database.db, { role: 'admin_nacional' }), clock);
  const post = async (url: string, form: Form): Promise<string> => {
    const response = await forms.post(url, form);
    if (response.statusCode !== 303) throw new Error(`${url} answered ${response.statusCode}`);
    return String(response.headers.location);
  };
  await post('/admin/oficinas', {
    code: office,
    name: `Punto de contacto ${office} – Cali`,
    kind: 'impuestos',
    seccional: '05',
    city: '76001',
    address: 'Avenida 6N # 25-20',
    hoursEs: 'Lunes a viernes de 8:00 a 12:00',
    hoursEn: 'Monday to Friday 8:00–12:00',
    desks: '3',
    active: 'on',
  });
  const line = await post('/admin/agenda/lineas', {
    office,
    channel: 'presencial',
    name: 'Cali Norte – orientación',
    procedures: [PROCEDURE],
  });
  const lineId = Number(/lineas\/(\d+)/.exec(line)?.[1]);
  const template = await post(`/admin/agenda/lineas/${lineId}/plantillas`, {
    name: 'Mañanas',
    weekdays: ['1', '2', '3', '4', '5'],
    opens: '08:00',
    closes: '12:00',
    slotMinutes: '20',
    places: '3',
    breaks: '10:00-10:20',
  });
  const templateId = Number(/plantillas\/(\d+)/.exec(template)?.[1]);
  await post(`/admin/agenda/plantillas/${templateId}/publicar`, { from: '2026-12-02', to: '2026-12-15' });
  const slot = await database.db
    .selectFrom('slots')
    .select('id')
    .where('capacity_line_id', '=', lineId)
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  if (booked) await bookThroughApi(server.url, { slotId: slot.id, applicant: anApplicant() });
  return { lineId, slotId: slot.id };
}

describe('agenda administration in a real browser', () => {
  test('creates an office, a capacity line and a weekly template, previews two weeks and publishes them: the citizen API shows exactly the preview', async ({
    admin: { page },
    server,
    audit,
  }) => {
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'agenda', name);
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

    await checkAccessibility('publish form');
    await page.getByLabel('Desde').fill('2026-12-02');
    await page.getByLabel('Hasta').fill('2026-12-15');
    await page.getByRole('button', { name: 'Ver lo que se creará' }).click();
    await page.locator('#preview-days').waitFor();
    await checkAccessibility('publication preview');
    const preview = await page.locator('#preview-days tbody tr').evaluateAll((rows) =>
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

    expect(audit.pages.size).toBe(8);
    expect(audit.found()).toEqual([]);
  });

  test('publishing the same range again adds nothing', async ({
    admin: { page },
    server,
    database,
    clock,
  }) => {
    const { lineId } = await anAgenda({ server, database, clock }, '0597');
    const count = async () =>
      (await database.db.selectFrom('slots').select('id').where('capacity_line_id', '=', lineId).execute())
        .length;
    expect(await count()).toBe(99);
    const template = await database.db
      .selectFrom('agenda_templates')
      .select('id')
      .where('capacity_line_id', '=', lineId)
      .executeTakeFirstOrThrow();
    await page.goto(
      `${server.url}/admin/agenda/plantillas/${template.id}/publicar?from=2026-12-02&to=2026-12-15`,
    );
    expect(await page.locator('#preview-totals').textContent()).toContain('Se crearán 0 citas');
    expect(await page.getByRole('button', { name: /^Publicar/ }).count()).toBe(0);
    expect(await count()).toBe(99);
  });

  test('passes WCAG 2.1 AA checks on the other agenda and desk pages', async ({
    admin: { page },
    server,
    database,
    clock,
    audit,
  }) => {
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'agenda', name);
    // A booked appointment, so the desk shows a row with its actions and note.
    const { lineId, slotId } = await anAgenda({ server, database, clock }, '0596', { booked: true });
    const pages: [string, string][] = [
      ['day of a line', `/admin/agenda/lineas/${lineId}/dias/2026-12-10`],
      ['slot capacity', `/admin/agenda/lineas/${lineId}/cupos/${slotId}`],
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
    await page.goto(`${server.url}/admin/agenda/lineas/${lineId}/cupos/${slotId}`);
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
    expect(audit.pages.size).toBe(9);
    expect(audit.found()).toEqual([]);
  });

  test('edits a line and a template and deactivates the line, with axe on each of those pages', async ({
    admin: { page },
    server,
    database,
    clock,
    audit,
  }) => {
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'agenda', name);
    const { lineId } = await anAgenda({ server, database, clock }, '0595', { booked: true });
    await page.goto(`${server.url}/admin/agenda/lineas/${lineId}`);
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

    await page.goto(`${server.url}/admin/agenda/lineas/${lineId}`);
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
    expect(audit.pages.size).toBe(6);
    expect(audit.found()).toEqual([]);
  });
});
