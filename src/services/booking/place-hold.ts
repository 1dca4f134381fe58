import { statement } from '../../db/transaction.js';
import { bookingWindow } from '../../domain/booking-window.js';
import type { Channel } from '../../domain/channels.js';
import { bookingMetrics } from '../../metrics.js';
import { type SlotFacts, selectDeadlineDates, selectSlotFacts } from '../../repositories/availability.js';
import * as holds from '../../repositories/holds/citizen.js';
import { reclaimOrDescribe } from '../../repositories/holds/expired.js';
import { forgetTimesOf } from '../availability.js';
import type { ServiceContext } from '../context.js';
import { recordHold } from '../reports/activity.js';
import { reasonOf } from './why-no-place.js';

interface HoldRequest {
  slotId: number;
  procedure: string;
  channel: Channel;
  /** The client session's key (a hash of its id), or null for a hold that belongs to no session. */
  sessionKey: string | null;
  /** The session began with this request: it has no earlier hold to give back (one round trip less). */
  freshSession?: boolean;
  /** The NIT (digits, without check digit) of a person booking on their tax deadline day. */
  nit?: string | undefined;
}

export interface Hold {
  holdId: string;
  expiresAt: Date;
}

/**
 * Holds one place of a slot for HOLD_SECONDS. The place is taken by one conditional statement, so the
 * slot can never go past its capacity. When the slot looks full, its expired holds are reclaimed and the
 * place tried once more. A session's earlier hold is given back when the new one succeeds.
 */
export async function placeHold(ctx: ServiceContext, r: HoldRequest): Promise<Hold> {
  const window = bookingWindow(ctx.now, ctx.config);
  const request = {
    slotId: r.slotId,
    procedure: r.procedure,
    channel: r.channel,
    earliest: window.earliest,
    lastDate: window.lastDate,
    sessionKey: r.sessionKey,
    expiresAt: new Date(ctx.now.getTime() + ctx.config.holdSeconds * 1000),
    deadline: r.nit ? { nit: r.nit, now: ctx.now } : undefined,
  };
  // A person on their deadline day takes a reserved place first, so the public places stay for others.
  // Each step is one atomic statement, so none needs an explicit transaction: at a rush every round
  // trip saved is throughput (docs/scaling.md). Expired holds are reclaimed only when the slot looks full.
  const deadline = request.deadline;
  const take = async () =>
    (deadline &&
      (await statement(() => holds.takeReservedPlaceWithHold(ctx.db, { ...request, deadline })))) ||
    statement(() => holds.takePlaceWithHold(ctx.db, request));
  let hold = await take();
  let facts: SlotFacts | undefined;
  if (!hold) {
    const reclaimed = await statement(() => reclaimOrDescribe(ctx.db, r.slotId, r.procedure, ctx.now));
    if (reclaimed.freed > 0) hold = await take();
    else facts = reclaimed.facts;
  }
  if (hold) {
    recordHold(ctx.db, { at: ctx.now, slotId: r.slotId, procedure: r.procedure, channel: r.channel });
    // Giving the session's earlier hold back in its own statement keeps every statement that takes a
    // place on one slot, so two sessions swapping places can never deadlock; for a moment the session
    // holds both.
    if (r.sessionKey && !r.freshSession) {
      const sessionKey = r.sessionKey;
      const holdId = hold.id;
      await statement(() => holds.releaseSessionHolds(ctx.db, sessionKey, holdId));
    }
    bookingMetrics.holdPlaced();
    return { holdId: hold.id, expiresAt: hold.expiresAt };
  }
  // Places freed by the reclaim went to someone faster: ask again why (rare).
  const known = facts ?? (await selectSlotFacts(ctx.db, r.slotId, r.procedure));
  const reason = reasonOf(known, r.channel, ctx.now, window, await sameDayAllowed(ctx, known, window, r.nit));
  if (reason.code === 'SLOT_FULL') {
    bookingMetrics.conflict('slot_full');
    if (known) forgetTimesOf(ctx, known.local_date);
  }
  throw reason;
}

/**
 * Whether a slot inside the minimum lead time could be taken by this person: later today, on the tax
 * deadline day of their NIT. Asked only to word a refusal, so only for a slot that is that soon.
 */
async function sameDayAllowed(
  ctx: ServiceContext,
  facts: SlotFacts | undefined,
  window: { earliest: Date },
  nit: string | undefined,
): Promise<boolean> {
  if (!nit || !facts || facts.starts_at >= window.earliest || facts.starts_at <= ctx.now) return false;
  return (await selectDeadlineDates(ctx.db, nit, facts.local_date, facts.local_date)).length > 0;
}
