import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, type FieldError, validationFailed } from '../../domain/errors.js';
import { type SlotFacts, selectSlotFacts } from '../../repositories/availability.js';

/** The precise reason a slot's place could not be taken. */
export async function whyNoPlace(
  db: Kysely<DB>,
  slotId: number,
  procedure: string,
  channel: string,
  now: Date,
  window: { earliest: Date; lastDate: string },
): Promise<AppError> {
  return reasonOf(await selectSlotFacts(db, slotId, procedure), channel, now, window);
}

/** The reason from the slot's facts; `sameDay` says the person may take a slot inside the lead time. */
export function reasonOf(
  facts: SlotFacts | undefined,
  channel: string,
  now: Date,
  window: { earliest: Date; lastDate: string },
  sameDay = false,
): AppError {
  if (facts?.status !== 'open' || !facts.line_active || !facts.office_active) {
    return new AppError('NOT_FOUND', 'booking.slot.notFound');
  }
  const field = (key: string): FieldError[] => [{ field: 'slotId', key }];
  if (facts.channel !== channel || !facts.serves_procedure) {
    return validationFailed(field('booking.slot.otherProcedure'));
  }
  if (facts.release_id !== null)
    return new AppError('IN_DRAW', 'booking.slot.inDraw', {}, [], { releaseId: facts.release_id });
  if (facts.starts_at <= now || (facts.starts_at < window.earliest && !sameDay))
    return validationFailed(field('booking.slot.past'));
  if (facts.local_date > window.lastDate) return validationFailed(field('booking.slot.outsideWindow'));
  return new AppError('SLOT_FULL', 'booking.slot.full');
}
