import { type Kysely, sql } from 'kysely';
import type { DB, MailTransportKind } from '../db/schema.js';
import type { PreparedMail } from '../domain/mail.js';

export function selectDelivery(db: Kysely<DB>, key: string) {
  return db.selectFrom('mail_deliveries').select(['key', 'status']).where('key', '=', key).executeTakeFirst();
}

/**
 * Records that a message is about to be handed to the transport, or counts another try of one that
 * was. Returns the row's status after the call and locks it until the caller's transaction ends.
 */
export async function beginDelivery(
  db: Kysely<DB>,
  {
    key,
    messageId,
    kind,
    transport,
    now,
  }: { key: string; messageId: string; kind: string; transport: MailTransportKind; now: Date },
): Promise<'sending' | 'sent'> {
  const row = await db
    .insertInto('mail_deliveries')
    .values({ key, message_id: messageId, kind, transport, status: 'sending', created_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ attempts: eb('mail_deliveries.attempts', '+', 1) })),
    )
    .returning('status')
    .executeTakeFirstOrThrow();
  return row.status;
}

export async function markDelivered(db: Kysely<DB>, key: string, now: Date): Promise<void> {
  await db
    .updateTable('mail_deliveries')
    .set({ status: 'sent', sent_at: now })
    .where('key', '=', key)
    .where('status', '=', 'sending')
    .execute();
}

/** Drops the ledger row of a message that turned out to have nothing to send. */
export async function forgetDelivery(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('mail_deliveries').where('key', '=', key).execute();
}

export async function insertMailboxMessage(db: Kysely<DB>, mail: PreparedMail): Promise<void> {
  await db
    .insertInto('mail_messages')
    .values({
      delivery_key: mail.key,
      message_id: mail.messageId,
      kind: mail.kind,
      locale: mail.locale,
      from_address: mail.from,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      attachments: JSON.stringify(mail.attachments ?? []),
      created_at: mail.date,
    })
    .execute();
}

export function selectMailboxMessages(db: Kysely<DB>, limit = 200) {
  return db
    .selectFrom('mail_messages')
    .select(['id', 'kind', 'to_address', 'subject', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function selectMailboxMessage(db: Kysely<DB>, id: number) {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteOldDeliveries(db: Kysely<DB>, before: Date): Promise<number> {
  const rows = await db
    .deleteFrom('mail_deliveries')
    .where('created_at', '<', before)
    .where('status', '=', 'sent')
    .returning('key')
    .execute();
  return rows.length;
}

/**
 * An appointment with everything its e-mails say. The document number never leaves the database whole:
 * only its last three characters are selected.
 */
export function selectAppointmentForMail(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('applicants as p', 'p.id', 'a.applicant_id')
    .innerJoin('procedures as pr', 'pr.code', 'a.procedure_code')
    .innerJoin('offices as o', 'o.code', 'a.office_code')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .innerJoin('channels as ch', 'ch.code', 'a.channel')
    .select([
      'a.id',
      'a.code',
      'a.status',
      'a.cancel_reason',
      'a.starts_at',
      'a.ends_at',
      'a.locale',
      'a.created_at',
      'a.cancelled_at',
      'a.video_room',
      'a.rescheduled_from_id',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.document_type',
      sql<string>`right(p.document_number, 3)`.as('document_last3'),
      'p.company_name',
      'p.anonymised_at',
      'pr.code as procedure_code',
      'pr.name_es as procedure_name_es',
      'pr.name_en as procedure_name_en',
      'pr.requirements_es',
      'pr.requirements_en',
      'ch.code as channel_code',
      'ch.name_es as channel_name_es',
      'ch.name_en as channel_name_en',
      'ch.remote as channel_remote',
      'ch.description_es as channel_description_es',
      'ch.description_en as channel_description_en',
      'o.code as office_code',
      'o.name as office_name',
      'o.address as office_address',
      'o.email as office_email',
      'o.phone as office_phone',
      'o.hours_es as office_hours_es',
      'o.hours_en as office_hours_en',
      'c.name as city_name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
