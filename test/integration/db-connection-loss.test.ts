import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { person } from '../../bench/people.js';
import { testConfig } from '../../src/config.js';
import { type Database, openPostgres } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import { defineJob } from '../../src/jobs/define.js';
import { handleJob, type JobHandler } from '../../src/jobs/handler.js';
import { Worker } from '../../src/jobs/worker.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { mailboxTransport } from '../../src/services/mail/transport.js';
import { TestClock } from '../helpers/app.js';
import { collect, spawnCli, waitForUrl } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';
import { eventually, getFresh, httpProcessIds, isAlive } from '../helpers/http.js';

// A whole cluster under load (three processes through tsx, the load in this one): generous time.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const PROCEDURE = 'orientacion-tributaria';

/**
 * Terminates a backend from another connection (as an operator or a failover would) and waits until it
 * is gone, so the connection's owner meets the loss on its next use.
 */
async function terminate(admin: Kysely<DB>, pid: number): Promise<void> {
  await sql`SELECT pg_terminate_backend(${pid})`.execute(admin);
  await eventually('the backend ended', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`.execute(admin);
    return rows[0]?.n === 0 ? true : undefined;
  });
}

async function backendPid(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
  return rows[0]?.pid ?? 0;
}

describe.runIf(engines().includes('postgres'))('a lost database connection on PostgreSQL', () => {
  let database: TestDatabase;
  let admin: Database;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    admin = openPostgres({ url: database.url ?? '', poolSize: 2, applicationName: 'agenda-test' });
  });
  afterAll(async () => {
    await admin?.close();
    await database?.destroy();
  });

  it('fails the request using it with 503 and Retry-After, on the API and on pages, and the next one works', async () => {
    const app = await buildApp({ config: testConfig(), database });
    // The connection dies while the request holds it in the middle of a transaction.
    const losesItsConnection = async () =>
      database.db.transaction().execute(async (trx) => {
        await terminate(admin.db, await backendPid(trx));
        await sql`SELECT 1`.execute(trx);
      });
    app.get('/api/v1/test/lost', async () => losesItsConnection());
    app.get('/prueba/perdida', async () => losesItsConnection());
    await app.ready();
    try {
      const api = await app.inject({ url: '/api/v1/test/lost', headers: { 'accept-language': 'en' } });
      expect(api.statusCode).toBe(503);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(api.headers['retry-after'])).toBeGreaterThan(0);
      expect(api.json()).toMatchObject({
        status: 503,
        code: 'UNAVAILABLE',
        detail: 'The service is not available right now. Please try again shortly.',
      });

      const page = await app.inject({ url: '/prueba/perdida' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
      expect(page.body).toContain('Intente de nuevo en unos instantes');

      const english = await app.inject({ url: '/prueba/perdida', cookies: { lang: 'en' } });
      expect(english.statusCode).toBe(503);
      expect(english.body).toContain('Please try again shortly');

      // The pool threw the dead connection away: the next requests get a new one.
      expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/v1/procedures' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('fails the job try that was using it, not the worker, and the job runs again', async () => {
    await sql`CREATE TABLE lost_connection_effects (try int NOT NULL)`.execute(database.db);
    const clock = new TestClock(new Date('2030-03-04T15:00:00Z'));
    const writes = handleJob(
      defineJob({
        name: 'test.loses-connection',
        payload: Type.Object({}),
        transactional: true,
        retry: { baseSeconds: 30, capSeconds: 30 },
      }),
      async (ctx) => {
        await sql`INSERT INTO lost_connection_effects (try) VALUES (${ctx.job.attempt})`.execute(ctx.db);
        if (ctx.job.attempt === 1) await terminate(admin.db, await backendPid(ctx.db));
        await sql`SELECT 1`.execute(ctx.db);
      },
    );
    const worker = new Worker({
      db: database.db,
      config: testConfig(),
      clock: clock.now,
      mail: mailboxTransport(),
      handlers: [writes] as JobHandler[],
      periodic: [],
    });
    await enqueue(database.db, writes.definition, {}, { runAt: clock.now() });

    const first = await worker.runDue();
    expect(first).toEqual([
      expect.objectContaining({ name: 'test.loses-connection', attempt: 1, result: 'retry' }),
    ]);
    clock.advance(30_000);
    const second = await worker.runDue();
    expect(second).toEqual([expect.objectContaining({ attempt: 2, result: 'done' })]);
    // The first try's write went with its transaction; only the second one's stayed.
    const { rows } = await sql<{ try: number }>`SELECT try FROM lost_connection_effects`.execute(database.db);
    expect(rows).toEqual([{ try: 2 }]);
  });
});

interface Outcome {
  /** 0 when the request never got an answer (the connection to the app failed). */
  status: number;
  retryAfter: string | null;
  contentType: string;
  code?: string;
  page: boolean;
}

/** The civil date `days` ahead (UTC), whose 14:00Z (09:00 Bogotá) is inside the booking window. */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(engines().includes('postgres'))('killing the app’s connections under load, WORKERS=2', () => {
  let database: { url: string; drop(): Promise<void> };
  let admin: Database;
  const days = [dayAhead(2), dayAhead(3), dayAhead(4)];
  beforeAll(async () => {
    database = await createPostgresDatabaseUrl();
    admin = openPostgres({ url: database.url, poolSize: 2, applicationName: 'agenda-test' });
    const line = await aCapacityLine(admin.db, {
      office: '11',
      channel: 'presencial',
      procedures: [PROCEDURE],
    });
    for (const day of days) {
      for (const hour of [14, 15, 16, 17, 18, 19]) {
        await aSlot(admin.db, { line, startsAt: `${day}T${hour}:00:00Z`, capacity: 3 });
      }
    }
  });
  afterAll(async () => {
    await admin?.close();
    await database?.drop();
  });

  it('keeps every process alive, answers 503 with Retry-After meanwhile, is back within 2 s, and keeps the rules', async () => {
    const child = spawnCli(['serve'], {
      DATABASE_URL: database.url,
      WORKERS: '2',
      PORT: '0',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '4',
      CAPTCHA: 'off',
      RATE_LIMIT: 'off',
      RELEASE_DELAY_SECONDS: '0',
      HOLD_SECONDS: '60',
      SLOTS_CACHE_MS: '0',
      CALENDAR_CACHE_MS: '0',
    });
    const { done } = collect(child);
    const outcomes: Outcome[] = [];
    const recoveries: number[] = [];
    try {
      const url = await waitForUrl(child);
      const before = await eventually('both HTTP processes report', async () => {
        const pids = await httpProcessIds(url);
        return pids.length === 2 ? pids : undefined;
      });
      const slotsPath = (day: string) =>
        `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=${day}`;

      const call = async (path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
        const page = !path.startsWith('/api/');
        try {
          const res = await fetch(`${url}${path}`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          const text = await res.text();
          const contentType = res.headers.get('content-type') ?? '';
          const json: unknown = contentType.includes('json') ? JSON.parse(text) : undefined;
          outcomes.push({
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            contentType,
            code: (json as { code?: string } | undefined)?.code,
            page,
          });
          return { status: res.status, json };
        } catch {
          outcomes.push({ status: 0, retryAfter: null, contentType: '', page });
          return { status: 0, json: undefined };
        }
      };

      // People search, hold, confirm (some with a document that already has an appointment for the
      // procedure), cancel, look at a page; 16 at once, until told to stop.
      let loading = true;
      const people = 40;
      const onePerson = async () => {
        while (loading) {
          const who = Math.floor(Math.random() * people);
          if (Math.random() < 0.1) {
            await call('/tramites');
            continue;
          }
          const day = days[Math.floor(Math.random() * days.length)] ?? '';
          const search = await call(slotsPath(day));
          const items = (search.json as { items?: { slotId: number; available: number }[] } | undefined)
            ?.items;
          const open = (items ?? []).filter((s) => s.available > 0);
          const slot = open[Math.floor(Math.random() * open.length)];
          if (!slot) continue;
          const hold = await call('/api/v1/holds', {
            slotId: slot.slotId,
            procedure: PROCEDURE,
            channel: 'presencial',
          });
          const holdId = (hold.json as { holdId?: string } | undefined)?.holdId;
          if (hold.status !== 201 || !holdId || Math.random() < 0.2) continue;
          const confirm = await call(`/api/v1/holds/${holdId}/confirm`, person(who, 1_300_000_000));
          const code = (confirm.json as { code?: string } | undefined)?.code;
          if (confirm.status === 201 && code && Math.random() < 0.5) {
            await call(`/api/v1/appointments/${code}/cancel`, {
              documentNumber: String(1_300_000_000 + who),
            });
          }
        }
      };
      const load = Array.from({ length: 16 }, onePerson);

      const killAppConnections = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM (
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'agenda' AND pid <> pg_backend_pid()
          ) killed`.execute(admin.db);
        return rows[0]?.n ?? 0;
      };
      const probe = async () => (await getFresh(`${url}${slotsPath(days[0] ?? '')}`)).status;

      await eventually('the load is running', async () => (outcomes.length >= 200 ? true : undefined));
      for (let round = 0; round < 4; round++) {
        const killedAt = performance.now();
        expect(await killAppConnections()).toBeGreaterThan(0);
        // Back: the first of six answers in a row from the database, through both processes.
        let streak = 0;
        let backAt = 0;
        await eventually(
          'service back',
          async () => {
            const status = await probe();
            if (status !== 200) streak = 0;
            else if (++streak === 1) backAt = performance.now();
            return streak >= 6 ? true : undefined;
          },
          { timeoutMs: 30_000, everyMs: 10 },
        );
        recoveries.push(backAt - killedAt);
        const seen = outcomes.length;
        await eventually('more load after the kill', async () =>
          outcomes.length >= seen + 100 ? true : undefined,
        );
      }
      loading = false;
      await Promise.all(load);

      // Every process is the one that was there before: none died, none was restarted.
      expect(isAlive(child.pid ?? 0)).toBe(true);
      expect(child.exitCode).toBeNull();
      expect(await httpProcessIds(url)).toEqual(before);
      for (const pid of before) expect(isAlive(pid)).toBe(true);

      // Back within 2 s each time (the contract).
      for (const ms of recoveries) expect(ms).toBeLessThan(2_000);

      // Requests caught by a kill got 503 with Retry-After (problem+json or the page), nothing else failed.
      expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
      const unavailable = outcomes.filter((o) => o.status === 503);
      expect(unavailable.length).toBeGreaterThan(0);
      for (const o of unavailable) {
        expect(Number(o.retryAfter)).toBeGreaterThan(0);
        if (o.page) expect(o.contentType).toMatch(/^text\/html/);
        else
          expect(o).toMatchObject({
            code: 'UNAVAILABLE',
            contentType: expect.stringMatching(/^application\/problem\+json/),
          });
      }
      const statuses = new Set(outcomes.map((o) => o.status));
      for (const status of statuses) expect([200, 201, 409, 410, 503]).toContain(status);
      expect(outcomes.filter((o) => o.status === 201).length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    const finished = await done;
    expect(finished.code).toBe(0);

    // The rules hold in SQL.
    const slots = await sql<{
      id: number;
      capacity: number;
      taken: number;
      live: number;
      holds: number;
      kept: number;
    }>`
      SELECT s.id, s.capacity, s.taken,
        (SELECT count(*)::int FROM holds h WHERE h.slot_id = s.id) AS holds,
        (SELECT count(*)::int FROM holds h WHERE h.slot_id = s.id AND h.expires_at > now()) AS live,
        (SELECT count(*)::int FROM appointments a WHERE a.slot_id = s.id
           AND a.status IN ('booked', 'checked_in', 'attended', 'no_show')) AS kept
      FROM slots s`.execute(admin.db);
    expect(slots.rows.length).toBe(days.length * 6);
    for (const s of slots.rows) {
      expect(s.taken).toBeLessThanOrEqual(s.capacity);
      expect(s.kept + s.live).toBeLessThanOrEqual(s.capacity);
      // The counter matches its rows: no transaction cut by a kill left half of itself behind.
      expect(s.taken).toBe(s.kept + s.holds);
    }
    const twice = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT person_key FROM appointments WHERE status IN ('booked', 'checked_in')
        GROUP BY person_key, procedure_code HAVING count(*) > 1) t`.execute(admin.db);
    expect(twice.rows[0]?.n).toBe(0);
  });
});
