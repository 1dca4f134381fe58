import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { systemActor } from '../src/domain/access.js';
import { addDays, civilDateOf, instantAt } from '../src/domain/civil-time.js';
import { createRelease } from '../src/services/releases/create.js';
import { drawRelease } from '../src/services/releases/draw.js';
import { releaseSettings } from '../src/services/releases/release-settings.js';
import { type LoadResult, load } from './load.js';

/**
 * The fair release under load (issue #16): applications per second through the API (one insert each,
 * no shared row), and the time of one draw of many entries over many places, in one job on PostgreSQL.
 */

const DAY_SLOTS = 50;

/** A line of its own with `places` free places over `days` days from the day after tomorrow. */
async function releaseLine(
  database: Database,
  days: number,
  placesPerSlot: number,
): Promise<{ line: number; from: string; to: string }> {
  const line = await database.db
    .insertInto('capacity_lines')
    .values({ office_code: '11', channel: 'presencial', name: 'bench release' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('capacity_line_procedures')
    .values({ capacity_line_id: line.id, procedure_code: 'orientacion-tributaria' })
    .execute();
  const from = addDays(civilDateOf(new Date()), 2);
  const rows = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(from, d);
    for (let s = 0; s < DAY_SLOTS; s++) {
      const startsAt = instantAt(day, 7 * 60 + s * 12);
      rows.push({
        capacity_line_id: line.id,
        office_code: '11',
        channel: 'presencial',
        local_date: day,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 12 * 60_000),
        capacity: placesPerSlot,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 2_000)
    await database.db
      .insertInto('slots')
      .values(rows.slice(i, i + 2_000))
      .execute();
  return { line: line.id, from, to: addDays(from, days - 1) };
}

/** Applications for one open release at full speed: each a new document, as many people would send. */
export async function entryLoad(
  database: Database,
  url: string,
  { seconds, connections, firstDocument }: { seconds: number; connections: number; firstDocument: number },
): Promise<LoadResult> {
  const { line, from, to } = await releaseLine(database, 5, 4);
  const release = await createRelease(
    database.db,
    systemActor('system'),
    { lineId: line, from, to, windowMs: 3_600_000 },
    new Date(),
  );
  let next = firstDocument;
  return load({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: `/api/v1/releases/${release.id}/entries`,
        setupRequest: (req) => {
          next += 1;
          return {
            ...req,
            body: JSON.stringify({
              documentType: 'CC',
              documentNumber: String(next),
              email: `p${next}@example.com`,
            }),
          };
        },
      },
    ],
  });
}

/**
 * One draw of `entries` confirmed entries over `places` places (a third of the entries want afternoons
 * only), timed in this process against the same PostgreSQL. The entries are written straight into the
 * table: what is timed is the draw, not the applications.
 */
export async function drawTime(
  database: Database,
  { entries, places }: { entries: number; places: number },
): Promise<{ seconds: number; entries: number; places: number; offers: number; waiting: number }> {
  const perSlot = 20;
  const days = Math.ceil(places / perSlot / DAY_SLOTS);
  const { line, from, to } = await releaseLine(database, days, perSlot);
  const opensAt = new Date();
  const release = await createRelease(
    database.db,
    systemActor('system'),
    { lineId: line, from, to, windowMs: 10_000 },
    opensAt,
  );
  await sql`
    INSERT INTO release_entries (id, release_id, person_key, email, part_of_day, status, created_at, confirmed_at)
    SELECT gen_random_uuid(), ${release.id}::uuid, 'CC:' || (3000000000 + n), 'e' || n || '@example.com',
      CASE WHEN n % 3 = 0 THEN 'tarde' END, 'confirmed', ${opensAt}::timestamptz, ${opensAt}::timestamptz
    FROM generate_series(1, ${entries}::int) AS n`.execute(database.db);
  await sql`ANALYZE release_entries`.execute(database.db);
  const started = performance.now();
  const result = await drawRelease(
    database.db,
    release.id,
    release.closesAt,
    releaseSettings({ drawClaimHours: 24, holdSeconds: 600, sessionSecret: 'bench' }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (!result) throw new Error('the draw did not run');
  return { seconds: Number(seconds.toFixed(2)), ...result };
}
