import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const RUT = 'rut-actualizacion-pn';
const CUSTOMS = 'orientacion-aduanera';

/** The values of the options of a page's <select name="…">, without the empty placeholder. */
function optionsOf(html: string, name: string): string[] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`no select named ${name}`);
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1] ?? '').filter((v) => v !== '');
}

/**
 * Issue #18: the place lists of the journey (and of the alert form opened from it) offer only the
 * departments, cities and offices with an active capacity line for the procedure and the channel.
 */
describe.each(engines())('place lists for a procedure and channel on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    const db = database.db;
    // Medellín (Antioquia) and Cali (Valle del Cauca): a tax office for the RUT, a customs office beside it.
    const medellin = await aCapacityLine(db, { office: '11', channel: 'presencial', procedures: [RUT] });
    await aSlot(db, { line: medellin, startsAt: '2026-12-02T13:00:00Z' });
    await aCapacityLine(db, { office: '90', channel: 'presencial', procedures: [CUSTOMS] });
    await aCapacityLine(db, { office: '05', channel: 'presencial', procedures: [RUT] });
    await aCapacityLine(db, { office: '88', channel: 'presencial', procedures: [CUSTOMS] });
    // Cartagena (Bolívar): customs only.
    await aCapacityLine(db, { office: '48', channel: 'presencial', procedures: [CUSTOMS] });
    // Barranquilla (Atlántico): a RUT line that was deactivated.
    const closed = await aCapacityLine(db, { office: '02', channel: 'presencial', procedures: [RUT] });
    await db.updateTable('capacity_lines').set({ active: false }).where('id', '=', closed).execute();
    // Bogotá: the RUT by video only.
    await aCapacityLine(db, { office: '32', channel: 'video', procedures: [RUT] });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const place = (procedure: string, extra = '') =>
    get(`/reservar/lugar?tramite=${procedure}&canal=presencial${extra}`);

  it('offers only the departments, cities and offices with a line for the procedure and channel', async () => {
    expect(optionsOf((await place(RUT)).body, 'departamento')).toEqual(['05', '76']);
    expect(optionsOf((await place(RUT, '&departamento=05')).body, 'ciudad')).toEqual(['05001']);
    expect(optionsOf((await place(RUT, '&departamento=05&ciudad=05001')).body, 'oficina')).toEqual(['11']);
    expect(optionsOf((await place(RUT, '&departamento=76&ciudad=76001')).body, 'oficina')).toEqual(['05']);
    // The customs offices are there for a customs procedure.
    expect(optionsOf((await place(CUSTOMS)).body, 'departamento')).toEqual(['05', '13', '76']);
    expect(optionsOf((await place(CUSTOMS, '&departamento=05&ciudad=05001')).body, 'oficina')).toEqual([
      '90',
    ]);
  });

  it('refuses an office or department that does not serve them instead of leading to an empty calendar', async () => {
    const office = await place(RUT, '&departamento=05&ciudad=05001&paso=oficina&oficina=90');
    expect(office.statusCode).toBe(400);
    expect(office.headers.location).toBeUndefined();
    const department = await place(RUT, '&departamento=13');
    expect(department.statusCode).toBe(400);
    const served = await place(RUT, '&departamento=05&ciudad=05001&paso=oficina&oficina=11');
    expect(served.headers.location).toBe(`/reservar/dias?tramite=${RUT}&canal=presencial&oficina=11`);
  });

  it('offers only serving offices as the other offices of the city when one has no room', async () => {
    const days = await get(`/reservar/dias?tramite=${RUT}&canal=presencial&oficina=05`);
    expect(days.statusCode).toBe(200);
    expect(days.body).toContain('ciudad=76001'); // the whole city is offered…
    expect(days.body).not.toContain('oficina=88'); // …but not its customs office
  });

  it('lists only serving departments when searching by date', async () => {
    const times = await get(`/reservar/horas?tramite=${RUT}&canal=presencial&fecha=2026-12-02`);
    expect(optionsOf(times.body, 'departamento')).toEqual(['05', '76']);
  });

  it('offers in the alert form opened for a procedure and channel only the places that serve them', async () => {
    const narrowed = await get(`/alertas?procedure=${RUT}&channel=presencial&city=05001`);
    expect(optionsOf(narrowed.body, 'office').sort()).toEqual(['05', '11']);
    expect(optionsOf(narrowed.body, 'city').sort()).toEqual(['05001', '76001']);
    expect(narrowed.body).toMatch(/<option value="05001" selected/);
    // Without a procedure and channel the form offers every office, as before.
    const open = await get('/alertas');
    expect(optionsOf(open.body, 'office')).toEqual(expect.arrayContaining(['02', '11', '48', '88', '90']));
  });
});
