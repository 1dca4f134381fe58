import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite, openPostgres } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { nationalSlotsPerDay } from '../../src/db/seed/national.js';
import { collect, spawnCli } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, engines } from '../helpers/db.js';

vi.setConfig({ testTimeout: 240_000 });

const SEEDED =
  /Seeded the national agenda: 33 procedures, 53 offices, (\d+) capacity lines, 2 working days, (\d+) slots/;

async function facts(db: Kysely<DB>) {
  const row = await sql<{ slots: number; days: number; lines: number; offices: number; channels: string[] }>`
    SELECT (SELECT count(*)::int FROM slots) AS slots,
           (SELECT count(DISTINCT local_date)::int FROM slots) AS days,
           (SELECT count(*)::int FROM capacity_lines) AS lines,
           (SELECT count(DISTINCT office_code)::int FROM slots) AS offices,
           (SELECT array_agg(DISTINCT channel ORDER BY channel) FROM slots) AS channels`.execute(db);
  return row.rows[0];
}

describe('agenda seed --scale national', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agenda-national-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('plans over a million slots for sixty working days', () => {
    expect(nationalSlotsPerDay() * 60).toBeGreaterThanOrEqual(1_000_000);
  });

  it('loads every office, procedure and channel for --days 2 on PGlite, and refuses a database with data', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await collect(
      spawnCli(['seed', '--scale', 'national', '--days', '2'], { DATA_DIR: dataDir }),
    ).done;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const match = SEEDED.exec(first.stdout);
    expect(match).not.toBeNull();
    expect(Number(match?.[2])).toBe(nationalSlotsPerDay() * 2);

    const again = await collect(
      spawnCli(['seed', '--scale', 'national', '--days', '2'], { DATA_DIR: dataDir }),
    ).done;
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has data: nothing was seeded. Use --force');

    const database = await openPglite({ dataDir });
    try {
      expect(await facts(database.db)).toEqual({
        slots: nationalSlotsPerDay() * 2,
        days: 2,
        lines: Number(match?.[1]),
        offices: 53,
        channels: ['correo', 'presencial', 'telefono', 'video'],
      });
      const procedures = await sql<{ n: number }>`
        SELECT count(DISTINCT lp.procedure_code)::int AS n FROM capacity_line_procedures lp`.execute(
        database.db,
      );
      const bookable = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM procedures WHERE requires_appointment`.execute(database.db);
      expect(procedures.rows[0]?.n).toBe(bookable.rows[0]?.n);
    } finally {
      await database.close();
    }
  });

  it.runIf(engines().includes('postgres'))(
    'with --force erases a PostgreSQL database and seeds again',
    async () => {
      const target = await createPostgresDatabaseUrl();
      try {
        const env = { DATABASE_URL: target.url };
        const forced = await collect(spawnCli(['seed', '--scale', 'national', '--days', '2', '--force'], env))
          .done;
        expect(forced.code).toBe(0);
        expect(SEEDED.exec(forced.stdout)?.[2]).toBe(String(nationalSlotsPerDay() * 2));
        const database = openPostgres({ url: target.url, poolSize: 1 });
        try {
          const seen = await facts(database.db);
          expect(seen?.slots).toBe(nationalSlotsPerDay() * 2);
          expect(seen?.days).toBe(2);
        } finally {
          await database.close();
        }
      } finally {
        await target.drop();
      }
    },
  );
});
