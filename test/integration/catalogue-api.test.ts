import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

describe.each(engines())('catalogue API on %s', (engine) => {
  let database: TestDatabase;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('lists the real procedure catalogue in the shape of the public API', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/procedures' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.length).toBeGreaterThanOrEqual(20);
    const rut = items.find((p: { code: string }) => p.code === 'rut-pj');
    expect(rut).toEqual({
      code: 'rut-pj',
      name: 'Inscripción o actualización del RUT – persona jurídica',
      category: 'tributario',
      channels: ['presencial', 'video', 'correo'],
      requiresAppointment: true,
      selfServiceUrl: null,
      durationMinutes: 45,
      requirements: expect.arrayContaining(['Documento de identidad original']),
    });
    const online = items.find((p: { code: string }) => p.code === 'copia-rut');
    expect(online).toMatchObject({ requiresAppointment: false, channels: [], durationMinutes: null });
    expect(online.selfServiceUrl).toMatch(/^https:\/\//);
  });

  it('answers in English when asked', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/procedures',
      headers: { 'accept-language': 'en-US' },
    });
    const rut = res.json().items.find((p: { code: string }) => p.code === 'rut-pj');
    expect(rut.name).toBe('RUT registration or update – company');
  });

  it('lists 30+ offices with DIVIPOLA codes, and filters by city and department', async () => {
    const all = (await app.inject({ method: 'GET', url: '/api/v1/offices' })).json().items;
    expect(all.length).toBeGreaterThanOrEqual(30);
    const medellin = all.find((o: { code: string }) => o.code === '11');
    expect(medellin).toMatchObject({
      code: '11',
      name: 'Dirección Seccional de Impuestos de Medellín',
      cityCode: '05001',
      city: 'Medellín',
      department: 'Antioquia',
    });
    expect(Object.keys(medellin).sort()).toEqual([
      'address',
      'channels',
      'city',
      'cityCode',
      'code',
      'department',
      'name',
    ]);

    const cali = (await app.inject({ method: 'GET', url: '/api/v1/offices?city=76001' })).json().items;
    expect(cali.map((o: { code: string }) => o.code).sort()).toEqual(['05', '0501', '0502', '88']);
    const valle = (await app.inject({ method: 'GET', url: '/api/v1/offices?department=76' })).json().items;
    expect(valle.length).toBeGreaterThan(cali.length);
    expect(valle.every((o: { cityCode: string }) => o.cityCode.startsWith('76'))).toBe(true);
  });

  it('refuses a malformed filter with a problem document, not a 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/offices?city=Cali' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      errors: [{ field: 'querystring.city' }],
    });
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('serves the citizen home page and the health checks', async () => {
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="es-CO"');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.headers['x-request-id']).toBeTruthy();
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.json()).toEqual({ status: 'ok', database: engine });
  });

  it('switches language without becoming an open redirect', async () => {
    const res = await app.inject({ method: 'GET', url: '/idioma/en?volver=//evil.example/x' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const home = await app.inject({ method: 'GET', url: '/', cookies: { lang: 'en' } });
    expect(home.body).toContain('<html lang="en"');
  });

  it('publishes the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toHaveProperty(['/api/v1/procedures']);
  });
});
