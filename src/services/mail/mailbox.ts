import type { Kysely } from 'kysely';
import type { DB, StoredAttachment } from '../../db/schema.js';
import { selectMailboxMessage, selectMailboxMessages } from '../../repositories/mail.js';

/** The local mailbox of development (no SMTP_URL): what the product would have sent. */
export interface MailboxEntry {
  id: number;
  kind: string;
  to: string;
  subject: string;
  createdAt: Date;
}

export interface MailboxMessage extends MailboxEntry {
  from: string;
  messageId: string;
  locale: 'es' | 'en';
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: StoredAttachment[];
}

export async function listMailbox(db: Kysely<DB>): Promise<MailboxEntry[]> {
  const rows = await selectMailboxMessages(db);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    createdAt: r.created_at,
  }));
}

export async function getMailboxMessage(db: Kysely<DB>, id: number): Promise<MailboxMessage | undefined> {
  const r = await selectMailboxMessage(db, id);
  if (!r) return undefined;
  return {
    id: r.id,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    createdAt: r.created_at,
    from: r.from_address,
    messageId: r.message_id,
    locale: r.locale,
    text: r.text_body,
    html: r.html_body,
    headers: r.headers,
    attachments: r.attachments,
  };
}
