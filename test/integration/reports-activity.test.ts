import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openPostgres } from '../../src/db/database.js';
import { instantAt } from '../../src/domain/civil-time.js';
import { findDays } from '../../src/services/availability.js';
import { findSlotsNationwide } from '../../src/services/journey/search.js';
import { flushActivity, onActivityError, recordSearch } from '../../src/services/reports/activity.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const AT = instantAt('2026-12-01', '10:20');

describe.each(engines())('search counters on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const line = await aCapacityLine(database.db, { office: '11', procedures: [PROCEDURE] });
    await aSlot(database.db, { line, office: '11', startsAt: instantAt('2026-12-03', '09:00') });
  });
  afterAll(async () => {
    await database?.destroy();
  });
  // Each test reads the counters of its own searches only.
  beforeEach(async () => {
    await flushActivity(database.db);
    for (const table of ['search_counts', 'search_hour_counts', 'search_lead_counts'] as const)
      await database.db.deleteFrom(table).execute();
  });

  const search = () =>
    findDays(
      { db: database.db, config: testConfig(), now: AT },
      { procedure: PROCEDURE, channel: 'presencial', office: '11', from: '2026-12-01', to: '2026-12-10' },
    );

  it('keeps one row per hour and place, however many searches, and no personal data', async () => {
    for (let i = 0; i < 25; i++) expect(await search()).toHaveLength(1);
    await flushActivity(database.db);
    const rows = await database.db.selectFrom('search_counts').selectAll().execute();
    expect(rows).toEqual([
      {
        day: '2026-12-01',
        procedure_code: PROCEDURE,
        channel: 'presencial',
        office_code: '11',
        city_code: '',
        kind: 'days',
        weeks_ahead: 0,
        searches: 25,
        found: 25,
      },
    ]);
    const hours = await database.db.selectFrom('search_hour_counts').select(['hour', 'searches']).execute();
    expect(hours).toEqual([{ hour: 10, searches: 25 }]);
    const leads = await database.db
      .selectFrom('search_lead_counts')
      .select(['lead_days', 'searches'])
      .execute();
    expect(leads).toEqual([{ lead_days: 2, searches: 25 }]);
  });

  // PGlite serves one process; several writing at once is PostgreSQL's case.
  it.runIf(engine === 'postgres')('adds up counts written by several processes at once', async () => {
    const others = [0, 1, 2].map(() => openPostgres({ url: database.url ?? '', poolSize: 2 }));
    try {
      const event = {
        at: instantAt('2026-12-02', '15:05'),
        kind: 'first' as const,
        procedure: PROCEDURE,
        channel: 'video',
        firstDateAsked: '2026-12-02',
        firstDateFound: null,
      };
      for (const other of others) for (let i = 0; i < 10; i++) recordSearch(other.db, event);
      await Promise.all(others.map((o) => flushActivity(o.db)));
      const row = await database.db
        .selectFrom('search_counts')
        .select(['searches', 'found'])
        .where('day', '=', '2026-12-02')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ searches: 30, found: 0 });
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('counts the search by date across the country as a national search', async () => {
    const ctx = { db: database.db, config: testConfig(), now: instantAt('2026-12-01', '08:00') };
    const found = await findSlotsNationwide(ctx, {
      procedure: PROCEDURE,
      channel: 'presencial',
      date: '2026-12-03',
    });
    expect(found).toHaveLength(1);
    await flushActivity(database.db);
    const row = await database.db
      .selectFrom('search_counts')
      .select(['office_code', 'city_code', 'kind', 'searches', 'found'])
      .where('kind', '=', 'slots')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ office_code: '', city_code: '', kind: 'slots', searches: 1, found: 1 });
  });

  it('writes what the API counted when the app stops', async () => {
    const app = await buildTestApp(database, {}, () => instantAt('2026-12-01', '16:40'));
    const res = await app.inject({
      url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-03`,
    });
    expect(res.statusCode).toBe(200);
    await app.close();
    const row = await database.db
      .selectFrom('search_hour_counts')
      .select('searches')
      .where('hour', '=', 16)
      .executeTakeFirstOrThrow();
    expect(row.searches).toBe(1);
  });

  it('never costs a search anything when the counters cannot be written', async () => {
    const errors: unknown[] = [];
    onActivityError(database.db, (err) => errors.push(err));
    await sql`ALTER TABLE search_counts RENAME TO search_counts_away`.execute(database.db);
    try {
      expect(await search()).toHaveLength(1);
      await expect(flushActivity(database.db)).resolves.toBeUndefined();
      expect(errors).toHaveLength(1);
      expect(await search()).toHaveLength(1);
    } finally {
      await sql`ALTER TABLE search_counts_away RENAME TO search_counts`.execute(database.db);
    }
  });
});
