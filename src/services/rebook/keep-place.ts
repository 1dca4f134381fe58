import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { bookingWindow } from '../../domain/booking-window.js';
import { earliestKeptStart, keptUntil, passExpiry } from '../../domain/rebook.js';
import { type AvailabilityScope, selectFirstPerOffice } from '../../repositories/availability.js';
import { insertPriorityHold } from '../../repositories/holds/kept.js';
import * as places from '../../repositories/places.js';
import { insertPass } from '../../repositories/rebook.js';
import { selectOfficeCity } from '../../repositories/search-scope.js';

interface CancelledByClosure {
  id: number;
  procedure_code: string;
  channel: string;
  office_code: string;
}

/**
 * Where a kept place is looked for, nearest first: the same office, then its city; a remote channel is
 * the same wherever its line is, so any line of it.
 */
async function scopesFor(
  db: Kysely<DB>,
  a: CancelledByClosure,
): Promise<Pick<AvailabilityScope, 'officeCode' | 'cityCodes'>[]> {
  if (a.channel !== 'presencial') return [{}];
  const city = await selectOfficeCity(db, a.office_code);
  return city ? [{ officeCode: a.office_code }, { cityCodes: [city] }] : [{ officeCode: a.office_code }];
}

/**
 * Takes, inside the closure's transaction, the soonest free public place of the same procedure and
 * channel for a person whose appointment the closure cancelled, and keeps it with a hold of kind
 * 'priority'. The place is taken by the same conditional UPDATE as any booking, so it can never oversell;
 * a candidate someone else took meanwhile is skipped.
 */
async function keepPlace(
  trx: Kysely<DB>,
  a: CancelledByClosure,
  now: Date,
  config: Pick<Config, 'minLeadMinutes' | 'bookingWindowDays'>,
): Promise<{ holdId: string; slotId: number } | undefined> {
  const window = bookingWindow(now, config);
  const notice = earliestKeptStart(now);
  const earliest = notice > window.earliest ? notice : window.earliest;
  for (const scope of await scopesFor(trx, a)) {
    const candidates = await selectFirstPerOffice(trx, {
      procedure: a.procedure_code,
      channel: a.channel,
      ...scope,
      earliest,
      now,
      lastDate: window.lastDate,
      limit: 5,
    });
    for (const c of candidates) {
      const request = {
        slotId: c.slotId,
        procedure: a.procedure_code,
        channel: a.channel,
        earliest,
        lastDate: window.lastDate,
      };
      if (!(await places.takePlace(trx, request))) continue;
      const holdId = await insertPriorityHold(trx, {
        slotId: c.slotId,
        procedure: a.procedure_code,
        channel: a.channel,
        expiresAt: keptUntil(now, c.startsAt, config.minLeadMinutes),
      });
      return { holdId, slotId: c.slotId };
    }
  }
  return undefined;
}

/**
 * The pass for one appointment a closure cancelled: a place kept when one can be found, and the right to
 * choose another time through the link of the cancellation e-mail for REBOOK_PASS_DAYS.
 */
export async function issueRebookPass(
  trx: Kysely<DB>,
  cancelled: CancelledByClosure,
  closureId: number,
  ctx: { now: Date; config: Pick<Config, 'minLeadMinutes' | 'bookingWindowDays'> },
): Promise<{ passId: number; kept: boolean }> {
  const kept = await keepPlace(trx, cancelled, ctx.now, ctx.config);
  const passId = await insertPass(trx, {
    appointmentId: cancelled.id,
    closureId,
    kept,
    now: ctx.now,
    expiresAt: passExpiry(ctx.now),
  });
  return { passId, kept: kept !== undefined };
}
