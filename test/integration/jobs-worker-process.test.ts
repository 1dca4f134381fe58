import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../../src/db/database.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../src/jobs/definitions/mail-appointment-confirmed.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { collect, spawnCli } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, engines } from '../helpers/db.js';
import { aCapacityLine } from '../helpers/factories.js';
import { anAppointment, aSlotOfLine, bogotaAt } from '../helpers/notify-fixtures.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

/**
 * Whole worker processes (`agenda worker`) against PostgreSQL and a real SMTP server: killed in the
 * middle of a batch, and two at once. Counted at the SMTP server.
 */
describe.runIf(engines().includes('postgres'))('the worker process', { timeout: 180_000 }, () => {
  let smtp: TestSmtpServer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await smtp.close();
  });

  async function prepare(
    count: number,
  ): Promise<{ database: Database; url: string; drop(): Promise<void>; codes: string[] }> {
    const { url, drop } = await createPostgresDatabaseUrl();
    const database = openPostgres({ url, poolSize: 2 });
    const lineId = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: ['rut-pj'],
    });
    const now = new Date();
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const slotId = await aSlotOfLine(database.db, {
        lineId,
        startsAt: new Date(bogotaAt(now, 5, 8).getTime() + i * 1_800_000),
      });
      const a = await anAppointment(database.db, {
        slotId,
        documentNumber: `10203040${String(i).padStart(2, '0')}`,
      });
      codes.push(a.code);
      await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: a.id }, { runAt: new Date() });
    }
    return { database, url, drop, codes };
  }

  function startWorker(databaseUrl: string): ChildProcess {
    const child = spawnCli(['worker'], {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://citas.example.gov.co',
      JOB_LEASE_SECONDS: '2',
      DB_POOL_SIZE: '3',
    });
    children.push(child);
    return child;
  }

  async function allDone(database: Database, count: number, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const done = await database.db
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', 'mail.appointment-confirmed')
        .where('status', '=', 'done')
        .execute();
      if (done.length === count) return;
      if (Date.now() > until) throw new Error(`only ${done.length} of ${count} confirmation jobs done`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Waits until the delivery ledger records as sent as many messages as the server accepted. */
  async function recordedAsSent(
    database: Database,
    accepted: () => number,
    timeoutMs = 30_000,
  ): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const sent = await database.db
        .selectFrom('mail_deliveries')
        .select('key')
        .where('status', '=', 'sent')
        .execute();
      if (sent.length === accepted()) return;
      if (Date.now() > until) throw new Error(`${sent.length} recorded as sent, ${accepted()} accepted`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function receivedCodes(codes: string[]): Map<string, number> {
    const counts = new Map(codes.map((c) => [c, 0]));
    for (const mail of smtp.received) {
      const code = codes.find((c) => mail.text.includes(c));
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return counts;
  }

  it('killed with SIGKILL in the middle of a batch and started again, sends every message exactly once', async () => {
    smtp.received.length = 0;
    const { database, url, drop, codes } = await prepare(12);
    try {
      const first = startWorker(url);
      const firstDone = collect(first).done;
      await smtp.waitFor(4);
      // From here the server accepts nothing: messages arrive whole but unanswered. Once one is in flight
      // and every message accepted so far is recorded as sent (so the kill does not land in the
      // documented window between the server's acceptance and that record), the worker is killed.
      const hold = smtp.holdAll();
      await hold.waitForHeld(1);
      await recordedAsSent(database, () => smtp.received.length);
      first.kill('SIGKILL');
      const exit = await firstDone;
      expect(exit.signal).toBe('SIGKILL');
      const inFlight = hold.held.map((m) => codes.find((c) => m.text.includes(c)) as string);
      hold.release(false);
      const before = smtp.received.length;
      expect(before).toBeGreaterThanOrEqual(4);
      expect(before).toBeLessThan(12);
      expect(inFlight.length).toBeGreaterThanOrEqual(1);

      const second = startWorker(url);
      const secondDone = collect(second);
      await smtp.waitFor(12);
      await allDone(database, 12);
      expect([...receivedCodes(codes).values()]).toEqual(codes.map(() => 1));
      expect(smtp.received).toHaveLength(12);
      // the messages cut off by the kill went out after the dead worker's lease ran out, once
      for (const code of inFlight) expect(receivedCodes([code]).get(code)).toBe(1);
      const jobs = await database.db
        .selectFrom('jobs')
        .select(['attempts'])
        .where('name', '=', 'mail.appointment-confirmed')
        .execute();
      // the worker runs two jobs at a time: the one cut off, and perhaps one it had just claimed
      const retried = jobs.filter((j) => j.attempts === 2).length;
      expect(retried).toBeGreaterThanOrEqual(1);
      expect(retried).toBeLessThanOrEqual(2);
      expect(jobs.every((j) => j.attempts <= 2)).toBe(true);

      second.kill('SIGTERM');
      const stopped = await secondDone.done;
      expect(stopped.code).toBe(0);
      expect(smtp.received).toHaveLength(12);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('two workers at once send each message once', async () => {
    smtp.received.length = 0;
    const { database, url, drop, codes } = await prepare(20);
    try {
      const workers = [startWorker(url), startWorker(url)].map((c) => ({ child: c, run: collect(c) }));
      // Two child processes compile and start before sending: slow on a busy 2-core machine.
      await smtp.waitFor(20, 120_000);
      await allDone(database, 20);
      for (const w of workers) w.child.kill('SIGTERM');
      const exits = await Promise.all(workers.map((w) => w.run.done));
      expect(exits.map((e) => e.code)).toEqual([0, 0]);
      expect(smtp.received).toHaveLength(20);
      expect([...receivedCodes(codes).values()]).toEqual(codes.map(() => 1));
      const attempts = await database.db
        .selectFrom('jobs')
        .select('attempts')
        .where('name', '=', 'mail.appointment-confirmed')
        .execute();
      expect(attempts.every((j) => j.attempts === 1)).toBe(true);
    } finally {
      await database.close();
      await drop();
    }
  });
});
