/**
 * How long each report takes over a month of national-scale data on PostgreSQL: about a million slots,
 * an appointment on 40 % of them, and a month of hourly search and hold counters (over a million rows,
 * standing for tens of millions of searches). Run: `npx tsx bench/reports.ts` (BENCH_DATABASE_URL
 * points at a server where it may create and drop the `agenda_bench_reports` database).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { testConfig } from '../src/config.js';
import { openPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { seedCatalogue } from '../src/db/seed/seed.js';
import { type Actor, systemActor } from '../src/domain/access.js';
import { addDays, civilDateOf, instantAt } from '../src/domain/civil-time.js';
import { nextAvailable } from '../src/services/reports/next-available.js';
import { buildReport, REPORTS } from '../src/services/reports/reports.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'agenda_bench_reports';
const LIMIT_MS = 1000;

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${NAME}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  const database = openPostgres({ url: url.toString(), poolSize: 4 });
  const db = database.db;
  const now = new Date();
  const today = civilDateOf(now);
  const first = addDays(today, -30);
  try {
    await migrate(database);
    await seedCatalogue(db);
    const t0 = performance.now();
    // One in-person line per office, video and phone lines at each seccional, each serving every
    // procedure booked through its channel.
    await sql`
      INSERT INTO capacity_lines (office_code, channel, name)
      SELECT o.code, c.channel, 'bench ' || o.code || ' ' || c.channel
      FROM offices o CROSS JOIN (VALUES ('presencial'), ('video'), ('telefono')) c (channel)
      WHERE c.channel = 'presencial' OR o.code = o.seccional_code`.execute(db);
    await sql`
      INSERT INTO capacity_line_procedures (capacity_line_id, procedure_code)
      SELECT l.id, p.code FROM capacity_lines l JOIN procedures p
        ON p.requires_appointment AND l.channel = ANY (p.channels)`.execute(db);
    // 60 days (30 past, 30 ahead), 5-minute slots from 07:00 to 17:00 Bogotá.
    await sql`
      INSERT INTO slots (capacity_line_id, office_code, channel, local_date, starts_at, ends_at, capacity)
      SELECT l.id, l.office_code, l.channel, d::date,
        (d::date + make_interval(mins => m)) AT TIME ZONE 'America/Bogota',
        (d::date + make_interval(mins => m + 5)) AT TIME ZONE 'America/Bogota', 3
      FROM capacity_lines l
      CROSS JOIN generate_series(${first}::date, ${addDays(today, 29)}::date, interval '1 day') d
      CROSS JOIN generate_series(420, 1015, 5) m`.execute(db);
    const applicant = await db
      .insertInto('applicants')
      .values({
        person_type: 'natural',
        document_type: 'CC',
        document_number: '1000000000',
        first_name: 'Bench',
        last_name: 'Bench',
        email: 'bench@example.com',
        phone: '+573001234567',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      INSERT INTO appointments (code, slot_id, procedure_code, channel, office_code, starts_at, ends_at,
        applicant_id, person_key, status, created_at, cancelled_at, cancel_reason)
      SELECT substr(translate(md5(s.id::text), '0123456789abcdef', 'ABCDEFGHJKLMNPQR'), 1, 12), s.id,
        (SELECT min(lp.procedure_code) FROM capacity_line_procedures lp WHERE lp.capacity_line_id = s.capacity_line_id),
        s.channel, s.office_code, s.starts_at, s.ends_at, ${applicant.id}, 'CC:' || s.id,
        CASE WHEN r < 0.02 THEN 'cancelled' WHEN s.starts_at > ${now} THEN 'booked'
             WHEN r < 0.06 THEN 'no_show' ELSE 'attended' END,
        s.starts_at - make_interval(days => 1 + (r * 1000)::int % 20),
        CASE WHEN r < 0.02 THEN s.starts_at - interval '1 day' END,
        CASE WHEN r < 0.02 THEN 'citizen' END
      FROM (SELECT s.*, random() AS r FROM slots s) s
      WHERE s.r < 0.4`.execute(db);
    // A month of counters: each hour, searches for 12 procedures at each office or city and nationally.
    await sql`
      WITH places AS (
        SELECT code AS office_code, '' AS city_code, 'presencial' AS channel FROM offices
        UNION ALL SELECT DISTINCT '', city_code, 'presencial' FROM offices
        UNION ALL SELECT '', '', 'video'),
      procs AS (SELECT code FROM procedures WHERE requires_appointment ORDER BY code LIMIT 12)
      INSERT INTO search_hour_counts (day, hour, procedure_code, channel, office_code, city_code, searches)
      SELECT d::date, h, p.code, pl.channel, pl.office_code, pl.city_code, 40
      FROM generate_series(${first}::date, ${today}::date, interval '1 day') d
      CROSS JOIN generate_series(7, 18) h CROSS JOIN places pl CROSS JOIN procs p`.execute(db);
    await sql`
      INSERT INTO search_counts (day, procedure_code, channel, office_code, city_code, kind, weeks_ahead, searches, found)
      SELECT c.day, c.procedure_code, c.channel, c.office_code, c.city_code, k, w, 80, 60
      FROM (SELECT DISTINCT day, procedure_code, channel, office_code, city_code FROM search_hour_counts) c
      CROSS JOIN (VALUES ('days'), ('slots')) kinds (k) CROSS JOIN generate_series(0, 2) w`.execute(db);
    await sql`
      INSERT INTO search_lead_counts (day, procedure_code, channel, office_code, city_code, lead_days, searches)
      SELECT c.day, c.procedure_code, c.channel, c.office_code, c.city_code, ld, 3 + ld % 5
      FROM (SELECT DISTINCT day, procedure_code, channel, office_code, city_code FROM search_hour_counts) c
      CROSS JOIN generate_series(0, 12) ld`.execute(db);
    await sql`
      INSERT INTO hold_counts (day, hour, procedure_code, channel, office_code, holds)
      SELECT day, hour, procedure_code, channel, office_code, 4 FROM search_hour_counts
      WHERE office_code <> ''`.execute(db);
    await sql`ANALYZE`.execute(db);
    const counts = await sql<Record<string, number>>`
      SELECT (SELECT count(*) FROM slots)::int AS slots, (SELECT count(*) FROM appointments)::int AS appointments,
        (SELECT count(*) FROM search_counts)::int AS search_days,
        (SELECT count(*) FROM search_hour_counts)::int AS search_hours,
        (SELECT count(*) FROM search_lead_counts)::int AS leads,
        (SELECT count(*) FROM hold_counts)::int AS holds`.execute(db);
    console.log(`data: ${JSON.stringify(counts.rows[0])} in ${Math.round(performance.now() - t0)} ms`);

    const seccional: Actor = {
      staffId: 1,
      label: 'bench',
      role: 'admin_seccional',
      scopes: [{ officeCode: '05', channel: null }],
    };
    const month = { desde: first, hasta: today };
    let worst = 0;
    for (const [who, actor, query] of [
      ['national', systemActor(), month],
      ['seccional 05', seccional, month],
      [
        'office 11, one procedure',
        systemActor(),
        { ...month, oficina: '11', tramite: 'orientacion-tributaria' },
      ],
    ] as const) {
      for (const slug of REPORTS) {
        await buildReport(db, actor, slug, query, 'es', now); // warm
        const start = performance.now();
        await buildReport(db, actor, slug, query, 'es', now);
        const ms = performance.now() - start;
        worst = Math.max(worst, ms);
        console.log(`${who.padEnd(26)} ${slug.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms`);
      }
    }
    const config = testConfig();
    const start = performance.now();
    await nextAvailable({ db, config, now: instantAt(today, '06:00') });
    console.log(
      `next available (uncached)                    ${(performance.now() - start).toFixed(0).padStart(6)} ms`,
    );
    console.log(
      worst <= LIMIT_MS ? `OK: every report within ${LIMIT_MS} ms` : `SLOW: worst ${worst.toFixed(0)} ms`,
    );
    if (worst > LIMIT_MS) process.exitCode = 1;
  } finally {
    await database.close();
    await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  }
}

await main();
