import { randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { person } from '../../bench/people.js';
import { type Database, openPostgres, PREPARED_MARK } from '../../src/db/database.js';
import { collect, spawnCli, waitForUrl } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, createTestDatabase, engines } from '../helpers/db.js';
import { requireAll } from '../helpers/environment.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';
import { eventually, isAlive } from '../helpers/http.js';
import { binaryPath, type Daemon, freePort, startHaproxy, startPgBouncer } from '../helpers/scale-out.js';

// Two app processes through tsx, HAProxy and PgBouncer, a rush and a kill: generous time.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 });

const PROCEDURE = 'orientacion-tributaria';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const onPostgres = engines().includes('postgres');
const missing = [
  ...(onPostgres ? [] : ['PostgreSQL (TEST_DATABASE_URL)']),
  ...(binaryPath('haproxy') ? [] : ['haproxy']),
  ...(binaryPath('pgbouncer') ? [] : ['pgbouncer']),
  ...((await redisReachable()) ? [] : [`Redis at ${REDIS_URL} (TEST_REDIS_URL)`]),
];
if (missing.length > 0) {
  process.stderr.write(
    `\n!! two instances behind HAProxy and PgBouncer left out: no ${missing.join(', ')}\n\n`,
  );
  if (requireAll)
    throw new Error(`REQUIRE_ALL=1 and the scale-out test cannot run: no ${missing.join(', ')}`);
}

describe.runIf(onPostgres)('PREPARED_STATEMENTS', () => {
  /** The named statements the one connection of a pool holds after it ran a marked query. */
  async function preparedAfterMarkedQuery(preparedStatements: boolean): Promise<number> {
    const database = await createTestDatabase('postgres', 1);
    const pool: Database = openPostgres({ url: database.url ?? '', poolSize: 1, preparedStatements });
    try {
      await sql`${sql.raw(PREPARED_MARK)} SELECT count(*) FROM slots WHERE id = ${1}`.execute(pool.db);
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_prepared_statements`.execute(pool.db);
      return rows[0]?.n ?? -1;
    } finally {
      await pool.close();
      await database.destroy();
    }
  }

  it('on: a hot query is a named statement of the session; off: nothing is prepared by name', async () => {
    expect(await preparedAfterMarkedQuery(true)).toBe(1);
    expect(await preparedAfterMarkedQuery(false)).toBe(0);
  });
});

interface Answer {
  status: number;
  json: Record<string, unknown> | undefined;
  afterKill: boolean;
}

describe.runIf(missing.length === 0)(
  'two app processes behind HAProxy and PgBouncer, one killed mid-rush',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let admin: Database;
    let bouncer: Daemon | undefined;
    let proxy: Daemon | undefined;
    const instances: { pid: number; done: Promise<unknown>; output: () => { stderr: string } }[] = [];
    const slotIds: number[] = [];
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

    beforeAll(async () => {
      database = await createPostgresDatabaseUrl();
      admin = openPostgres({ url: database.url, poolSize: 2, applicationName: 'agenda-test' });
      const line = await aCapacityLine(admin.db, {
        office: '11',
        channel: 'presencial',
        procedures: [PROCEDURE],
      });
      // Ten places for 48 people: the last places of each slot are fought over.
      for (const [hour, capacity] of [
        [14, 4],
        [15, 4],
        [16, 2],
      ] as const) {
        slotIds.push(await aSlot(admin.db, { line, startsAt: `${day}T${hour}:00:00Z`, capacity }));
      }

      // Fewer server connections than the two pools open: PgBouncer must share them per transaction.
      bouncer = await startPgBouncer(database.url, 4);
      const throughBouncer = new URL(database.url);
      throughBouncer.port = String(bouncer.port);
      const ports = [await freePort(), await freePort()];
      for (const port of ports) {
        const child = spawnCli(['serve'], {
          DATABASE_URL: throughBouncer.toString(),
          PREPARED_STATEMENTS: 'off',
          PORT: String(port),
          HOST: '127.0.0.1',
          DB_POOL_SIZE: '6',
          REDIS_URL,
          RATE_LIMIT: 'on',
          TRUST_PROXY: 'loopback',
          CAPTCHA: 'off',
          RELEASE_DELAY_SECONDS: '0',
          HOLD_SECONDS: '30',
          SLOTS_CACHE_MS: '0',
          CALENDAR_CACHE_MS: '0',
          SESSION_SECRET: 'scale-out-test-session-secret-shared-by-both-0000',
        });
        const { done, output } = collect(child);
        instances.push({ pid: child.pid ?? 0, done, output });
        await waitForUrl(child);
      }
      proxy = await startHaproxy(ports);
    });

    afterAll(async () => {
      for (const instance of instances) {
        if (isAlive(instance.pid)) process.kill(instance.pid, 'SIGTERM');
        await instance.done;
      }
      await proxy?.stop();
      await bouncer?.stop();
      await admin?.close();
      await database?.drop();
    });

    it('spreads requests over both, shares the rate-limit counters, and keeps every rule after a SIGKILL', async () => {
      const base = `http://127.0.0.1:${proxy?.port}`;
      // This run's clients, each with an address of its own (HAProxy adds the hop it saw; TRUST_PROXY
      // believes loopback hops), so runs sharing one Redis do not count each other's requests.
      const net = `10.${randomInt(256)}.${randomInt(256)}`;
      let killedAt: number | undefined;
      const answers: Answer[] = [];
      const failures: string[] = [];
      const call = async (client: number, path: string, body?: string): Promise<Answer> => {
        let answer: Answer;
        try {
          const res = await fetch(`${base}${path}`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: {
              'x-forwarded-for': `${net}.${client}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body }),
          });
          const text = await res.text();
          const json = (res.headers.get('content-type') ?? '').includes('json')
            ? (JSON.parse(text) as Record<string, unknown>)
            : undefined;
          answer = { status: res.status, json, afterKill: killedAt !== undefined };
          if (res.status >= 500) failures.push(`${res.status} ${path}: ${text.slice(0, 200)}`);
        } catch (err) {
          answer = { status: 0, json: undefined, afterKill: killedAt !== undefined };
          failures.push(`no answer ${path}: ${String(err)}`);
        }
        answers.push(answer);
        return answer;
      };

      await eventually('HAProxy sees both instances ready', async () =>
        (await call(250, '/health/ready')).status === 200 ? true : undefined,
      );
      // Round robin: a few scrapes of /metrics through HAProxy are answered by both processes.
      const servedBy = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${base}/metrics`);
        servedBy.add(/agenda_process_info\{pid="(\d+)"/.exec(await res.text())?.[1] ?? '');
      }
      expect([...servedBy].sort()).toEqual(instances.map((i) => String(i.pid)).sort());

      // One client's hold budget (30 per 10 minutes) is kept in Redis: through both processes together it
      // still allows 30, where counters of each process's own would allow 60.
      const budget: number[] = [];
      for (let i = 0; i < 34; i++) {
        budget.push(
          (
            await call(
              251,
              '/api/v1/holds',
              JSON.stringify({ slotId: 2_000_000_000, procedure: PROCEDURE, channel: 'presencial' }),
            )
          ).status,
        );
      }
      expect(budget.filter((s) => s === 404)).toHaveLength(30);
      expect(budget.filter((s) => s === 429)).toHaveLength(4);

      // The rush: 48 people, 12 at once; the first eight are four people who each try twice (same
      // document, other client). Each searches, holds a place with room, confirms; a lost place means
      // searching again (four tries). One instance is SIGKILLed once two bookings are confirmed.
      const people = 48;
      const concurrency = 12;
      const documentOf = (n: number) => (n < 8 ? n % 4 : n);
      // The per-document confirmation budget lives in Redis for an hour: documents of this run only.
      const firstDocument = 1_000_000_000 + randomInt(8_000_000) * 100;
      const victim = instances[1];
      const confirmed: { code: string; afterKill: boolean }[] = [];
      const kill = () => {
        if (killedAt !== undefined || !victim) return;
        killedAt = Date.now();
        process.kill(victim.pid, 'SIGKILL');
      };
      const onePerson = async (n: number) => {
        for (let attempt = 0; attempt < 4; attempt++) {
          const search = await call(
            n,
            `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=${day}`,
          );
          const items = (search.json?.items as { slotId: number; available: number }[] | undefined) ?? [];
          const open = items.filter((s) => s.available > 0);
          if (search.status === 200 && open.length === 0) return;
          const slot = open[randomInt(Math.max(open.length, 1))];
          if (!slot) continue;
          const hold = await call(
            n,
            '/api/v1/holds',
            JSON.stringify({ slotId: slot.slotId, procedure: PROCEDURE, channel: 'presencial' }),
          );
          const holdId = hold.json?.holdId;
          if (hold.status !== 201 || typeof holdId !== 'string') continue;
          // A confirmation whose answer was lost (the instance died under it) is sent again.
          for (let tries = 0; tries < 3; tries++) {
            const done = await call(
              n,
              `/api/v1/holds/${holdId}/confirm`,
              person(documentOf(n), firstDocument),
            );
            if ((done.status === 201 || done.status === 200) && typeof done.json?.code === 'string') {
              confirmed.push({ code: done.json.code, afterKill: done.afterKill });
              if (confirmed.length >= 2) kill();
              return;
            }
            if (done.status !== 0 && done.status < 500) return;
          }
        }
      };
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < people) await onePerson(next++);
        }),
      );

      const lost = answers.filter((a) => a.status === 0 || a.status >= 500);
      const context = JSON.stringify({
        statuses: answers.map((a) => a.status).join(','),
        failures: failures.slice(0, 20),
        stderr: instances.map((i) => i.output().stderr.slice(-2000)),
      });
      expect(killedAt, context).toBeDefined();
      await eventually('the killed instance is gone', async () =>
        isAlive(victim?.pid ?? 0) ? undefined : true,
      );
      expect(isAlive(instances[0]?.pid ?? 0), context).toBe(true);
      // Nothing failed inside the application (no 500: PgBouncer in transaction mode served every query,
      // no prepared statement missing); only requests caught by the kill may have gone unanswered.
      expect(
        answers.filter((a) => a.status === 500),
        context,
      ).toEqual([]);
      expect(lost.length, context).toBeLessThanOrEqual(concurrency);
      // The surviving instance kept selling after the kill.
      expect(confirmed.filter((c) => c.afterKill).length, context).toBeGreaterThan(0);
      // HAProxy took the dead instance out: every request now reaches the living one.
      for (let i = 0; i < 10; i++) expect((await call(252, '/health/ready')).status).toBe(200);

      // The rules, in SQL, straight on PostgreSQL.
      const perSlot = await sql<{ capacity: number; taken: number; booked: number; holds: number }>`
      SELECT s.capacity, s.taken,
        (SELECT count(*)::int FROM appointments a WHERE a.slot_id = s.id AND a.status = 'booked') AS booked,
        (SELECT count(*)::int FROM holds h WHERE h.slot_id = s.id) AS holds
      FROM slots s WHERE s.id IN (${sql.join(slotIds)})`.execute(admin.db);
      expect(perSlot.rows).toHaveLength(3);
      for (const s of perSlot.rows) {
        expect(s.taken).toBeLessThanOrEqual(s.capacity);
        expect(s.booked).toBeLessThanOrEqual(s.capacity);
        // The counter did not drift: every place taken is an appointment or a hold row.
        expect(s.taken).toBe(s.booked + s.holds);
      }
      const twice = await sql<{ person_key: string }>`
      SELECT person_key FROM appointments WHERE status IN ('booked', 'checked_in')
      GROUP BY person_key, procedure_code HAVING count(*) > 1`.execute(admin.db);
      expect(twice.rows).toEqual([]);
      const codes = [...new Set(confirmed.map((c) => c.code))];
      const recorded = await sql<{ code: string }>`
      SELECT code FROM appointments WHERE status = 'booked' AND code IN (${sql.join(codes)})`.execute(
        admin.db,
      );
      expect(recorded.rows.map((r) => r.code).sort()).toEqual(codes.sort());
      // Each booking queued its confirmation e-mail with it.
      const unmailed = await sql<{ id: number }>`
      SELECT a.id FROM appointments a
      WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.dedupe_key = 'confirmed:' || a.id)`.execute(admin.db);
      expect(unmailed.rows).toEqual([]);
    });
  },
);
