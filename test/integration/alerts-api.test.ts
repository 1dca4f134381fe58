import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { App } from '../../src/http/types.js';
import { Worker } from '../../src/jobs/worker.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine } from '../helpers/factories.js';
import { submitForm } from '../helpers/notify-fixtures.js';

const T0 = new Date('2030-03-04T15:00:00Z');
const valid = {
  procedure: 'rut-pj',
  channel: 'presencial',
  office: '11',
  from: '2030-03-05',
  to: '2030-03-20',
  email: 'nora@example.com',
};

describe.each(engines())('alert subscriptions (API and pages) on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(T0);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { publicUrl: 'https://citas.example.gov.co' }, clock.now);
    await aCapacityLine(database.db, { office: '11', channel: 'presencial', procedures: ['rut-pj'] });
    await aCapacityLine(database.db, { office: '32', channel: 'video', procedures: ['rut-pj'] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  beforeEach(async () => {
    await database.db.deleteFrom('alert_subscriptions').execute();
    await database.db.deleteFrom('jobs').execute();
  });

  const subscribe = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/alerts', payload: body, headers });

  it('accepts a subscription with 201 and e-mails a confirmation link, storing only its hash', async () => {
    const res = await subscribe(valid);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      status: 'pending',
      procedure: 'rut-pj',
      channel: 'presencial',
      office: '11',
      city: null,
      from: '2030-03-05',
      to: '2030-03-20',
    });
    const worker = new Worker({
      db: database.db,
      config: testConfig({ publicUrl: 'https://citas.example.gov.co' }),
      clock: clock.now,
      periodic: [],
    });
    await worker.runDue();
    const mail = await database.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', 'nora@example.com')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Confirme su alerta de citas');
    const token = /\/alertas\/confirmar\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)?.[1] ?? '';
    expect(token).not.toBe('');
    const stored = await database.db.selectFrom('alert_tokens').select('token_hash').execute();
    expect(stored.map((t) => t.token_hash)).not.toContain(token);
    expect(JSON.stringify(await database.db.selectFrom('jobs').select('payload').execute())).not.toContain(
      'nora',
    );

    // the link's page asks before it confirms; the button confirms
    const page = await app.inject({ url: `/alertas/confirmar/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('la oficina Dirección Seccional de Impuestos de Medellín');
    const status = () =>
      database.db.selectFrom('alert_subscriptions').select('status').executeTakeFirstOrThrow();
    expect((await status()).status).toBe('pending');
    // a post without the page's CSRF token is refused; the page's own button works
    expect((await app.inject({ method: 'POST', url: `/alertas/confirmar/${token}` })).statusCode).toBe(403);
    expect((await status()).status).toBe('pending');
    const confirmed = await submitForm(app, `/alertas/confirmar/${token}`);
    expect(confirmed.statusCode).toBe(303);
    expect((await status()).status).toBe('active');
    expect((await app.inject({ url: `/alertas/confirmar/${token}` })).body).toContain(
      'Su alerta está activa',
    );
    expect(
      (await app.inject({ url: '/alertas/confirmar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }))
        .statusCode,
    ).toBe(404);
  });

  it('answers 422 with every problem, in the language asked', async () => {
    const res = await subscribe(
      {
        ...valid,
        procedure: 'copia-rut',
        channel: 'presencial',
        office: '11',
        city: '05001',
        from: '2030-03-01',
        email: 'nope',
      },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(res.json().errors).toEqual([
      { field: 'procedure', message: 'Choose a procedure that needs an appointment' },
      { field: 'office', message: 'Choose an office or a city, not both' },
      { field: 'from', message: 'The date cannot be before today' },
      { field: 'email', message: 'Enter a valid e-mail address, such as name@example.com' },
    ]);
    const unserved = await subscribe({ ...valid, channel: 'video', office: '11' });
    expect(unserved.json().errors).toEqual([
      {
        field: 'office',
        message: 'Ninguna oficina atiende ese trámite por ese tipo de atención en el lugar elegido',
      },
    ]);
    // a remote channel may leave the place open
    expect((await subscribe({ ...valid, channel: 'video', office: undefined })).statusCode).toBe(201);
    expect((await subscribe({ ...valid, extra: 1 })).statusCode).toBe(400);
  });

  it('limits open subscriptions per address', async () => {
    for (let i = 0; i < 5; i++)
      expect((await subscribe({ ...valid, email: 'Olga@Example.com' })).statusCode).toBe(201);
    const sixth = await subscribe({ ...valid, email: 'olga@example.com' });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json()).toMatchObject({ code: 'LIMIT_REACHED' });
  });

  it('the subscription form works without JavaScript: errors next to fields, values kept, then a redirect', async () => {
    const page = await app.inject({ url: '/alertas?procedure=rut-pj&channel=presencial' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="rut-pj" selected>');
    const form = { procedure: 'rut-pj', channel: 'presencial', office: '', city: '', from: '2030-03-05' };
    const forged = await app.inject({
      method: 'POST',
      url: '/alertas',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...form, to: '2030-03-10', email: 'pepa@example.com' }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    const bad = await submitForm(app, '/alertas', { ...form, to: '2030-03-01', email: 'pepa@example.com' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain(
      '<a href="#city">Para atención presencial, elija una ciudad o una oficina</a>',
    );
    expect(bad.body).toContain('<a href="#to">La fecha final debe ser igual o posterior a la inicial</a>');
    expect(bad.body).toContain('value="pepa@example.com"');
    expect(bad.body).toContain('aria-invalid="true"');
    const good = await submitForm(app, '/alertas', {
      ...form,
      city: '05001',
      to: '2030-03-10',
      email: 'pepa@example.com',
    });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe('/alertas/enviada');
    expect((await app.inject({ url: '/alertas/enviada' })).body).toContain('Revise su correo');
  });
});
