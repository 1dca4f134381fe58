import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, pendingMigrations } from '../../src/db/migrate.js';
import { seedIfEmpty } from '../../src/db/seed/seed.js';
import { isoWeekday } from '../../src/domain/civil-time.js';
import { isColombianHoliday } from '../../src/domain/holidays.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

describe.each(engines())('database on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('has every migration applied, and migrating again applies nothing', async () => {
    expect(await pendingMigrations(database)).toEqual([]);
    expect(await migrate(database)).toEqual([]);
  });

  it('returns the same JavaScript types on both engines', async () => {
    const row = await sql<{ n: unknown; d: unknown; t: unknown; j: unknown; a: unknown }>`
      SELECT 5::int8 AS n, '2026-12-01'::date AS d, now() AS t, '{"x":1}'::jsonb AS j, ARRAY['a']::text[] AS a
    `.execute(database.db);
    expect(row.rows[0]).toEqual({ n: 5, d: '2026-12-01', t: expect.any(Date), j: { x: 1 }, a: ['a'] });
  });

  it('never lets a slot hold more than its capacity, whatever the code does', async () => {
    const line = await database.db
      .insertInto('capacity_lines')
      .values({ office_code: '11', channel: 'presencial', name: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const slot = await database.db
      .insertInto('slots')
      .values({
        capacity_line_id: line.id,
        office_code: '11',
        channel: 'presencial',
        local_date: '2026-12-01',
        starts_at: new Date('2026-12-01T13:00:00Z'),
        ends_at: new Date('2026-12-01T13:30:00Z'),
        capacity: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      database.db.updateTable('slots').set({ taken: 3 }).where('id', '=', slot.id).execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('keeps the audit trail append-only', async () => {
    await sql`INSERT INTO audit_events (actor, action, entity_type, entity_id, prev_hash, hash)
              VALUES ('test', 'test', 'test', '1', '', 'h1')`.execute(database.db);
    await expect(sql`UPDATE audit_events SET actor = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('seeds a demo agenda only into an empty database, on working days, in Bogotá time', async () => {
    // The test database already holds the catalogue, so seeding refuses to touch it.
    expect((await seedIfEmpty(database.db, { now: new Date('2026-03-02T12:00:00Z') })).seeded).toBe(false);
    await database.db.deleteFrom('slots').execute();
    await database.db.deleteFrom('capacity_line_procedures').execute();
    await database.db.deleteFrom('capacity_lines').execute();
    await database.db.deleteFrom('procedures').execute();
    await database.db.deleteFrom('kiosks').execute();
    await database.db.deleteFrom('offices').execute();
    await database.db.deleteFrom('cities').execute();
    await database.db.deleteFrom('departments').execute();
    await database.db.deleteFrom('channels').execute();

    const now = new Date('2026-12-01T12:00:00Z');
    const result = await seedIfEmpty(database.db, { now });
    expect(result).toMatchObject({ seeded: true });
    expect(result.procedures).toBeGreaterThanOrEqual(20);
    expect(result.offices).toBeGreaterThanOrEqual(30);

    const days = await database.db
      .selectFrom('slots')
      .select('local_date')
      .distinct()
      .orderBy('local_date')
      .execute();
    const dates = days.map((d) => d.local_date);
    expect(dates[0]).toBe('2026-12-01');
    expect(dates.every((d) => isoWeekday(d) <= 5 && !isColombianHoliday(d))).toBe(true);
    expect(dates).not.toContain('2026-12-08');
    expect(dates).not.toContain('2026-12-25');
    expect(dates.at(-1) ?? '').toMatch(/^2026-12-(1\d|2[0-8])$/);

    const first = await database.db
      .selectFrom('slots')
      .select(['starts_at', 'capacity'])
      .where('office_code', '=', '32')
      .where('channel', '=', 'presencial')
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    expect(first.starts_at.toISOString()).toBe('2026-12-01T13:00:00.000Z'); // 8:00 in Bogotá
    expect(first.capacity).toBeGreaterThan(1);

    const remote = await database.db.selectFrom('slots').select('channel').distinct().execute();
    expect(remote.map((r) => r.channel).sort()).toEqual(['correo', 'presencial', 'telefono', 'video']);

    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('slots')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // One release of the demo data: open for the first hour from the seed's now, its draw queued.
    const releases = await database.db
      .selectFrom('releases')
      .select(['id', 'office_code', 'opens_at', 'closes_at', 'date_from'])
      .execute();
    expect(releases).toEqual([
      {
        id: expect.any(String),
        office_code: '32',
        opens_at: now,
        closes_at: new Date(now.getTime() + 3_600_000),
        date_from: '2026-12-09',
      },
    ]);
    const attached = await database.db
      .selectFrom('slots')
      .select('local_date')
      .where('release_id', '=', releases[0]?.id ?? '')
      .execute();
    expect(attached.length).toBeGreaterThan(0);
    expect(attached.every((s) => s.local_date === '2026-12-09')).toBe(true);
    const draw = await database.db.selectFrom('jobs').select(['name', 'run_at']).execute();
    expect(draw).toContainEqual({ name: 'releases.draw', run_at: new Date(now.getTime() + 3_600_000) });

    const before = await count();
    expect((await seedIfEmpty(database.db, { now })).seeded).toBe(false);
    expect(await count()).toBe(before);
    expect(await database.db.selectFrom('releases').select('id').execute()).toHaveLength(1);
  });
});
