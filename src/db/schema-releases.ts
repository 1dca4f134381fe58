import type { ColumnType, Generated } from 'kysely';

/** Row types of the fair-release tables (migration 0310, decision 011). */

type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ReleasesTable {
  id: string;
  capacity_line_id: number;
  procedure_code: string;
  channel: string;
  office_code: string;
  date_from: string;
  date_to: string;
  opens_at: RequiredTimestamp;
  closes_at: RequiredTimestamp;
  seed: Buffer;
  seed_hash: string;
  drawn_at: NullableTimestamp;
  drawn_places: number | null;
  drawn_entries: number | null;
  created_by_staff_id: number | null;
  created_at: RequiredTimestamp;
}

export type ReleaseEntryStatus = 'pending' | 'confirmed' | 'replaced' | 'withdrawn';

export interface ReleaseEntriesTable {
  id: string;
  release_id: string;
  person_key: string;
  email: string;
  locale: Generated<'es' | 'en'>;
  dates: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  part_of_day: 'manana' | 'tarde' | null;
  status: Generated<ReleaseEntryStatus>;
  created_at: RequiredTimestamp;
  confirmed_at: NullableTimestamp;
  draw_position: number | null;
}

export type ReleaseOfferReason = 'draw' | 'passed_on' | 'refill';
export type ReleaseOfferStatus = 'offered' | 'claimed' | 'booked' | 'expired' | 'declined' | 'withdrawn';

export interface ReleaseOffersTable {
  id: Generated<number>;
  entry_id: string;
  release_id: string;
  slot_id: number;
  hold_id: string;
  reason: ReleaseOfferReason;
  status: Generated<ReleaseOfferStatus>;
  offered_at: RequiredTimestamp;
  expires_at: RequiredTimestamp;
  decided_at: NullableTimestamp;
  appointment_id: number | null;
}
