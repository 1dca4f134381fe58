import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { validateContact } from '../../domain/applicant.js';
import { type FieldError, validationFailed } from '../../domain/errors.js';
import type { Locale } from '../../i18n/index.js';
import { MAIL_DATA_SUBJECT_LINK } from '../../jobs/definitions/mail-data-subject-link.js';
import { enqueue } from '../../repositories/jobs.js';
import {
  anonymiseApplicants,
  lockContactsOf,
  selectApplicantEmail,
  selectApplicantIdsByContact,
  selectApplicants,
  updateContacts,
} from '../../repositories/privacy/applicants.js';
import {
  lockUpcomingAppointmentsOf,
  selectAppointmentsOf,
  selectConsentsOf,
} from '../../repositories/privacy/records.js';
import {
  insertDataSubjectRequest,
  markRequestDeleted,
  selectOpenRequest,
} from '../../repositories/privacy/requests.js';
import { signNumericLink, verifyNumericLink } from '../../security/signed-link.js';
import { cancelAppointmentInTransaction, normaliseLookupDocument } from '../appointments.js';
import { recordAudit } from '../audit/trail.js';
import type { ServiceContext } from '../context.js';
import { withdrawPassesOf } from '../rebook/pass.js';

/**
 * The rights of a data subject (Ley 1581 de 2012): to know what is held about them and to ask for its
 * deletion. A person proves they own the data by a link sent to the e-mail on record; the answer to the
 * request never says whether anything was found, so the form cannot be used to probe who booked.
 */
const LINK_LIFETIME_MS = 60 * 60_000;

/**
 * The link's token: the request id with an HMAC under SESSION_SECRET. It is derived by the mailer when
 * the e-mail goes, so it is stored nowhere (not in the request, not in the job that sends it).
 */
export function dataSubjectToken(secret: string, requestId: number): string {
  return signNumericLink(secret, 'data-subject', requestId);
}

/** The longest document number and e-mail the request form takes (longer ones cannot be on record). */
const MAX_DOCUMENT = 30;
const MAX_EMAIL = 254;

/**
 * What is wrong with a data-access request as typed, before anything is looked up: only emptiness and
 * length, so the answer says nothing about who is on record.
 */
export function checkAccessRequest(r: { documentNumber: string; email: string }): FieldError[] {
  const errors: FieldError[] = [];
  const document = r.documentNumber.trim();
  const email = r.email.trim();
  if (!document) errors.push({ field: 'documentNumber', key: 'privacy.request.error.document' });
  else if (document.length > MAX_DOCUMENT)
    errors.push({
      field: 'documentNumber',
      key: 'privacy.request.error.documentLong',
      params: { max: MAX_DOCUMENT },
    });
  if (!email) errors.push({ field: 'email', key: 'privacy.request.error.email' });
  else if (email.length > MAX_EMAIL || !/^[^\s@]+@[^\s@]+$/.test(email))
    errors.push({ field: 'email', key: 'privacy.request.error.emailFormat' });
  return errors;
}

export async function requestDataAccess(
  db: Kysely<DB>,
  r: { documentNumber: string; email: string; locale: Locale; now: Date },
): Promise<void> {
  const problems = checkAccessRequest(r);
  if (problems.length > 0) throw validationFailed(problems);
  const document = normaliseLookupDocument(r.documentNumber);
  const email = r.email.trim().toLowerCase();
  if (!document) return;
  await transaction(db, async (trx) => {
    const applicantIds = await selectApplicantIdsByContact(trx, document, email);
    if (applicantIds.length === 0) return;
    const requestId = await insertDataSubjectRequest(trx, {
      applicantIds,
      locale: r.locale,
      expiresAt: new Date(r.now.getTime() + LINK_LIFETIME_MS),
    });
    await enqueue(trx, MAIL_DATA_SUBJECT_LINK, { requestId }, { runAt: r.now });
  });
}

async function openRequest(db: Kysely<DB>, secret: string, token: string, now: Date) {
  const requestId = verifyNumericLink(secret, 'data-subject', token);
  return requestId === undefined ? undefined : selectOpenRequest(db, requestId, now);
}

export interface SubjectData {
  applicants: {
    personType: string;
    documentType: string;
    documentNumber: string;
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    companyName: string | null;
    createdAt: Date;
  }[];
  appointments: {
    code: string;
    procedure: string;
    procedureName: string;
    status: AppointmentStatus;
    startsAt: Date;
    officeCode: string;
    /** null for remote channels, whose office is only where the agenda is kept. */
    officeName: string | null;
    channel: string;
    channelName: string;
  }[];
  consents: { policyVersion: string; purposes: string[]; channel: 'web' | 'api'; acceptedAt: Date }[];
}

/** Everything held about the person behind a valid link; undefined when the link is invalid or used. */
export async function viewSubjectData(
  db: Kysely<DB>,
  link: { secret: string; token: string },
  now: Date,
  locale: Locale = 'es',
): Promise<SubjectData | undefined> {
  const request = await openRequest(db, link.secret, link.token, now);
  if (!request) return undefined;
  const ids = request.applicant_ids;
  const applicants = await selectApplicants(db, ids);
  const appointments = await selectAppointmentsOf(db, ids);
  const consents = await selectConsentsOf(db, ids);
  return {
    applicants: applicants.map((a) => ({
      personType: a.person_type,
      documentType: a.document_type,
      documentNumber: a.document_number,
      firstName: a.first_name,
      lastName: a.last_name,
      email: a.email,
      phone: a.phone,
      companyName: a.company_name,
      createdAt: a.created_at,
    })),
    appointments: appointments.map((a) => ({
      code: a.code,
      procedure: a.procedure_code,
      procedureName: locale === 'en' ? a.procedure_en : a.procedure_es,
      status: a.status,
      startsAt: a.starts_at,
      officeCode: a.office_code,
      officeName: a.remote ? null : a.office_name,
      channel: a.channel,
      channelName: locale === 'en' ? a.channel_en : a.channel_es,
    })),
    consents: consents.map((c) => ({
      policyVersion: c.policy_version,
      purposes: c.purposes,
      channel: c.channel,
      acceptedAt: c.accepted_at,
    })),
  };
}

/**
 * Deletion on request: future appointments are cancelled first (their places freed), then every record
 * of the person is anonymised. The audit trail records that it happened, never the data.
 */
export async function deleteSubjectData(
  ctx: ServiceContext,
  link: { secret: string; token: string },
): Promise<boolean> {
  const request = await openRequest(ctx.db, link.secret, link.token, ctx.now);
  if (!request) return false;
  return transaction(ctx.db, async (trx) => {
    if (!(await markRequestDeleted(trx, request.id, ctx.now))) return false;
    const future = await lockUpcomingAppointmentsOf(trx, request.applicant_ids, ctx.now);
    for (const appointment of future) await cancelAppointmentInTransaction(trx, appointment, 'privacy', ctx);
    await withdrawPassesOf(trx, request.applicant_ids, ctx);
    const erased = await anonymiseApplicants(trx, request.applicant_ids, ctx.now);
    await recordAudit(trx, {
      actorStaffId: null,
      actor: 'titular de los datos',
      action: 'privacy.delete',
      entityType: 'data_subject_request',
      entityId: String(request.id),
      officeCode: null,
      before: null,
      after: { applicantsAnonymised: erased, appointmentsCancelled: future.length },
      occurredAt: ctx.now,
    });
    return true;
  });
}

/**
 * Rectification of the contact data (Ley 1581, art. 8): the e-mail and phone of every record behind the
 * link, checked by the booking rules. The name and document cannot change (see migration 0701). The
 * audit trail records which fields changed, never their values. False when the link is not valid.
 */
export async function rectifyContactData(
  ctx: Pick<ServiceContext, 'db' | 'now'>,
  link: { secret: string; token: string },
  input: { email?: unknown; phone?: unknown },
): Promise<boolean> {
  const contact = validateContact(input);
  if (!contact.ok) throw validationFailed(contact.errors);
  const request = await openRequest(ctx.db, link.secret, link.token, ctx.now);
  if (!request) return false;
  return transaction(ctx.db, async (trx) => {
    const before = await lockContactsOf(trx, request.applicant_ids);
    if (before.length === 0) return false;
    const changed = [
      ...(before.some((a) => a.email !== contact.value.email) ? ['email'] : []),
      ...(before.some((a) => a.phone !== contact.value.phone) ? ['phone'] : []),
    ];
    if (changed.length === 0) return true;
    await updateContacts(
      trx,
      before.map((a) => a.id),
      contact.value,
    );
    await recordAudit(trx, {
      actorStaffId: null,
      actor: 'titular de los datos',
      action: 'privacy.rectify',
      entityType: 'data_subject_request',
      entityId: String(request.id),
      officeCode: null,
      before: null,
      after: { fields: changed, records: before.length },
      occurredAt: ctx.now,
    });
    return true;
  });
}

/** Where the e-mail of a request's link goes, in its language; null once the request is used or expired. */
export async function linkRecipient(
  db: Kysely<DB>,
  requestId: number,
  now: Date,
): Promise<{ email: string; locale: Locale } | null> {
  const request = await selectOpenRequest(db, requestId, now);
  const firstApplicant = request?.applicant_ids[0];
  if (!request || firstApplicant === undefined) return null;
  const email = await selectApplicantEmail(db, firstApplicant);
  if (!email) return null;
  return { email, locale: request.locale === 'en' ? 'en' : 'es' };
}
