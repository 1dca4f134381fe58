import type { Kysely } from 'kysely';
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
