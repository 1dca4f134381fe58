import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { statement, transaction } from '../db/transaction.js';
import {
  type Applicant,
  type ApplicantInput,
  type ConsentInput,
  holdsNit,
  personKey,
  validateApplicant,
  validateConsent,
} from '../domain/applicant.js';
import { bookingWindow } from '../domain/booking-window.js';
import type { Channel } from '../domain/channels.js';
import { newConfirmationCode } from '../domain/confirmation-code.js';
import { AppError, type FieldError, validationFailed } from '../domain/errors.js';
import { BOOKING_PURPOSES, POLICY_VERSION } from '../domain/privacy-policy.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../jobs/definitions/mail-appointment-confirmed.js';
import { bookingMetrics } from '../metrics.js';
import * as appointments from '../repositories/appointments.js';
import { type SlotFacts, selectDeadlineDates, selectSlotFacts } from '../repositories/availability.js';
import * as holds from '../repositories/holds/citizen.js';
import { reclaimOrDescribe } from '../repositories/holds/expired.js';
import { enqueue } from '../repositories/jobs.js';
import { forgetTimesOf } from './availability.js';
import type { ServiceContext } from './context.js';
import { recordHold } from './reports/activity.js';

/** A client session id is never stored as such; holds keep a hash of it. */
export function sessionKeyOf(sessionId: string | undefined): string | null {
  return sessionId ? createHash('sha256').update(sessionId).digest('hex') : null;
}

export interface HoldRequest {
  slotId: number;
  procedure: string;
  channel: Channel;
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

function reasonOf(
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
  if (facts.starts_at <= now || (facts.starts_at < window.earliest && !sameDay))
    return validationFailed(field('booking.slot.past'));
  if (facts.local_date > window.lastDate) return validationFailed(field('booking.slot.outsideWindow'));
  return new AppError('SLOT_FULL', 'booking.slot.full');
}

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
  if (!isUuid(holdId)) return undefined;
  const row = await holds.selectLiveCitizenHold(db, holdId, now);
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
  return holds.updateHoldDraft(db, holdId, draft, now);
}

export interface ConfirmRequest {
  holdId: string;
  applicant: ApplicantInput;
  consent: ConsentInput | undefined;
  via: 'web' | 'api';
  locale: 'es' | 'en';
}

export interface Confirmation {
  appointmentId: number;
  code: string;
  status: 'booked';
  procedure: string;
  channel: Channel;
  officeCode: string;
  startsAt: Date;
  endsAt: Date;
}

/** Checks an applicant and consent without touching anything; throws VALIDATION with every problem. */
export function checkApplicant(applicant: ApplicantInput, consent: ConsentInput | undefined): Applicant {
  const result = validateApplicant(applicant);
  const consentErrors = validateConsent(consent);
  if (!result.ok || consentErrors.length > 0) {
    throw validationFailed([...(result.ok ? [] : result.errors), ...consentErrors]);
  }
  return result.value;
}

const CONFIRMATION_JOB = { name: MAIL_APPOINTMENT_CONFIRMED.name, dedupePrefix: 'confirmed:' } as const;

/**
 * Turns a live hold into an appointment: validates the person's data, enforces the per-person limits
 * under a per-person lock, records the consent, and queues the confirmation e-mail, all in one
 * transaction. The hold's place passes to the appointment, so capacity is untouched. At a rush every
 * round trip counts: after BEGIN, one statement takes the lock and consumes the hold, one checks the
 * limits and records the booking, then COMMIT (docs/scaling.md).
 */
export async function confirmHold(ctx: ServiceContext, r: ConfirmRequest): Promise<Confirmation> {
  const applicant = checkApplicant(r.applicant, r.consent);
  if (!isUuid(r.holdId)) throw new AppError('HOLD_EXPIRED', 'booking.hold.expired');
  const key = personKey(applicant);
  const done = await transaction(ctx.db, async (trx) => {
    const hold = await holds.lockAndConsumeHold(trx, r.holdId, appointments.personLock(key), ctx.now);
    if (!hold?.procedure_code || !hold.channel) {
      bookingMetrics.conflict('hold_expired');
      throw new AppError('HOLD_EXPIRED', 'booking.hold.expired');
    }
    // A deadline-day place is personal to the NIT it was held for (the transaction rolls back otherwise).
    if (hold.reserved && !(hold.nit && holdsNit(applicant, hold.nit))) {
      throw validationFailed([{ field: 'applicant.nit', key: 'booking.deadline.otherNit' }]);
    }
    const appointment = {
      slotId: hold.slot_id,
      procedure: hold.procedure_code,
      channel: hold.channel,
      officeCode: hold.office_code,
      startsAt: hold.starts_at,
      endsAt: hold.ends_at,
      personKey: key,
      reserved: hold.reserved,
      locale: r.locale,
      now: ctx.now,
    };
    let code = newConfirmationCode();
    const booked = await appointments.insertBooking(trx, {
      applicant,
      consent: { policyVersion: POLICY_VERSION, purposes: BOOKING_PURPOSES, channel: r.via },
      appointment: { ...appointment, code },
      maxActive: ctx.config.maxActivePerPerson,
      job: CONFIRMATION_JOB,
    });
    if (!booked.recorded) {
      if (booked.active.includes(hold.procedure_code))
        throw new AppError('LIMIT_REACHED', 'booking.limit.sameProcedure');
      throw new AppError('LIMIT_REACHED', 'booking.limit.total', { max: ctx.config.maxActivePerPerson });
    }
    let id = booked.appointmentId;
    if (id === undefined) {
      // The code drawn belongs to another appointment already (very unlikely): draw again.
      ({ id, code } = await insertWithFreshCode(trx, { ...appointment, applicantId: booked.applicantId }));
      await enqueue(
        trx,
        MAIL_APPOINTMENT_CONFIRMED,
        { appointmentId: id },
        { runAt: ctx.now, dedupeKey: `${CONFIRMATION_JOB.dedupePrefix}${id}` },
      );
    }
    return {
      appointmentId: id,
      code,
      status: 'booked',
      procedure: hold.procedure_code,
      channel: hold.channel as Channel,
      officeCode: hold.office_code,
      startsAt: hold.starts_at,
      endsAt: hold.ends_at,
    } satisfies Confirmation;
  });
  bookingMetrics.confirmed();
  return done;
}

/** Inserts an appointment under a new random code, drawing again in the (very unlikely) case of a clash. */
export async function insertWithFreshCode(
  trx: Kysely<DB>,
  a: Omit<appointments.NewAppointment, 'code'>,
): Promise<{ id: number; code: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newConfirmationCode();
    const id = await appointments.insertAppointment(trx, { ...a, code });
    if (id !== undefined) return { id, code };
  }
  throw new Error('could not draw a free confirmation code in 5 attempts');
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
