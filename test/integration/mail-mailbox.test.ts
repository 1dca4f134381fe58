import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { App } from '../../src/http/types.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../src/jobs/definitions/mail-appointment-confirmed.js';
import { Worker } from '../../src/jobs/worker.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { deliverOnce } from '../../src/services/mail/deliver.js';
import { mailboxTransport } from '../../src/services/mail/transport.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine } from '../helpers/factories.js';
import { anAppointment, aSlotOfLine, bogotaAt } from '../helpers/notify-fixtures.js';

const T0 = new Date('2030-03-04T15:00:00Z');

describe.each(engines())('local mailbox on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(T0);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('keeps messages without SMTP and shows them at /dev/mailbox, with the calendar file', async () => {
    const lineId = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: ['rut-pj'],
    });
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: bogotaAt(T0, 2, 9) });
    const a = await anAppointment(database.db, { slotId, createdAt: T0 });
    await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: a.id }, { runAt: T0 });
    const worker = new Worker({ db: database.db, config: testConfig(), clock: clock.now, periodic: [] });
    expect(worker.mail.kind).toBe('mailbox');
    expect((await worker.runDue()).map((o) => o.result)).toEqual(['done']);

    const list = await app.inject({ url: '/dev/mailbox' });
    expect(list.statusCode).toBe(200);
    // The subject says what and when; the confirmation code stays out of it (inbox previews, issue 17).
    expect(list.body).toContain('Cita confirmada: ');
    expect(list.body).not.toContain(a.code);
    const [row] = await database.db.selectFrom('mail_messages').selectAll().execute();
    const view = await app.inject({ url: `/dev/mailbox/${row?.id}` });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Documento: Cédula de ciudadanía terminado en 050');
    expect(view.body).toContain(`cita-${a.code}.ics`);

    const html = await app.inject({ url: `/dev/mailbox/${row?.id}/html` });
    expect(html.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    expect(html.body).toMatch(/^<!doctype html><html lang="es-CO">/);
    const ics = await app.inject({ url: `/dev/mailbox/${row?.id}/attachments/0` });
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['content-disposition']).toBe(`attachment; filename="cita-${a.code}.ics"`);
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect((await app.inject({ url: '/dev/mailbox/999999' })).statusCode).toBe(404);
  });

  it('stores a message once however often its delivery runs', async () => {
    const request = {
      key: 'mailbox-once',
      kind: 'test',
      compose: async () => ({
        kind: 'test',
        locale: 'es' as const,
        to: 'x@example.com',
        subject: 'una vez',
        text: 'hola',
        html: '<p>hola</p>',
      }),
      now: T0,
      from: 'a@example.com',
      publicUrl: 'http://localhost:3000',
    };
    expect(await deliverOnce(database.db, mailboxTransport(), request)).toBe('sent');
    expect(await deliverOnce(database.db, mailboxTransport(), request)).toBe('already-sent');
    const rows = await database.db
      .selectFrom('mail_messages')
      .select('id')
      .where('subject', '=', 'una vez')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('does not exist in production, nor when mail goes out by SMTP', async () => {
    const production = await buildTestApp(database, { nodeEnv: 'production' }, clock.now);
    const smtp = await buildTestApp(database, { smtpUrl: 'smtp://127.0.0.1:1' }, clock.now);
    try {
      expect((await production.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
      expect((await smtp.inject({ url: '/dev/mailbox' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/dev/mailbox' })).statusCode).toBe(200);
    } finally {
      await production.close();
      await smtp.close();
    }
  });
});
