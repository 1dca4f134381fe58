import { transaction } from '../../db/transaction.js';
import {
  type Applicant,
  type ApplicantInput,
  type ConsentInput,
  mayHavePlace,
  personKey,
  validateApplicant,
  validateConsent,
} from '../../domain/applicant.js';
import type { Channel } from '../../domain/channels.js';
import { newConfirmationCode } from '../../domain/confirmation-code.js';
import { AppError, validationFailed } from '../../domain/errors.js';
import { isHoldId } from '../../domain/hold-id.js';
import { BOOKING_PURPOSES, POLICY_VERSION } from '../../domain/privacy-policy.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../jobs/definitions/mail-appointment-confirmed.js';
import { bookingMetrics } from '../../metrics.js';
import * as appointments from '../../repositories/appointments.js';
import { lockAndConsumeHold } from '../../repositories/holds/citizen.js';
import { enqueue } from '../../repositories/jobs.js';
import { markOfferBooked } from '../../repositories/releases/release-offers.js';
import type { ServiceContext } from '../context.js';
import { insertWithFreshCode } from './fresh-code.js';

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
  /** A retried confirmation: the appointment this hold already became (nothing changed now). */
  replayed: boolean;
}

/** Checks an applicant and consent without touching anything; throws VALIDATION with every problem. */
function checkApplicant(applicant: ApplicantInput, consent: ConsentInput | undefined): Applicant {
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
  if (!isHoldId(r.holdId)) throw new AppError('HOLD_EXPIRED', 'booking.hold.expired');
  const key = personKey(applicant);
  const done = await transaction(ctx.db, async (trx) => {
    const hold = await lockAndConsumeHold(trx, r.holdId, appointments.personLock(key), ctx.now);
    if (!hold?.procedure_code || !hold.channel) {
      const earlier = await appointments.selectBookedFromHold(trx, r.holdId, key);
      if (earlier) return confirmationOf(earlier, true);
      bookingMetrics.conflict('hold_expired');
      throw new AppError('HOLD_EXPIRED', 'booking.hold.expired');
    }
    // The transaction rolls back, so the hold stays for the data of the person it was reserved for.
    if (!mayHavePlace(applicant, hold.reserved ? hold.nit : null)) {
      throw validationFailed([{ field: 'applicant.nit', key: 'booking.deadline.otherNit' }]);
    }
    // A place drawn for an entry is that person's: an offer cannot be handed to someone else.
    if (hold.person_key !== null && hold.person_key !== key) {
      throw validationFailed([{ field: 'applicant.documentNumber', key: 'releases.offer.notYours' }]);
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
      holdId: r.holdId,
      sessionKey: hold.session_key,
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
    if (hold.person_key !== null)
      await markOfferBooked(trx, { holdId: r.holdId, appointmentId: id, now: ctx.now });
    return confirmationOf(
      {
        id,
        code,
        procedure_code: hold.procedure_code,
        channel: hold.channel,
        office_code: hold.office_code,
        starts_at: hold.starts_at,
        ends_at: hold.ends_at,
      },
      false,
    );
  });
  if (!done.replayed) bookingMetrics.confirmed();
  return done;
}

function confirmationOf(
  a: {
    id: number;
    code: string;
    procedure_code: string;
    channel: string;
    office_code: string;
    starts_at: Date;
    ends_at: Date;
  },
  replayed: boolean,
): Confirmation {
  return {
    appointmentId: a.id,
    code: a.code,
    status: 'booked',
    procedure: a.procedure_code,
    channel: a.channel as Channel,
    officeCode: a.office_code,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    replayed,
  };
}
