/**
 * `npm run bench` (`-- --quick` for a short run): the performance of the app on this machine's PostgreSQL,
 * against the machine's own ceilings measured in the same run. It creates its own database, seeds the
 * national agenda, starts app processes on loopback, drives them with autocannon, checks the booking rush
 * in SQL, prints a table and writes the JSON to bench/results/. See docs/scaling.md for what it found.
 */
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { progressBar } from '../src/cli/progress.js';
import { type Database, openPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { analyze } from '../src/db/seed/erase.js';
import { seedNational } from '../src/db/seed/national.js';
import { addDays, civilDateOf } from '../src/domain/civil-time.js';
import { type LoadResult, load } from './load.js';
import { overloadScenario } from './overload.js';
import { holdIdOf, person, pickSlot } from './people.js';
import { peakRssMb, processTree, ROOT, startProcess, stopProcess } from './processes.js';
import { drawTime, entryLoad } from './releases.js';
import { type RushOutcome, runRush } from './rush.js';

const quick = process.argv.includes('--quick');
const adminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZE = quick
  ? {
      seconds: 3,
      days: 5,
      people: 2_000,
      places: 200,
      pgbenchSeconds: 3,
      drawEntries: 10_000,
      drawPlaces: 2_000,
    }
  : {
      seconds: 10,
      days: 60,
      people: 20_000,
      places: 2_000,
      pgbenchSeconds: 8,
      drawEntries: 100_000,
      drawPlaces: 20_000,
    };
const CONNECTIONS = 50;
const RUSH = { procedure: 'facilidades-pago', channel: 'presencial', city: '11001', days: 3 };
const CALENDAR = { procedure: 'orientacion-tributaria', cities: ['11001', '05001', '76001', '08001'] };
const SEARCH_OFFICES = ['11', '05', '02', '31', '04', '16'];

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

interface Row {
  scenario: string;
  workers: number | '';
  result: LoadResult;
  ceiling?: { name: string; value: number };
}

const rows: Row[] = [];
const memory: { phase: string; pid: number; role: string; peakRssMb: number | undefined }[] = [];
const cleanup: (() => Promise<void>)[] = [];
const running: ChildProcess[] = [];

async function main() {
  const started = Date.now();
  const name = `agenda_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();

  log('building the app (tsc)…');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );

  log(`creating database ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  cleanup.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const database = openPostgres({ url: dbUrl, poolSize: 4, applicationName: 'agenda-bench' });
  cleanup.unshift(() => database.close());
  await migrate(database);
  const bar = progressBar(`seeding ${SIZE.days} working days`);
  const seedStarted = Date.now();
  const seeded = await database.db
    .transaction()
    .execute((trx) => seedNational(trx, { now: new Date(), workingDays: SIZE.days, onProgress: bar.update }));
  bar.finish();
  await analyze(database.db);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  log(
    `seeded ${seeded.slots} slots on ${seeded.capacityLines} capacity lines in ${seedSeconds.toFixed(1)} s`,
  );
  // A million freshly inserted rows would otherwise wake autovacuum in the middle of the measurements.
  await sql`VACUUM (ANALYZE) slots`.execute(database.db);
  log('vacuumed the new slots');

  const today = civilDateOf(new Date());
  const dates = (
    await sql<{
      d: string;
    }>`SELECT DISTINCT local_date AS d FROM slots WHERE local_date > ${today}::date ORDER BY 1`.execute(
      database.db,
    )
  ).rows.map((r) => r.d);
  const rushDays = dates.slice(0, RUSH.days);
  const searchDays = dates.slice(RUSH.days).filter((d) => d <= addDays(today, 44));
  const offered = await prepareRush(database, rushDays);
  log(`rush: ${offered} places on ${rushDays.join(', ')}`);

  // Ceilings: Fastify alone, Fastify + SELECT 1, and pgbench on the booking statement.
  const ceiling = await startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/ceiling-server.ts'],
    { DATABASE_URL: dbUrl },
    /listening (http:\/\/[^\s]+)/,
  );
  running.push(ceiling.child);
  const hello = await load({
    url: `${ceiling.found}/hello`,
    connections: CONNECTIONS,
    duration: SIZE.seconds,
  });
  rows.push({ scenario: 'ceiling: Fastify hello world', workers: '', result: hello });
  const select1 = await load({
    url: `${ceiling.found}/select1`,
    connections: CONNECTIONS,
    duration: SIZE.seconds,
  });
  rows.push({ scenario: 'ceiling: Fastify + SELECT 1 (pg pool 10)', workers: '', result: select1 });
  await stopProcess(ceiling.child);
  const pgbench = await runPgbench(database, dbUrl);

  // The app with one HTTP process: every scenario.
  const one = await startApp(dbUrl, 1);
  const calendarPath = () => {
    const city = CALENDAR.cities[Math.floor(Math.random() * CALENDAR.cities.length)];
    return `/api/v1/availability/days?procedure=${CALENDAR.procedure}&channel=presencial&city=${city}&from=${today}&to=${addDays(today, 44)}`;
  };
  const slotsPath = () => {
    const office = SEARCH_OFFICES[Math.floor(Math.random() * SEARCH_OFFICES.length)];
    const day = searchDays[Math.floor(Math.random() * searchDays.length)];
    return `/api/v1/availability/slots?procedure=${CALENDAR.procedure}&channel=presencial&office=${office}&date=${day}`;
  };
  const days = await load({
    url: one.url,
    connections: CONNECTIONS,
    duration: SIZE.seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: calendarPath() }) }],
  });
  rows.push({
    scenario: '1 availability days (calendar)',
    workers: 1,
    result: days,
    ceiling: { name: 'hello', value: hello.requestsPerSecond },
  });
  const days500 = await load({
    url: one.url,
    connections: 20,
    duration: SIZE.seconds,
    overallRate: 500,
    requests: [{ setupRequest: (req) => ({ ...req, path: calendarPath() }) }],
  });
  rows.push({ scenario: '1 availability days at 500 req/s', workers: 1, result: days500 });
  const slots = await load({
    url: one.url,
    connections: CONNECTIONS,
    duration: SIZE.seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: slotsPath() }) }],
  });
  rows.push({
    scenario: '2 slots of one day',
    workers: 1,
    result: slots,
    ceiling: { name: 'select1', value: select1.requestsPerSecond },
  });
  log(`rush: ${SIZE.people} people, ${offered} places`);
  const rush = await runRush({
    urls: [one.url],
    people: SIZE.people,
    procedure: RUSH.procedure,
    channel: RUSH.channel,
    city: RUSH.city,
    days: rushDays,
    connections: 100,
    firstDocument: 1_000_000_000,
  });
  rows.push({
    scenario: '3 booking rush (search, hold, confirm)',
    workers: 1,
    // The rush's own requests only (latencies are autocannon's, filler requests included).
    result: { ...rush.load, requestsPerSecond: rush.rushRequestsPerSecond },
    ceiling: { name: 'pgbench', value: pgbench.tps ?? 0 },
  });
  const rushCheck = await checkRush(database, rushDays);
  await undoMixedBookings(database);
  const mixed1 = await mixed(one.url, slotsPath, calendarPath, 2_000_000_000);
  rows.push({ scenario: '4 mixed 90% search / 10% booking', workers: 1, result: mixed1 });
  const entries = await entryLoad(database, one.url, {
    seconds: SIZE.seconds,
    connections: CONNECTIONS,
    firstDocument: 1_500_000_000,
  });
  rows.push({
    scenario: '5 release applications (one insert each)',
    workers: 1,
    result: entries,
    ceiling: { name: 'select1', value: select1.requestsPerSecond },
  });
  recordMemory('WORKERS=1 (rush, mixed, applications)', one.pid);
  await stopProcess(one.child);

  // A fresh process, so that its peak memory is the overload's own.
  const shedding = await startApp(dbUrl, 1);
  log(`overload: ${CONNECTIONS} then ${CONNECTIONS * 10} connections on the times of a day`);
  const overload = await overloadScenario({
    url: shedding.url,
    path: slotsPath,
    seconds: SIZE.seconds,
    wellConnections: CONNECTIONS,
  });
  rows.push({ scenario: '6 slots, the concurrency answered well', workers: 1, result: overload.normal });
  rows.push({ scenario: '6 slots at 10x that (overload)', workers: 1, result: overload.overload });
  recordMemory('WORKERS=1 (overload 10x)', shedding.pid);
  const overloadPeakRssMb = peakRssMb(shedding.pid) ?? null;
  await stopProcess(shedding.child);
  log(`draw: ${SIZE.drawEntries} entries over ${SIZE.drawPlaces} places`);
  const draw = await drawTime(database, { entries: SIZE.drawEntries, places: SIZE.drawPlaces });
  log(`drawn in ${draw.seconds} s: ${draw.offers} offers, ${draw.waiting} waiting`);

  // Two HTTP processes: the mixed load again, on the same agenda as the first run found it, and after
  // the same kind of warm-up (the single process had served every scenario before its mixed run: JIT,
  // prepared statements on its connections, warm caches; fresh processes have none of that).
  const two = await startApp(dbUrl, 2);
  await mixed(two.url, slotsPath, calendarPath, 4_000_000_000);
  await undoMixedBookings(database);
  const mixed2 = await mixed(two.url, slotsPath, calendarPath, 3_000_000_000);
  rows.push({ scenario: '4 mixed 90% search / 10% booking', workers: 2, result: mixed2 });
  recordMemory('WORKERS=2 (mixed)', two.pid);
  await stopProcess(two.child);

  const report = {
    at: new Date().toISOString(),
    quick,
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    seed: { ...seeded, seconds: Number(seedSeconds.toFixed(1)) },
    ceilings: {
      helloRps: hello.requestsPerSecond,
      select1Rps: select1.requestsPerSecond,
      pgbenchHotSlotTps: pgbench.tps,
      pgbenchNote: pgbench.note,
    },
    scenarios: rows.map((r) => ({
      scenario: r.scenario,
      workers: r.workers,
      ...r.result,
      ratio:
        r.ceiling && r.ceiling.value > 0
          ? Number((r.result.requestsPerSecond / r.ceiling.value).toFixed(3))
          : null,
      ratioTo: r.ceiling?.name ?? null,
    })),
    rush: { offered, ...summariseRush(rush), ...rushCheck },
    mixedSpeedup: Number((mixed2.requestsPerSecond / Math.max(1, mixed1.requestsPerSecond)).toFixed(2)),
    overload: {
      wellConnections: overload.wellConnections,
      overloadConnections: overload.overloadConnections,
      normalP99: overload.normal.p99,
      shedShare: overload.shedShare,
      answeredP99: overload.answeredP99,
      normalAnsweredPerSecond: overload.normalAnsweredPerSecond,
      overloadAnsweredPerSecond: overload.overloadAnsweredPerSecond,
      peakRssMb: overloadPeakRssMb,
      secondsToRecover: overload.secondsToRecover,
    },
    draw,
    memory,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  printTable(report, rush, pgbench);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${report.at.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nJSON: ${file}\n`);
}

async function startApp(dbUrl: string, workers: number) {
  const started = await startProcess(
    process.execPath,
    ['dist/cli/main.js', 'serve'],
    {
      DATABASE_URL: dbUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: String(workers),
      CAPTCHA: 'off',
      RATE_LIMIT: 'off',
      RUN_WORKER: 'off',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(24).toString('hex'),
      AUDIT_KEY: randomBytes(24).toString('hex'),
    },
    /Citizen site: (http:\/\/localhost:\d+)\//,
  );
  running.push(started.child);
  const url = started.found.replace('localhost', '127.0.0.1');
  log(`app with WORKERS=${workers} at ${url}`);
  return { child: started.child, url, pid: started.child.pid ?? 0 };
}

function recordMemory(phase: string, pid: number) {
  for (const [i, p] of processTree(pid).entries()) {
    memory.push({ phase, pid: p, role: i === 0 ? 'primary' : 'http', peakRssMb: peakRssMb(p) });
  }
}

/** Only the rush's procedure in its city, only on the rush days, with exactly SIZE.places places. */
async function prepareRush(database: Database, rushDays: string[]): Promise<number> {
  const lines = sql`
    SELECT l.id FROM capacity_lines l
    JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id AND lp.procedure_code = ${RUSH.procedure}
    JOIN offices o ON o.code = l.office_code
    WHERE l.channel = ${RUSH.channel} AND o.city_code = ${RUSH.city}`;
  await sql`UPDATE slots SET status = 'closed'
    WHERE capacity_line_id IN (${lines}) AND NOT (local_date = ANY(${rushDays}::date[]))`.execute(
    database.db,
  );
  await sql`
    WITH r AS (
      SELECT id, row_number() OVER (ORDER BY id) AS rn, count(*) OVER () AS n FROM slots
      WHERE capacity_line_id IN (${lines}) AND local_date = ANY(${rushDays}::date[]))
    UPDATE slots s SET capacity = (${SIZE.places} / r.n) + CASE WHEN r.rn <= ${SIZE.places} % r.n THEN 1 ELSE 0 END
    FROM r WHERE s.id = r.id`.execute(database.db);
  const offered = await sql<{ n: number }>`
    SELECT coalesce(sum(capacity), 0)::int AS n FROM slots
    WHERE capacity_line_id IN (${lines}) AND status = 'open'`.execute(database.db);
  return offered.rows[0]?.n ?? 0;
}

/** What the database says after the rush: sold, oversold slots, people booked twice. */
async function checkRush(database: Database, rushDays: string[]) {
  const result = await sql<{
    sold: number;
    oversold: number;
    double_booked: number;
    counter_mismatch: number;
  }>`
    WITH rush AS (
      SELECT s.id, s.capacity, s.taken FROM slots s
      JOIN capacity_lines l ON l.id = s.capacity_line_id
      JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id AND lp.procedure_code = ${RUSH.procedure}
      JOIN offices o ON o.code = l.office_code AND o.city_code = ${RUSH.city}
      WHERE s.channel = ${RUSH.channel} AND s.local_date = ANY(${rushDays}::date[])
    ), booked AS (
      SELECT r.id, r.capacity, r.taken,
        (SELECT count(*) FROM appointments a WHERE a.slot_id = r.id AND a.status = 'booked') AS n,
        (SELECT count(*) FROM holds h WHERE h.slot_id = r.id) AS held
      FROM rush r
    )
    SELECT (SELECT coalesce(sum(n), 0)::int FROM booked) AS sold,
      (SELECT count(*)::int FROM booked WHERE n > capacity OR taken > capacity) AS oversold,
      (SELECT count(*)::int FROM booked WHERE taken <> n + held) AS counter_mismatch,
      (SELECT count(*)::int FROM (SELECT person_key FROM appointments WHERE status = 'booked'
         GROUP BY person_key, procedure_code HAVING count(*) > 1) t) AS double_booked`.execute(database.db);
  const r = result.rows[0];
  return {
    sold: r?.sold ?? 0,
    oversoldSlots: r?.oversold ?? 0,
    doubleBookedPeople: r?.double_booked ?? 0,
    counterMismatches: r?.counter_mismatch ?? 0,
  };
}

function summariseRush(r: RushOutcome) {
  const { load: _load, ...rest } = r;
  return rest;
}

/**
 * 90% searches (the calendar and a day's times) and 10% bookings (a hold, then its confirmation) by
 * request count: each client does 18 searches, then holds a place it found and confirms it.
 */
async function mixed(
  url: string,
  slotsPath: () => string,
  calendarPath: () => string,
  firstDocument: number,
) {
  let people = 0;
  interface Ctx {
    slotId?: number;
    holdId?: string;
    who?: number;
  }
  const search = (i: number) => ({
    setupRequest: (req: Record<string, unknown>) => ({
      ...req,
      method: 'GET',
      path: i % 2 === 0 ? calendarPath() : slotsPath(),
      body: undefined,
    }),
    ...(i === 17
      ? {
          onResponse: (status: number, body: string, context: Ctx) => {
            context.slotId = status === 200 ? pickSlot(body) : undefined;
          },
        }
      : {}),
  });
  const requests = [
    ...Array.from({ length: 18 }, (_, i) => search(i)),
    {
      setupRequest: (req: Record<string, unknown>, context: Ctx) => {
        if (context.slotId === undefined) return undefined;
        return {
          ...req,
          method: 'POST',
          path: '/api/v1/holds',
          body: JSON.stringify({
            slotId: context.slotId,
            procedure: CALENDAR.procedure,
            channel: 'presencial',
          }),
        };
      },
      onResponse: (status: number, body: string, context: Ctx) => {
        context.holdId = status === 201 ? holdIdOf(body) : undefined;
      },
    },
    {
      setupRequest: (req: Record<string, unknown>, context: Ctx) => {
        if (context.holdId === undefined) return undefined;
        context.who = people++;
        return {
          ...req,
          method: 'POST',
          path: `/api/v1/holds/${context.holdId}/confirm`,
          body: person(context.who, firstDocument),
        };
      },
    },
  ];
  return load({
    url,
    connections: CONNECTIONS,
    duration: SIZE.seconds,
    headers: { 'content-type': 'application/json' },
    // biome-ignore lint/suspicious/noExplicitAny: autocannon's request hooks are loosely typed
    requests: requests as any,
  });
}

/**
 * Gives back every place the mixed load booked or held (its procedure is the calendar's, which the rush
 * does not use), so that WORKERS=2 meets the agenda WORKERS=1 met: otherwise the second run would find
 * the searched days emptier and book less, and the two would not be comparable.
 */
async function undoMixedBookings(database: Database): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const lines = sql`SELECT capacity_line_id FROM capacity_line_procedures WHERE procedure_code = ${CALENDAR.procedure}`;
    await sql`DELETE FROM holds WHERE slot_id IN (SELECT id FROM slots WHERE capacity_line_id IN (${lines}))`.execute(
      trx,
    );
    await sql`DELETE FROM appointments WHERE procedure_code = ${CALENDAR.procedure}`.execute(trx);
    await sql`UPDATE slots SET taken = 0, reserved_taken = 0 WHERE capacity_line_id IN (${lines}) AND taken > 0`.execute(
      trx,
    );
  });
}

/** pgbench on the app's booking statement (take a place and record the hold) over 20 hot slots. */
async function runPgbench(database: Database, dbUrl: string): Promise<{ tps: number | null; note: string }> {
  const found = spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1'], {
    encoding: 'utf8',
  }).stdout.trim();
  const bin = found || (spawnSync('which', ['pgbench'], { encoding: 'utf8' }).stdout.trim() ?? '');
  if (!bin || !existsSync(bin)) {
    const note = 'pgbench not found (Debian: apt-get install postgresql-contrib): ceiling skipped';
    log(note);
    return { tps: null, note };
  }
  const line = await database.db
    .insertInto('capacity_lines')
    .values({ office_code: '11', channel: 'presencial', name: 'bench hot slots' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const far = new Date(Date.now() + 300 * 86_400_000);
  const ids: number[] = [];
  for (let i = 0; i < 20; i++) {
    const startsAt = new Date(far.getTime() + i * 1_800_000);
    const slot = await database.db
      .insertInto('slots')
      .values({
        capacity_line_id: line.id,
        office_code: '11',
        channel: 'presencial',
        local_date: civilDateOf(startsAt),
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 1_800_000),
        capacity: 100_000_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(slot.id);
  }
  const script = join(ROOT, 'bench/results/pgbench-hot-slots.sql');
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    script,
    `\\set k random(0, 19)
WITH taken AS (
  UPDATE slots s SET taken = s.taken + 1
  WHERE s.id = ${ids[0]} + :k AND s.status = 'open' AND (s.taken - s.reserved_taken) < (s.capacity - s.reserved)
  RETURNING s.id)
INSERT INTO holds (slot_id, kind, procedure_code, channel, expires_at)
SELECT id, 'citizen', 'orientacion-tributaria', 'presencial', now() + interval '10 minutes' FROM taken;
`,
  );
  const url = new URL(dbUrl);
  const run = spawnSync(
    bin,
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      '16',
      '-j',
      '2',
      '-T',
      String(SIZE.pgbenchSeconds),
      '-f',
      script,
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username || 'postgres'),
      url.pathname.slice(1),
    ],
    { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
  );
  await sql`DELETE FROM holds WHERE slot_id IN (${sql.join(ids)})`.execute(database.db);
  await sql`DELETE FROM slots WHERE id IN (${sql.join(ids)})`.execute(database.db);
  await sql`DELETE FROM capacity_lines WHERE id = ${line.id}`.execute(database.db);
  // Tens of thousands of holds inserted and deleted: vacuum now rather than under the next scenarios.
  await sql`VACUUM (ANALYZE) holds, slots`.execute(database.db);
  const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
  if (!tps) {
    const note = `pgbench failed: ${run.stderr.trim().split('\n').slice(-2).join(' ')}`;
    log(note);
    return { tps: null, note };
  }
  return {
    tps: Math.round(Number(tps)),
    note: '16 clients, prepared, the app’s one-statement hold on 20 slots',
  };
}

function printTable(
  report: {
    rush: { offered: number; sold: number; oversoldSlots: number; doubleBookedPeople: number };
    mixedSpeedup: number;
    overload: {
      wellConnections: number;
      overloadConnections: number;
      normalP99: number;
      shedShare: number;
      answeredP99: number;
      normalAnsweredPerSecond: number;
      overloadAnsweredPerSecond: number;
      peakRssMb: number | null;
      secondsToRecover: number | null;
    };
    draw: { seconds: number; entries: number; places: number; offers: number; waiting: number };
    totalSeconds: number;
  },
  rush: RushOutcome,
  pgbench: { tps: number | null; note: string },
) {
  const header = ['scenario', 'workers', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio to ceiling'];
  const body = rows.map((r) => [
    r.scenario,
    String(r.workers),
    String(r.result.requestsPerSecond),
    String(r.result.p50),
    String(r.result.p95),
    String(r.result.p99),
    String(r.result.errors),
    r.ceiling && r.ceiling.value > 0
      ? `${((100 * r.result.requestsPerSecond) / r.ceiling.value).toFixed(0)}% of ${r.ceiling.name}`
      : '',
  ]);
  body.splice(2, 0, [
    'ceiling: pgbench hot-slot hold (tps)',
    '',
    pgbench.tps === null ? 'skipped' : String(pgbench.tps),
    '',
    '',
    '',
    '',
    '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  out.push('');
  out.push(
    `booking rush: ${rush.people} people, ${report.rush.offered} places offered, ${report.rush.sold} sold, ` +
      `oversold slots ${report.rush.oversoldSlots}, people booked twice ${report.rush.doubleBookedPeople}; ` +
      `${rush.holdAttempts} hold attempts (${rush.holdAttemptsPerSecond}/s until sold out), ` +
      `${rush.holdsPlaced} placed in ${rush.secondsToSellOut} s (${rush.holdsPlacedPerSecond}/s), ` +
      `${rush.holdsFull} lost to someone faster, ${rush.emptySearches} found the days full`,
  );
  if (pgbench.tps)
    out.push(
      `hold attempts/s vs pgbench: ${((100 * rush.holdAttemptsPerSecond) / pgbench.tps).toFixed(0)}% (${pgbench.note})`,
    );
  out.push(`mixed load, WORKERS=2 / WORKERS=1: ${report.mixedSpeedup}×`);
  const o = report.overload;
  out.push(
    `overload, ${o.overloadConnections} connections (10× ${o.wellConnections}): ` +
      `${(100 * o.shedShare).toFixed(1)}% shed with 503, p99 of the answered ${o.answeredP99} ms ` +
      `(normal p99 ${o.normalP99} ms), answered ${o.overloadAnsweredPerSecond}/s (normal ${o.normalAnsweredPerSecond}/s), peak RSS ${o.peakRssMb ?? '?'} MB, ` +
      `back to normal latency ${o.secondsToRecover === null ? 'not within 30' : o.secondsToRecover} s after it stopped`,
  );
  out.push(
    `draw: ${report.draw.entries} entries over ${report.draw.places} places in ${report.draw.seconds} s ` +
      `(${report.draw.offers} offers, ${report.draw.waiting} on the waiting list), one job on PostgreSQL`,
  );
  out.push(
    `peak RSS: ${memory.map((m) => `${m.phase} ${m.role} ${m.pid}: ${m.peakRssMb ?? '?'} MB`).join('; ')}`,
  );
  out.push(`total ${report.totalSeconds} s`);
  process.stdout.write(`\n${out.join('\n')}\n`);
}

try {
  await main();
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  for (const child of running) await stopProcess(child);
  for (const step of cleanup) await step().catch(() => undefined);
}
