import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../../db/schema.js';
import {
  type Actor,
  channelInScope,
  forbidden,
  officeScopeOf,
  requirePermission,
} from '../../domain/access.js';
import { addDays, type CivilDate, civilDateOf, instantAt, isCivilDate } from '../../domain/civil-time.js';
import { normaliseConfirmationCode } from '../../domain/confirmation-code.js';
import { notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { videoMeetingUrl } from '../../domain/video-meeting.js';
import {
  appointmentCodeExists,
  type DeskFilter,
  type DeskRow,
  lockDeskAppointment,
  selectDeskAppointments,
  setDeskNote,
  setDeskStatus,
} from '../../repositories/desk.js';
import { normaliseLookupDocument } from '../appointments.js';
import { auditedAs, recordAudit } from '../audit/trail.js';

export interface DeskAppointment {
  code: string;
  startsAt: Date;
  endsAt: Date;
  officeCode: string;
  officeName: string;
  channel: string;
  procedureName: string;
  personName: string;
  document: string;
  email: string;
  phone: string;
  status: AppointmentStatus;
  note: string | null;
  /** For video appointments: the meeting address, as the person was given it. */
  videoUrl: string | null;
}

function toView(r: DeskRow, locale: 'es' | 'en', videoBaseUrl: string): DeskAppointment {
  return {
    code: r.code,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    officeCode: r.office_code,
    officeName: r.office_name,
    channel: r.channel,
    procedureName: locale === 'en' ? r.name_en : r.name_es,
    personName: [r.first_name, r.last_name].join(' ') + (r.company_name ? ` (${r.company_name})` : ''),
    document: `${r.document_type} ${r.document_number}`,
    email: r.email,
    phone: r.phone,
    status: r.status,
    note: r.desk_note,
    videoUrl: videoMeetingUrl(videoBaseUrl, { channel: r.channel, videoRoom: r.video_room }),
  };
}

function inChannelScope(actor: Actor, r: DeskRow): boolean {
  return channelInScope(actor, { code: r.office_code, seccionalCode: r.seccional_code }, r.channel);
}

/**
 * The desk: a day's appointments of the actor's offices (a desk officer's channels only), or, with a
 * search, the appointments whose code or document matches, any day.
 */
export async function deskList(
  db: Kysely<DB>,
  actor: Actor,
  q: { date?: string | undefined; search?: string | undefined },
  { now, locale, videoBaseUrl }: { now: Date; locale: 'es' | 'en'; videoBaseUrl: string },
): Promise<{ date: CivilDate; search: string; items: DeskAppointment[] }> {
  requirePermission(actor, 'desk.attend');
  const date = q.date && isCivilDate(q.date) ? q.date : civilDateOf(now);
  const search = (q.search ?? '').trim().slice(0, 40);
  const filter: DeskFilter =
    search === ''
      ? { kind: 'day', from: instantAt(date, 0), to: instantAt(addDays(date, 1), 0) }
      : {
          kind: 'search',
          code: normaliseConfirmationCode(search),
          documentNumber: normaliseLookupDocument(search) || undefined,
        };
  const rows = (await selectDeskAppointments(db, officeScopeOf(actor), filter)).filter((r) =>
    inChannelScope(actor, r),
  );
  return { date, search, items: rows.map((r) => toView(r, locale, videoBaseUrl)) };
}

export const DESK_ACTIONS = {
  'check-in': { from: ['booked'], to: 'checked_in' },
  attended: { from: ['booked', 'checked_in'], to: 'attended' },
  'no-show': { from: ['booked', 'checked_in'], to: 'no_show' },
} as const satisfies Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus }>;
export type DeskAction = keyof typeof DESK_ACTIONS;

async function lockForDesk(trx: Kysely<DB>, actor: Actor, code: string) {
  const normalised = normaliseConfirmationCode(code);
  if (!normalised) throw notFound();
  const row = await lockDeskAppointment(trx, officeScopeOf(actor), normalised);
  // Exists but outside the scope, or not at all: say which, without showing anything of it.
  if (!row) throw (await appointmentCodeExists(trx, normalised)) ? forbidden() : notFound();
  if (!inChannelScope(actor, row)) throw forbidden();
  return row;
}

/** Check-in, attended or no-show: a conditional change of status, audited in the same transaction. */
export async function changeDeskStatus(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  action: DeskAction,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'desk.attend');
  const rule = DESK_ACTIONS[action];
  await db.transaction().execute(async (trx) => {
    const row = await lockForDesk(trx, actor, code);
    if (!(rule.from as readonly string[]).includes(row.status)) {
      throw validationFailed([
        { field: 'status', key: 'desk.status.notAllowed', params: { status: row.status } },
      ]);
    }
    if (action === 'no-show' && row.starts_at > now) {
      throw validationFailed([{ field: 'status', key: 'desk.status.notYet' }]);
    }
    await setDeskStatus(trx, row.id, { from: rule.from, to: rule.to, now });
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: `appointment.${rule.to}`,
      entityType: 'appointment',
      entityId: row.code,
      officeCode: row.office_code,
      before: { status: row.status },
      after: { status: rule.to },
    });
  });
}

export async function saveDeskNote(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  input: FormInput,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'desk.attend');
  const form = new FormReader(input);
  const note = form.optionalText('note', { max: 1000 });
  form.done();
  await db.transaction().execute(async (trx) => {
    const row = await lockForDesk(trx, actor, code);
    if (row.desk_note === note) return;
    await setDeskNote(trx, row.id, note, now);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'appointment.note',
      entityType: 'appointment',
      entityId: row.code,
      officeCode: row.office_code,
      // The trail is append-only and kept for ever, while a note may name personal details that the
      // retention job must be able to erase: it records that the note changed, not what it says.
      before: { noteLength: row.desk_note?.length ?? 0 },
      after: { noteLength: note?.length ?? 0 },
    });
  });
}
