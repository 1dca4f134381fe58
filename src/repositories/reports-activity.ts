import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** Counts added to the hourly rows by one flush of a process's buffer. */
export interface SearchCountRow {
  day: string;
  procedure: string;
  channel: string;
  officeCode: string;
  cityCode: string;
  kind: 'days' | 'slots' | 'first';
  weeksAhead: number;
  searches: number;
  found: number;
}

export interface SearchHourRow {
  day: string;
  hour: number;
  procedure: string;
  channel: string;
  officeCode: string;
  cityCode: string;
  searches: number;
}

export interface LeadCountRow {
  day: string;
  procedure: string;
  channel: string;
  officeCode: string;
  cityCode: string;
  leadDays: number;
  searches: number;
}

export interface HoldCountRow {
  day: string;
  hour: number;
  slotId: number;
  procedure: string;
  channel: string;
  holds: number;
}

// PostgreSQL takes at most 65 535 parameters a statement; 500 rows of 10 stay far below.
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Adds to the counters. Rows go in key order so that two processes flushing at once lock the same
 * rows in the same order and cannot deadlock.
 */
export async function addSearchCounts(db: Kysely<DB>, rows: readonly SearchCountRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('search_counts')
      .values(
        part.map((r) => ({
          day: r.day,
          procedure_code: r.procedure,
          channel: r.channel,
          office_code: r.officeCode,
          city_code: r.cityCode,
          kind: r.kind,
          weeks_ahead: r.weeksAhead,
          searches: r.searches,
          found: r.found,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['day', 'procedure_code', 'channel', 'office_code', 'city_code', 'kind', 'weeks_ahead'])
          .doUpdateSet({
            searches: sql`search_counts.searches + excluded.searches`,
            found: sql`search_counts.found + excluded.found`,
          }),
      )
      .execute();
  }
}

export async function addSearchHourCounts(db: Kysely<DB>, rows: readonly SearchHourRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('search_hour_counts')
      .values(
        part.map((r) => ({
          day: r.day,
          hour: r.hour,
          procedure_code: r.procedure,
          channel: r.channel,
          office_code: r.officeCode,
          city_code: r.cityCode,
          searches: r.searches,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['day', 'hour', 'procedure_code', 'channel', 'office_code', 'city_code'])
          .doUpdateSet({ searches: sql`search_hour_counts.searches + excluded.searches` }),
      )
      .execute();
  }
}

export async function addLeadCounts(db: Kysely<DB>, rows: readonly LeadCountRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('search_lead_counts')
      .values(
        part.map((r) => ({
          day: r.day,
          procedure_code: r.procedure,
          channel: r.channel,
          office_code: r.officeCode,
          city_code: r.cityCode,
          lead_days: r.leadDays,
          searches: r.searches,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['day', 'procedure_code', 'channel', 'office_code', 'city_code', 'lead_days'])
          .doUpdateSet({ searches: sql`search_lead_counts.searches + excluded.searches` }),
      )
      .execute();
  }
}

/** Holds are buffered by slot; the slot's office is looked up here, once per flush, not per hold. */
export async function addHoldCounts(db: Kysely<DB>, rows: readonly HoldCountRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const values = sql.join(
      part.map(
        (r) =>
          sql`(${r.day}::date, ${r.hour}::int, ${r.slotId}::bigint, ${r.procedure}::text, ${r.channel}::text, ${r.holds}::int)`,
      ),
    );
    await sql`
      INSERT INTO hold_counts (day, hour, procedure_code, channel, office_code, holds)
      SELECT v.day, v.hour, v.procedure_code, v.channel, s.office_code, sum(v.n)::int
      FROM (VALUES ${values}) AS v (day, hour, slot_id, procedure_code, channel, n)
      JOIN slots s ON s.id = v.slot_id
      GROUP BY v.day, v.hour, v.procedure_code, v.channel, s.office_code
      ORDER BY v.day, v.hour, v.procedure_code, v.channel, s.office_code
      ON CONFLICT (day, hour, procedure_code, channel, office_code)
      DO UPDATE SET holds = hold_counts.holds + excluded.holds`.execute(db);
  }
}
