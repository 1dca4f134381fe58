import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Channel } from '../../domain/channels.js';
import { isHoldId } from '../../domain/hold-id.js';
import { selectBookedFromSessionHold } from '../../repositories/appointments.js';
import { selectLiveCitizenHold, updateHoldDraft } from '../../repositories/holds/citizen.js';

export interface HoldDetails {
  holdId: string;
  slotId: number;
  procedure: string;
  channel: Channel;
  officeCode: string;
  startsAt: Date;
  endsAt: Date;
  expiresAt: Date;
  sessionKey: string | null;
  draft: unknown;
  /** The NIT (without check digit) whose deadline-day place this hold took, or null for a public place. */
  reservedFor: string | null;
}

/** A live citizen hold with its slot; undefined when it expired or never existed. */
export async function getHold(db: Kysely<DB>, holdId: string, now: Date): Promise<HoldDetails | undefined> {
  if (!isHoldId(holdId)) return undefined;
  const row = await selectLiveCitizenHold(db, holdId, now);
  if (!row?.procedure_code || !row.channel) return undefined;
  return {
    holdId: row.id,
    slotId: row.slot_id,
    procedure: row.procedure_code,
    channel: row.channel as Channel,
    officeCode: row.office_code,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    expiresAt: row.expires_at,
    sessionKey: row.session_key,
    draft: row.draft,
    reservedFor: row.reserved ? row.nit : null,
  };
}

/** Keeps what a person typed on the web journey with their hold (never in a URL or a cookie). */
export function saveHoldDraft(db: Kysely<DB>, holdId: string, draft: unknown, now: Date): Promise<boolean> {
  return updateHoldDraft(db, holdId, draft, now);
}

/**
 * The appointment this client session made from the hold, when it did: a page of the journey opened
 * again after confirming (the back button, a retry whose answer was lost) shows it instead of "expired".
 */
export async function appointmentFromSessionHold(
  db: Kysely<DB>,
  holdId: string,
  sessionKey: string,
): Promise<number | undefined> {
  if (!isHoldId(holdId)) return undefined;
  return selectBookedFromSessionHold(db, holdId, sessionKey);
}
