import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { CancelReason, DB } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import { bookingWindow } from '../domain/booking-window.js';
import { normaliseConfirmationCode } from '../domain/confirmation-code.js';
import { normaliseDocumentNumber } from '../domain/documents.js';
import { AppError, validationFailed } from '../domain/errors.js';
import type { Locale } from '../i18n/index.js';
import { MAIL_APPOINTMENT_CANCELLED } from '../jobs/definitions/mail-appointment-cancelled.js';
import { MAIL_APPOINTMENT_RESCHEDULED } from '../jobs/definitions/mail-appointment-rescheduled.js';
import * as repo from '../repositories/appointments.js';
import { reclaimExpiredHolds } from '../repositories/holds/expired.js';
import { enqueue } from '../repositories/jobs.js';
import * as places from '../repositories/places.js';
import { alertSettings } from './alerts/settings.js';
import { type AppointmentDetails, loadAppointmentDetails } from './appointment-details.js';
import { insertWithFreshCode } from './booking/fresh-code.js';
import { whyNoPlace } from './booking/why-no-place.js';
import type { ServiceContext } from './context.js';
import { releasePlace } from './place-release.js';
import { releaseSettings } from './releases/release-settings.js';

/** A document number as typed, in the stored form: no separators, and a NIT without its check digit. */
export function normaliseLookupDocument(raw: string): string {
  const trimmed = raw.trim();
  const withoutDv = /^[\d.\s]+-\s*\d$/.test(trimmed) ? trimmed.replace(/-\s*\d$/, '') : trimmed;
  return normaliseDocumentNumber(withoutDv);
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'appointment.notFound');
}

/** A code and a document number as typed, in their stored forms; a wrong one of either is NOT_FOUND. */
function normalisedCredentials(code: string, documentNumber: string): { code: string; document: string } {
  const normalised = normaliseConfirmationCode(code);
  const document = normaliseLookupDocument(documentNumber);
  if (!normalised || document === '') throw notFound();
  return { code: normalised, document };
}

/**
 * The appointment behind a code and the holder's document number. A wrong code and a wrong document
 * give the same answer, so the look-up reveals nothing about codes that exist.
 */
export async function findAppointmentId(
  db: Kysely<DB>,
  r: { code: string; documentNumber: string },
): Promise<number> {
  const { code, document } = normalisedCredentials(r.code, r.documentNumber);
  const id = await repo.selectAppointmentIdByCredentials(db, code, document);
  if (id === undefined) throw notFound();
  return id;
}

/** The appointment of a code and document number, described in the asker's language. */
export async function lookupAppointment(
  db: Kysely<DB>,
  r: { code: string; documentNumber: string },
  config: Pick<Config, 'videoBaseUrl'>,
  locale: Locale,
): Promise<AppointmentDetails> {
  const details = await loadAppointmentDetails(db, await findAppointmentId(db, r), config, locale);
  if (!details) throw notFound();
  return details;
}

async function lockActive(trx: Kysely<DB>, code: string, documentNumber: string, now: Date) {
  const credentials = normalisedCredentials(code, documentNumber);
  const appointment = await repo.selectAppointmentForUpdate(trx, credentials.code, credentials.document);
  if (!appointment) throw notFound();
  if (appointment.status !== 'booked' || appointment.starts_at <= now) {
    throw new AppError('CONFLICT', 'appointment.notActive');
  }
  return appointment;
}

/**
 * Cancels an appointment inside the caller's transaction and frees its place (see releasePlace); the
 * cancellation e-mail is queued in the same transaction. Returns false when it was not cancellable
 * (already cancelled, attended…). Closures and privacy deletions use this too.
 */
export async function cancelAppointmentInTransaction(
  trx: Kysely<DB>,
  appointment: { id: number; slot_id: number; reserved: boolean },
  reason: CancelReason,
  ctx: Pick<ServiceContext, 'now' | 'config'>,
): Promise<boolean> {
  if (!(await repo.markCancelled(trx, appointment.id, reason, ctx.now))) return false;
  await releasePlace(
    trx,
    { slotId: appointment.slot_id, reserved: appointment.reserved },
    {
      now: ctx.now,
      releaseDelaySeconds: ctx.config.releaseDelaySeconds,
      alerts: reason === 'closure' ? undefined : alertSettings(ctx.config),
      draw: reason === 'closure' ? undefined : releaseSettings(ctx.config),
    },
  );
  // A reschedule has its own message; a deletion request erases the address the message would go to.
  if (reason !== 'reschedule' && reason !== 'privacy') {
    await enqueue(
      trx,
      MAIL_APPOINTMENT_CANCELLED,
      { appointmentId: appointment.id },
      { runAt: ctx.now, dedupeKey: `cancelled:${appointment.id}` },
    );
  }
  return true;
}

export async function cancelAppointment(
  ctx: ServiceContext,
  r: { code: string; documentNumber: string },
): Promise<{ code: string; status: 'cancelled' }> {
  return transaction(ctx.db, async (trx) => {
    const appointment = await lockActive(trx, r.code, r.documentNumber, ctx.now);
    await cancelAppointmentInTransaction(trx, appointment, 'citizen', ctx);
    return { code: appointment.code, status: 'cancelled' as const };
  });
}

/**
 * Moves an appointment to another slot of the same procedure and channel. The new place is taken
 * first, in the same transaction that cancels the old appointment and frees its place; when the new
 * slot is full nothing at all changes. The new appointment gets its own code and points back to the
 * old one.
 */
export async function rescheduleAppointment(
  ctx: ServiceContext,
  r: { code: string; documentNumber: string; slotId: number },
): Promise<{ appointmentId: number; code: string }> {
  const window = bookingWindow(ctx.now, ctx.config);
  const moved = await transaction(ctx.db, async (trx) => {
    const old = await lockActive(trx, r.code, r.documentNumber, ctx.now);
    if (old.slot_id === r.slotId)
      throw validationFailed([{ field: 'slotId', key: 'appointment.reschedule.sameSlot' }]);
    // Both slots are locked in id order before either changes, so crossing reschedules cannot deadlock.
    await places.lockSlots(trx, [old.slot_id, r.slotId]);
    const taken = await places.takePlace(trx, {
      slotId: r.slotId,
      procedure: old.procedure_code,
      channel: old.channel,
      earliest: window.earliest,
      lastDate: window.lastDate,
    });
    if (!taken) return { old, next: undefined };
    const slot = await repo.selectSlotForAppointment(trx, r.slotId);
    await cancelAppointmentInTransaction(trx, old, 'reschedule', ctx);
    const next = await insertWithFreshCode(trx, {
      slotId: slot.id,
      procedure: old.procedure_code,
      channel: old.channel,
      officeCode: slot.office_code,
      startsAt: slot.starts_at,
      endsAt: slot.ends_at,
      applicantId: old.applicant_id,
      personKey: old.person_key,
      reserved: false,
      locale: old.locale,
      rescheduledFromId: old.id,
      now: ctx.now,
    });
    await enqueue(
      trx,
      MAIL_APPOINTMENT_RESCHEDULED,
      { appointmentId: next.id, previousAppointmentId: old.id },
      { runAt: ctx.now, dedupeKey: `rescheduled:${next.id}` },
    );
    return { old, next };
  });
  if (moved.next) return { appointmentId: moved.next.id, code: moved.next.code };
  // The slot had no room: reclaim its expired holds once and try again, else say precisely why.
  if ((await transaction(ctx.db, (trx) => reclaimExpiredHolds(trx, r.slotId, ctx.now))) > 0) {
    return rescheduleAppointment(ctx, r);
  }
  throw await whyNoPlace(ctx.db, r.slotId, moved.old.procedure_code, moved.old.channel, ctx.now, window);
}
