import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { ALERTS_MATCH } from '../../src/jobs/definitions/alerts-match.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../src/jobs/definitions/mail-appointment-confirmed.js';
import { countJobsByStatus, enqueue, requeueFailedJob } from '../../src/repositories/jobs.js';
import { startServer } from '../../src/server.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine } from '../helpers/factories.js';
import { anAppointment, aSlotOfLine, bogotaAt } from '../helpers/notify-fixtures.js';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(engines())('the worker inside the server on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('runs queued jobs while serving (RUN_WORKER=on) and stops with the server', async () => {
    const line = await aCapacityLine(database.db, { procedures: ['rut-pj'] });
    const slotId = await aSlotOfLine(database.db, { lineId: line, startsAt: bogotaAt(new Date(), 5, 9) });
    const a = await anAppointment(database.db, { slotId });
    // the server's close would close the database: give it a handle of its own that does nothing on close
    const server = await startServer(
      testConfig({ runWorker: true, port: 0, host: '127.0.0.1' }),
      pino({ level: 'silent' }),
      { ...database, close: async () => undefined },
    );
    try {
      expect(server.worker).toBeDefined();
      await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: a.id }, { runAt: new Date() });
      const stored = await until(async () =>
        database.db
          .selectFrom('mail_messages')
          .select(['subject', 'text_body'])
          .where('kind', '=', 'appointment-confirmed')
          .executeTakeFirst(),
      );
      expect(stored.text_body).toContain(a.code);
      // The subject, shown on lock screens and in mail servers' logs, never carries the code.
      expect(stored.subject).not.toContain(a.code);
      // the periodic house-keeping was queued once per period each, and ran (a busy machine may cross
      // into a new minute before this check, and the minutely jobs are then rightly queued again)
      const periodic = await until(async () => {
        const rows = await database.db
          .selectFrom('jobs')
          .select(['name', 'status'])
          .where('dedupe_key', 'like', 'every:%')
          .execute();
        return rows.length >= 6 && rows.every((r) => r.status === 'done') ? rows : undefined;
      });
      expect([...new Set(periodic.map((r) => r.name))].sort()).toEqual([
        'alerts.end-finished',
        'alerts.match',
        'holds.reclaim-expired',
        'jobs.prune',
        'mail.schedule-reminders',
        'privacy.retention',
      ]);
    } finally {
      await server.stop();
    }
    // stopped: a job queued now stays queued
    await enqueue(database.db, ALERTS_MATCH, {}, { dedupeKey: 'after-stop', runAt: new Date() });
    await new Promise((r) => setTimeout(r, 1500));
    const after = await database.db
      .selectFrom('jobs')
      .select('status')
      .where('dedupe_key', '=', 'after-stop')
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('queued');
  });

  it('a failed job can be given a new set of tries', async () => {
    await database.db.deleteFrom('jobs').execute();
    const row = await database.db
      .insertInto('jobs')
      .values({
        name: 'alerts.match',
        payload: '{}',
        status: 'failed',
        attempts: 8,
        max_attempts: 8,
        finished_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await countJobsByStatus(database.db)).toEqual({ queued: 0, running: 0, done: 0, failed: 1 });
    expect(await requeueFailedJob(database.db, row.id, new Date())).toBe(true);
    expect(await requeueFailedJob(database.db, row.id, new Date())).toBe(false);
    const again = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(again).toMatchObject({ status: 'queued', attempts: 8, max_attempts: 16, finished_at: null });
  });
});
