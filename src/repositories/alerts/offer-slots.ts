import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of the slots whose places go to alert subscribers before public search sees them. */

export interface SlotForOffer {
  id: number;
  capacityLineId: number;
  officeCode: string;
  cityCode: string;
  channel: string;
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

interface SlotRow {
  id: number;
  capacity_line_id: number;
  office_code: string;
  city_code: string;
  channel: string;
  local_date: string;
  starts_at: Date;
  ends_at: Date;
}

/** Takes one public place of a slot (the same rule as a public hold), or nothing when it is full. */
export async function takePlace(db: Kysely<DB>, slotId: number): Promise<SlotForOffer | undefined> {
  const result = await sql<SlotRow>`
    UPDATE slots s SET taken = taken + 1
      FROM offices o
     WHERE s.id = ${slotId} AND o.code = s.office_code AND s.status = 'open' AND s.release_id IS NULL
       AND s.taken - s.reserved_taken < s.capacity - s.reserved
    RETURNING s.id, s.capacity_line_id, s.office_code, o.city_code, s.channel, s.local_date, s.starts_at, s.ends_at`.execute(
    db,
  );
  const r = result.rows[0];
  return r ? toSlot(r) : undefined;
}

export async function givePlaceBack(db: Kysely<DB>, slotId: number, count = 1): Promise<void> {
  await sql`UPDATE slots SET taken = taken - ${count} WHERE id = ${slotId}`.execute(db);
}

/** Locks an open slot whose place the caller already counts (a cancelled appointment's). */
export async function lockSlot(db: Kysely<DB>, slotId: number): Promise<SlotForOffer | undefined> {
  const result = await sql<SlotRow>`
    SELECT s.id, s.capacity_line_id, s.office_code, o.city_code, s.channel, s.local_date, s.starts_at, s.ends_at
      FROM slots s JOIN offices o ON o.code = s.office_code
     WHERE s.id = ${slotId} AND s.status = 'open'
       FOR UPDATE OF s`.execute(db);
  const r = result.rows[0];
  return r ? toSlot(r) : undefined;
}

function toSlot(r: SlotRow): SlotForOffer {
  return {
    id: r.id,
    capacityLineId: r.capacity_line_id,
    officeCode: r.office_code,
    cityCode: r.city_code,
    channel: r.channel,
    localDate: r.local_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

/** The earliest slot with a free public place that a subscription matches and was not offered yet. */
export async function selectSlotFor(
  db: Kysely<DB>,
  sub: {
    id: number;
    procedure_code: string;
    channel: string;
    office_code: string | null;
    city_code: string | null;
    date_from: string;
    date_to: string;
  },
  { fromDate, startsAfter }: { fromDate: string; startsAfter: Date },
): Promise<number | undefined> {
  const result = await sql<{ id: number }>`
    SELECT s.id
      FROM slots s JOIN offices o ON o.code = s.office_code
     WHERE s.status = 'open' AND s.release_id IS NULL AND s.channel = ${sub.channel}
       AND s.local_date BETWEEN greatest(${sub.date_from}::date, ${fromDate}::date) AND ${sub.date_to}::date
       AND s.starts_at > ${startsAfter}
       AND s.taken - s.reserved_taken < s.capacity - s.reserved
       AND (${sub.office_code}::text IS NULL OR s.office_code = ${sub.office_code})
       AND (${sub.city_code}::text IS NULL OR o.city_code = ${sub.city_code})
       AND EXISTS (SELECT 1 FROM capacity_line_procedures lp
                    WHERE lp.capacity_line_id = s.capacity_line_id AND lp.procedure_code = ${sub.procedure_code})
       AND NOT EXISTS (SELECT 1 FROM alert_offers ao WHERE ao.subscription_id = ${sub.id} AND ao.slot_id = s.id)
     ORDER BY s.starts_at, s.id
     LIMIT 1`.execute(db);
  return result.rows[0]?.id;
}
