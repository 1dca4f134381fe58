/**
 * Rebooking with priority after a closure (decision 010): the rules of the pass and of the place kept
 * for the person, without I/O.
 */

/** How long the link in the cancellation e-mail lets the person choose a new time. */
export const REBOOK_PASS_DAYS = 14;
/** How long a place found for the person is kept out of public search for them to confirm it. */
export const KEEP_HOURS = 48;
/**
 * A kept place starts at least this long after the closure: the person must have time to read the
 * e-mail before the place is due.
 */
const NOTICE_HOURS = 24;

const HOUR = 3_600_000;

export function passExpiry(now: Date): Date {
  return new Date(now.getTime() + REBOOK_PASS_DAYS * 24 * HOUR);
}

/** The earliest start of a place worth keeping for someone told by e-mail now. */
export function earliestKeptStart(now: Date): Date {
  return new Date(now.getTime() + NOTICE_HOURS * HOUR);
}

/**
 * Until when a place is kept: KEEP_HOURS, but never past the moment the place could no longer be
 * booked by anyone (its start minus the minimum lead time), so an unclaimed place still reaches others.
 */
export function keptUntil(now: Date, startsAt: Date, minLeadMinutes: number): Date {
  const lastBookable = startsAt.getTime() - minLeadMinutes * 60_000;
  return new Date(Math.min(now.getTime() + KEEP_HOURS * HOUR, lastBookable));
}

export type PassState = 'open' | 'used' | 'declined' | 'withdrawn' | 'expired';

/** What a pass allows now: its stored status, with an open pass past its expiry read as expired. */
export function passState(status: Exclude<PassState, 'expired'>, expiresAt: Date, now: Date): PassState {
  return status === 'open' && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}
