import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { civilDateOf } from '../../domain/civil-time.js';
import {
  deleteClosedSubscriptions,
  endOverdueSubscriptions,
} from '../../repositories/alerts/subscriptions.js';
import { deleteExpiredTokens } from '../../repositories/alerts/tokens.js';

/** A subscription nobody confirmed within this time ends. */
export const PENDING_DAYS = 7;
/** Ended, fulfilled and unsubscribed subscriptions (with their e-mail address) are deleted after this. */
const KEEP_CLOSED_DAYS = 30;

/**
 * Ends subscriptions whose date range is over or that were never confirmed, deletes expired link
 * tokens, and deletes closed subscriptions after KEEP_CLOSED_DAYS (their address is personal data).
 */
export async function endFinishedSubscriptions(
  db: Kysely<DB>,
  now: Date,
): Promise<{ ended: number; deleted: number }> {
  const today = civilDateOf(now);
  const pendingSince = new Date(now.getTime() - PENDING_DAYS * 86_400_000);
  const ended = await endOverdueSubscriptions(db, { today, pendingSince, now });
  await deleteExpiredTokens(db, now);
  const closedBefore = new Date(now.getTime() - KEEP_CLOSED_DAYS * 86_400_000);
  const deleted = await deleteClosedSubscriptions(db, closedBefore);
  return { ended, deleted };
}
