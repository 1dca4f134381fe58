import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import type { Locale } from '../../i18n/index.js';
import { enqueue } from '../../jobs/queue.js';
import { cancelAppointmentInTransaction, normaliseLookupDocument } from '../appointments.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { anonymiseApplicants } from './anonymise.js';

/**
 * The rights of a data subject (Ley 1581 de 2012): to know what is held about them and to ask for its
 * deletion. A person proves they own the data by a link sent to the e-mail on record; the answer to the
 * request never says whether anything was found, so the form cannot be used to probe who booked.
 */
const LINK_LIFETIME_MS = 60 * 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function requestDataAccess(
  db: Kysely<DB>,
  r: { documentNumber: string; email: string; locale: Locale; now: Date },
): Promise<void> {
  const document = normaliseLookupDocument(r.documentNumber);
  const email = r.email.trim().toLowerCase();
  if (!document || !email) return;
  await transaction(db, async (trx) => {
    const applicants = await trx
      .selectFrom('applicants')
      .select('id')
      .where('document_number', '=', document)
      .where('email', '=', email)
      .where('anonymised_at', 'is', null)
      .execute();
    if (applicants.length === 0) return;
    const token = randomBytes(24).toString('base64url');
    const request = await trx
      .insertInto('data_subject_requests')
      .values({
        token_hash: hashToken(token),
        applicant_ids: applicants.map((a) => a.id),
        locale: r.locale,
        expires_at: new Date(r.now.getTime() + LINK_LIFETIME_MS),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The token travels to the mailer in the job; it is useless after an hour.
    await enqueue(trx, { name: 'mail.data-subject-link', payload: { requestId: request.id, token } });
  });
}

async function openRequest(db: Kysely<DB>, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  return db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
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
    status: string;
    startsAt: Date;
    officeCode: string;
    channel: string;
  }[];
  consents: { policyVersion: string; purposes: string[]; channel: string; acceptedAt: Date }[];
}

/** Everything held about the person behind a valid link; undefined when the link is invalid or used. */
export async function viewSubjectData(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<SubjectData | undefined> {
  const request = await openRequest(db, token, now);
  if (!request) return undefined;
  const ids = request.applicant_ids;
  const applicants = await db
    .selectFrom('applicants')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  const appointments = await db
    .selectFrom('appointments')
    .select(['code', 'procedure_code', 'status', 'starts_at', 'office_code', 'channel'])
    .where('applicant_id', 'in', ids)
    .orderBy('starts_at')
    .execute();
  const consents = await db
    .selectFrom('consents')
    .selectAll()
    .where('applicant_id', 'in', ids)
    .orderBy('accepted_at')
    .execute();
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
      status: a.status,
      startsAt: a.starts_at,
      officeCode: a.office_code,
      channel: a.channel,
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
export async function deleteSubjectData(ctx: ServiceContext, token: string): Promise<boolean> {
  const request = await openRequest(ctx.db, token, ctx.now);
  if (!request) return false;
  return transaction(ctx.db, async (trx) => {
    const claimed = await trx
      .updateTable('data_subject_requests')
      .set({ deleted_at: ctx.now })
      .where('id', '=', request.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    const future = await trx
      .selectFrom('appointments')
      .select(['id', 'slot_id', 'reserved'])
      .where('applicant_id', 'in', request.applicant_ids)
      .where('status', '=', 'booked')
      .where('starts_at', '>', ctx.now)
      .orderBy('slot_id')
      .forUpdate()
      .execute();
    for (const appointment of future) await cancelAppointmentInTransaction(trx, appointment, 'privacy', ctx);
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
