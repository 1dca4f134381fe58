import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { Worker } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/log.js';
import { verifyAuditChain } from '../../src/services/audit/trail.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import { AdminBrowser, textOf } from '../helpers/admin.js';
import { TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent, slotCounts } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z';
const PROCEDURE = 'orientacion-tributaria';

describe.each(engines())('data-subject pages (/mis-datos) on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let line: number;
  const clock = new TestClock(new Date(NOW));
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp({
      config: testConfig(),
      database,
      clock: clock.now,
      logger: createLogger('info', sink),
    });
    await app.ready();
    line = await aCapacityLine(database.db, { procedures: [PROCEDURE, 'rut-pj'] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const ctx = () => ({ db: database.db, config: testConfig(), now: clock.now() });

  async function book(startsAt: string, applicant: Record<string, string>, procedure = PROCEDURE) {
    const slotId = await aSlot(database.db, { line, startsAt });
    const hold = await placeHold(ctx(), { slotId, procedure, channel: 'presencial', sessionKey: null });
    const done = await confirmHold(ctx(), {
      holdId: hold.holdId,
      applicant,
      consent,
      via: 'web',
      locale: 'es',
    });
    return { code: done.code, slotId };
  }

  async function linkJobs(): Promise<number> {
    const rows = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'mail.data-subject-link')
      .execute();
    return rows.length;
  }

  it('asks for the link with the same answer whether or not anyone is on record', async () => {
    const browser = new AdminBrowser(app, '10.1.0.1');
    const page = await browser.get('/mis-datos');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<label class="label" for="field-documentNumber">Número de documento</label>',
    );

    const empty = await browser.post('/mis-datos', { documentNumber: ' ', email: '' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Escriba su número de documento');
    expect(empty.body).toContain('href="#field-email"');

    const unknown = await browser.post('/mis-datos', {
      documentNumber: '52123456',
      email: 'nadie@example.com',
    });
    expect(unknown.statusCode).toBe(303);
    expect(unknown.headers.location).toBe('/mis-datos/enviado');
    expect(await linkJobs()).toBe(0);

    const noToken = await browser.post(
      '/mis-datos',
      { documentNumber: '52123456', email: 'nadie@example.com' },
      { csrf: false },
    );
    expect(noToken.statusCode).toBe(403);
  });

  it('sends the link by e-mail; the link shows the data, corrects contact details and deletes after confirming', async () => {
    const person = anApplicant({ firstName: 'Eustaquio', lastName: 'Quintanilla Ñáñez' });
    const first = await book('2026-12-14T13:00:00Z', person);
    const second = await book('2026-12-15T13:00:00Z', person, 'rut-pj');
    const other = anApplicant();
    const untouched = await book('2026-12-16T13:00:00Z', other);

    const browser = new AdminBrowser(app, '10.1.0.2');
    await browser.get('/mis-datos');
    const asked = await browser.post('/mis-datos', {
      documentNumber: person.documentNumber as string,
      email: (person.email as string).toUpperCase(),
    });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/mis-datos/enviado');
    expect((await browser.get('/mis-datos/enviado')).body).toContain('Revise su correo');
    expect(await linkJobs()).toBe(1);

    // The worker sends the e-mail; the person opens it in the local mailbox.
    const worker = new Worker({ db: database.db, config: testConfig(), clock: clock.now, periodic: [] });
    const outcomes = await worker.runDue();
    expect(outcomes.filter((o) => o.name === 'mail.data-subject-link').map((o) => o.result)).toEqual([
      'done',
    ]);
    const mailbox = await browser.get('/dev/mailbox');
    expect(mailbox.body).toContain('Sus datos personales en Agendamiento de Citas');
    const { id } = await database.db
      .selectFrom('mail_messages')
      .select('id')
      .where('kind', '=', 'data-subject-link')
      .executeTakeFirstOrThrow();
    const message = await browser.get(`/dev/mailbox/${id}`);
    const link = /http:\/\/[^\s"<]+(\/mis-datos\/acceso\/[A-Za-z0-9_-]+)/.exec(message.body)?.[1];
    expect(link).toBeDefined();
    const path = link as string;
    const token = path.split('/').pop() as string;
    // The token is stored nowhere but in the message itself: not in the request, not in the job.
    const stored = JSON.stringify([
      await database.db.selectFrom('data_subject_requests').selectAll().execute(),
      await database.db.selectFrom('jobs').select(['name', 'payload', 'dedupe_key']).execute(),
    ]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.split('-').slice(1).join('-'));

    const view = await browser.get(path);
    expect(view.statusCode).toBe(200);
    expect(view.headers['cache-control']).toBe('no-store');
    const text = textOf(view.body);
    expect(text).toContain('Eustaquio Quintanilla Ñáñez');
    expect(text).toContain(`CC ${person.documentNumber}`);
    expect(text).toContain(first.code);
    expect(text).toContain(second.code);
    expect(text).not.toContain(untouched.code);
    expect(text).toContain('Versión 2026-11-01 de la política');

    // Rectification: a wrong phone comes back with its message; a good one is saved on every record.
    const wrong = await browser.post(`${path}/corregir`, { email: 'nuevo@example.com', phone: '12' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#field-phone"');
    expect(wrong.body).toContain('value="nuevo@example.com"');
    const fixed = await browser.post(`${path}/corregir`, {
      email: 'Nuevo@Example.com',
      phone: '315 765 4321',
    });
    expect(fixed.statusCode).toBe(303);
    expect(fixed.headers.location).toBe(`${path}?aviso=corregido`);
    const after = await browser.get(fixed.headers.location as string);
    expect(textOf(after.body)).toContain('Sus datos de contacto quedaron corregidos.');
    const contacts = await database.db
      .selectFrom('applicants')
      .select(['email', 'phone'])
      .where('document_number', '=', person.documentNumber as string)
      .execute();
    expect(contacts).toEqual([
      { email: 'nuevo@example.com', phone: '+573157654321' },
      { email: 'nuevo@example.com', phone: '+573157654321' },
    ]);

    // Deletion: a confirmation step first, then the post (which needs its CSRF token).
    const confirm = await browser.get(`${path}/eliminar`);
    expect(confirm.statusCode).toBe(200);
    expect(textOf(confirm.body)).toContain('Citas futuras que se cancelarán: 2.');
    expect((await browser.post(`${path}/eliminar`, {}, { csrf: false })).statusCode).toBe(403);
    expect(await slotCounts(database.db, first.slotId)).toMatchObject({ taken: 1, appointments: 1 });
    const deleted = await browser.post(`${path}/eliminar`);
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/mis-datos/eliminados');
    expect((await browser.get('/mis-datos/eliminados')).body).toContain('Sus datos fueron eliminados');

    expect(await slotCounts(database.db, first.slotId)).toMatchObject({ taken: 0, appointments: 0 });
    expect(await slotCounts(database.db, second.slotId)).toMatchObject({ taken: 0, appointments: 0 });
    expect(await slotCounts(database.db, untouched.slotId)).toMatchObject({ taken: 1, appointments: 1 });
    const left = await database.db
      .selectFrom('applicants')
      .select('id')
      .where('document_number', '=', person.documentNumber as string)
      .execute();
    expect(left).toEqual([]);

    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('action', 'like', 'privacy.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['privacy.rectify', 'privacy.delete']);
    const trail = JSON.stringify(audit);
    for (const secret of [person.documentNumber, 'nuevo@example.com', '3157654321', 'Eustaquio']) {
      expect(trail).not.toContain(secret);
    }
    expect((await verifyAuditChain(database.db)).break).toBeNull();

    // The link is spent: every page behind it says so, and nothing more happens.
    for (const url of [path, `${path}/eliminar`]) {
      const gone = await browser.get(url);
      expect(gone.statusCode).toBe(404);
      expect(textOf(gone.body)).toContain('El enlace no es válido');
    }
    expect((await browser.post(`${path}/eliminar`)).statusCode).toBe(404);
    expect(
      (await browser.post(`${path}/corregir`, { email: 'x@example.com', phone: '3001234567' })).statusCode,
    ).toBe(404);

    // The request logs carry the route, never the token of the link.
    const log = logLines.join('');
    expect(log).toContain('/mis-datos/acceso/:token');
    expect(log).not.toContain(token);
    expect(log).not.toContain(person.documentNumber as string);
  });

  it('answers an expired or malformed link with the invalid-link page', async () => {
    for (const url of [
      '/mis-datos/acceso/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/mis-datos/acceso/%3Cscript%3E',
      `/mis-datos/acceso/${'x'.repeat(200)}`,
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
