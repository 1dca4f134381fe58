import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { bookingWindow } from '../../domain/booking-window.js';
import { AppError, notFound } from '../../domain/errors.js';
import { type PassState, passState } from '../../domain/rebook.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../jobs/definitions/mail-appointment-confirmed.js';
import * as appointments from '../../repositories/appointments.js';
import {
  type SlotWithRoom,
  selectDaysWithRoom,
  selectSlotsWithRoom,
} from '../../repositories/availability.js';
import { consumePriorityHold } from '../../repositories/holds/kept.js';
import { enqueue } from '../../repositories/jobs.js';
import * as places from '../../repositories/places.js';
import {
  decidePass,
  lockPersonAndReadActive,
  selectOpenPassesOfApplicants,
  selectPass,
} from '../../repositories/rebook.js';
import { passIdOfToken } from '../../security/rebook-token.js';
import { alertSettings } from '../alerts/settings.js';
import { insertWithFreshCode } from '../booking/fresh-code.js';
import { whyNoPlace } from '../booking/why-no-place.js';
import type { ServiceContext } from '../context.js';
import { releasePlace } from '../place-release.js';
import { releaseSettings } from '../releases/release-settings.js';

/** The services behind a rebooking link also need the secret its token is signed with. */
export type RebookContext = ServiceContext & { secret: string };

/** What a rebooking link shows: the cancelled appointment, the kept place, what became of the pass. */
export interface PassView {
  passId: number;
  state: PassState;
  expiresAt: Date;
  cancelledAppointmentId: number;
  procedure: string;
  channel: string;
  officeCode: string;
  cityCode: string;
  kept?: { slotId: number; officeCode: string; startsAt: Date; endsAt: Date; until: Date } | undefined;
  rebookedAppointmentId?: number | undefined;
}

type PassRow = NonNullable<Awaited<ReturnType<typeof selectPass>>>;

function toView(row: PassRow, now: Date): PassView {
  // An erased person's pass reads as withdrawn even before the erasure reached it.
  const state = row.anonymised_at ? 'withdrawn' : passState(row.status, row.expires_at, now);
  const kept =
    state === 'open' &&
    row.kept_slot_id &&
    row.kept_office_code &&
    row.kept_starts_at &&
    row.kept_ends_at &&
    row.kept_until
      ? {
          slotId: row.kept_slot_id,
          officeCode: row.kept_office_code,
          startsAt: row.kept_starts_at,
          endsAt: row.kept_ends_at,
          until: row.kept_until,
        }
      : undefined;
  return {
    passId: row.id,
    state,
    expiresAt: row.expires_at,
    cancelledAppointmentId: row.appointment_id,
    procedure: row.procedure_code,
    channel: row.channel,
    officeCode: row.office_code,
    cityCode: row.city_code,
    kept,
    rebookedAppointmentId: row.rebooked_appointment_id ?? undefined,
  };
}

function passIdOf(secret: string, token: string): number {
  const passId = passIdOfToken(secret, token);
  if (passId === undefined) throw notFound('rebook.error.link');
  return passId;
}

export async function viewPass(ctx: RebookContext, token: string): Promise<PassView> {
  const row = await selectPass(ctx.db, passIdOf(ctx.secret, token), ctx.now);
  if (!row) throw notFound('rebook.error.link');
  return toView(row, ctx.now);
}

interface RebookChoices {
  /** Days with free places for the procedure and channel (in person: in the office's city). */
  days: { date: string; available: number }[];
  /** The day shown: the one asked for when it has places, else the first with places. */
  date: string | undefined;
  /** That day's free times, the kept place apart. */
  slots: SlotWithRoom[];
}

/** The other times a pass holder may choose, read like any public search (exactness is the take's). */
export async function rebookChoices(
  ctx: ServiceContext,
  pass: PassView,
  wantedDate: string | undefined,
): Promise<RebookChoices> {
  const window = bookingWindow(ctx.now, ctx.config);
  const scope = {
    procedure: pass.procedure,
    channel: pass.channel,
    ...(pass.channel === 'presencial' ? { cityCodes: [pass.cityCode] } : {}),
    earliest: window.earliest,
    now: ctx.now,
  };
  const days = await selectDaysWithRoom(ctx.db, { ...scope, from: window.today, to: window.lastDate });
  const date = days.find((d) => d.date === wantedDate)?.date ?? days[0]?.date;
  const slots = date
    ? (await selectSlotsWithRoom(ctx.db, { ...scope, date })).filter((s) => s.slotId !== pass.kept?.slotId)
    : [];
  return { days, date, slots };
}

/** Gives a kept place back (to alert subscribers first, like any freed place) and forgets its hold. */
async function giveBackKeptPlace(trx: Kysely<DB>, holdId: string | null, ctx: ServiceContext): Promise<void> {
  if (!holdId) return;
  const freed = await consumePriorityHold(trx, holdId, ctx.now);
  if (!freed) return;
  await releasePlace(
    trx,
    { slotId: freed.slotId, reserved: false },
    {
      now: ctx.now,
      releaseDelaySeconds: 0,
      alerts: alertSettings(ctx.config),
      draw: releaseSettings(ctx.config),
    },
  );
}

/** The pass behind a token, locked for a decision, with what it allows now. */
async function lockPass(trx: Kysely<DB>, token: string, ctx: RebookContext) {
  const row = await selectPass(trx, passIdOf(ctx.secret, token), ctx.now, { lock: true });
  if (!row) throw notFound('rebook.error.link');
  return { row, state: toView(row, ctx.now).state };
}

async function lockOpenPass(trx: Kysely<DB>, token: string, ctx: RebookContext): Promise<PassRow> {
  const { row, state } = await lockPass(trx, token, ctx);
  if (state === 'used') throw new AppError('CONFLICT', 'rebook.error.used');
  if (state !== 'open') throw new AppError('HOLD_EXPIRED', `rebook.state.${state}`);
  return row;
}

/**
 * The new appointment, in one transaction: the kept place passes to it when that is the time chosen;
 * otherwise the chosen slot's place is taken by the same conditional UPDATE as any booking and the kept
 * place goes back. The person's data, consent and language are those of the cancelled appointment, which
 * the new one points back to. Used once: a second submission finds the pass used.
 */
export async function rebookWithPass(
  ctx: RebookContext,
  token: string,
  slotId: number,
): Promise<{ appointmentId: number; code: string }> {
  const window = bookingWindow(ctx.now, ctx.config);
  const outcome = await transaction(ctx.db, async (trx) => {
    const pass = await lockOpenPass(trx, token, ctx);
    const active = await lockPersonAndReadActive(trx, pass.person_key, ctx.now);
    if (active.includes(pass.procedure_code))
      throw new AppError('LIMIT_REACHED', 'rebook.error.alreadyBooked');
    const keptTaken =
      pass.hold_id && pass.kept_slot_id === slotId
        ? await consumePriorityHold(trx, pass.hold_id, ctx.now)
        : undefined;
    if (!keptTaken) {
      await places.lockSlots(trx, pass.kept_slot_id ? [slotId, pass.kept_slot_id] : [slotId]);
      const taken = await places.takePlace(trx, {
        slotId,
        procedure: pass.procedure_code,
        channel: pass.channel,
        earliest: window.earliest,
        lastDate: window.lastDate,
      });
      if (!taken) return { pass, created: undefined };
      await giveBackKeptPlace(trx, pass.hold_id, ctx);
    }
    const slot = await appointments.selectSlotForAppointment(trx, slotId);
    const created = await insertWithFreshCode(trx, {
      slotId,
      procedure: pass.procedure_code,
      channel: pass.channel,
      officeCode: slot.office_code,
      startsAt: slot.starts_at,
      endsAt: slot.ends_at,
      applicantId: pass.applicant_id,
      personKey: pass.person_key,
      reserved: false,
      locale: pass.locale === 'en' ? 'en' : 'es',
      rescheduledFromId: pass.appointment_id,
      now: ctx.now,
    });
    await decidePass(trx, pass.id, { status: 'used', now: ctx.now, rebookedAppointmentId: created.id });
    await enqueue(
      trx,
      MAIL_APPOINTMENT_CONFIRMED,
      { appointmentId: created.id },
      { runAt: ctx.now, dedupeKey: `confirmed:${created.id}` },
    );
    return { pass, created };
  });
  if (outcome.created) return { appointmentId: outcome.created.id, code: outcome.created.code };
  throw await whyNoPlace(ctx.db, slotId, outcome.pass.procedure_code, outcome.pass.channel, ctx.now, window);
}

/** The person does not need the appointment: the kept place goes back at once. Declining twice is a no-op. */
export async function declinePass(ctx: RebookContext, token: string): Promise<void> {
  await transaction(ctx.db, async (trx) => {
    const { row, state } = await lockPass(trx, token, ctx);
    if (state !== 'open') return;
    await giveBackKeptPlace(trx, row.hold_id, ctx);
    await decidePass(trx, row.id, { status: 'declined', now: ctx.now });
  });
}

/** On erasure of a person's data: their open passes end and the places kept for them go back. */
export async function withdrawPassesOf(
  trx: Kysely<DB>,
  applicantIds: readonly number[],
  ctx: ServiceContext,
): Promise<void> {
  for (const pass of await selectOpenPassesOfApplicants(trx, applicantIds)) {
    await giveBackKeptPlace(trx, pass.hold_id, ctx);
    await decidePass(trx, pass.id, { status: 'withdrawn', now: ctx.now });
  }
}
