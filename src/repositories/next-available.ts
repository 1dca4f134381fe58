import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

interface FirstPlaceRow {
  procedure: string;
  channel: string;
  officeCode: string;
  startsAt: Date;
  available: number;
}

/**
 * The earliest slot with a free public place for every procedure and channel, anywhere in the country.
 * The first free slot is found once per capacity line (walking the line's slots in time order on its
 * unique index) and then shared by the procedures the line serves, so the work grows with the number
 * of lines, not with the number of slots.
 */
export async function selectFirstPlaces(
  db: Kysely<DB>,
  q: { earliest: Date; lastDate: string; now: Date },
): Promise<FirstPlaceRow[]> {
  const { rows } = await sql<{
    procedure_code: string;
    channel: string;
    office_code: string;
    starts_at: Date;
    available: number;
  }>`
    WITH line_first AS (
      SELECT l.id AS line_id, l.channel, f.office_code, f.starts_at, f.available
      FROM capacity_lines l
      JOIN offices o ON o.code = l.office_code AND o.active
      CROSS JOIN LATERAL (
        SELECT s.office_code, s.starts_at, free.n AS available
        FROM slots s
        CROSS JOIN LATERAL (
          SELECT greatest(0, (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + (
            SELECT count(*) FROM holds h
            WHERE h.slot_id = s.id AND h.expires_at <= ${q.now} AND NOT h.reserved))::int AS n
        ) free
        WHERE s.capacity_line_id = l.id AND s.starts_at >= ${q.earliest} AND s.status = 'open'
          AND s.release_id IS NULL
          AND s.local_date <= ${q.lastDate}::date AND free.n > 0
        ORDER BY s.starts_at
        LIMIT 1
      ) f
      WHERE l.active
    )
    SELECT DISTINCT ON (lp.procedure_code, lf.channel)
      lp.procedure_code, lf.channel, lf.office_code, lf.starts_at, lf.available
    FROM line_first lf
    JOIN capacity_line_procedures lp ON lp.capacity_line_id = lf.line_id
    ORDER BY lp.procedure_code, lf.channel, lf.starts_at, lf.office_code`.execute(db);
  return rows.map((r) => ({
    procedure: r.procedure_code,
    channel: r.channel,
    officeCode: r.office_code,
    startsAt: r.starts_at,
    available: Number(r.available),
  }));
}

export async function selectBookableProcedures(db: Kysely<DB>) {
  return db
    .selectFrom('procedures')
    .select(['code', 'name_es', 'name_en', 'channels'])
    .where('active', '=', true)
    .where('requires_appointment', '=', true)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function selectOfficePlaces(db: Kysely<DB>) {
  return db
    .selectFrom('offices as o')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .select(['o.code', 'o.name', 'c.name as city'])
    .execute();
}
