import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type HoldDetails, saveHoldDraft } from '../booking/citizen-hold.js';
import { applicantErrors, draftOf } from './applicant-form.js';

/**
 * Moves what was typed for an earlier hold (the review's change links carry it along) to the new one,
 * and says where the person goes on: straight back to the review when the data and consent are complete
 * and still fit, else to the data form. Data typed for another NIT would not confirm a place reserved for
 * the NIT searched with.
 */
export async function carryDraft(
  db: Kysely<DB>,
  from: HoldDetails | undefined,
  toHoldId: string,
  nit: string | undefined,
  now: Date,
): Promise<'review' | 'data'> {
  const carried = from ? draftOf(from) : {};
  if (!carried.applicant) return 'data';
  await saveHoldDraft(db, toHoldId, carried, now);
  const fits = !nit || applicantErrors(carried.applicant, nit).length === 0;
  return carried.consent && fits ? 'review' : 'data';
}
