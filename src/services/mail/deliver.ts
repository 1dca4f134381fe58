import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OutgoingMail, PreparedMail } from '../../domain/mail.js';
import { beginDelivery, forgetDelivery, markDelivered, selectDelivery } from '../../repositories/mail.js';
import type { MailTransport } from './transport.js';

export interface DeliveryRequest {
  /**
   * What the message is about, the same on every try: `appointment-confirmed:42`. A message with a key
   * that was delivered already is not sent again.
   */
  key: string;
  kind: string;
  /** Composes the message in the delivery's transaction (it may record tokens); null sends nothing. */
  compose(db: Kysely<DB>): Promise<OutgoingMail | null>;
  /** Called right before the message leaves for the SMTP server (the job renews its lease here). */
  beforeSend?: () => Promise<void>;
  now: Date;
  from: string;
  publicUrl: string;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'nothing-to-send';

/** A Message-ID that is the same on every try of one delivery, so a receiver can tell a repeat. */
function messageIdFor(key: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'localhost';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${host}>`;
}

/**
 * Sends one message at most once per key, as far as a crash allows.
 *
 * Mailbox: the ledger row and the stored message are written in one transaction: exactly once.
 *
 * SMTP: (1) the message is composed and the ledger row written as `sending` in one transaction;
 * (2) the message goes to the server; (3) the row becomes `sent`. A try after a crash before (3) sends
 * again: if the crash came before the server's acceptance, that is the first delivery; if it came in
 * the instant between the server's acceptance and (3), the message arrives twice, with the same
 * Message-ID. That window (one round trip to the database) cannot be closed without the SMTP server
 * taking part; losing a confirmation is worse than a repeat, so the product chooses at-least-once there.
 */
export async function deliverOnce(
  db: Kysely<DB>,
  transport: MailTransport,
  request: DeliveryRequest,
): Promise<DeliveryOutcome> {
  const messageId = messageIdFor(request.key, request.publicUrl);
  const prepare = (mail: OutgoingMail): PreparedMail => ({
    ...mail,
    key: request.key,
    from: request.from,
    messageId,
    date: request.now,
  });
  const base = {
    key: request.key,
    messageId,
    kind: request.kind,
    transport: transport.kind,
    now: request.now,
  };

  if (transport.kind === 'mailbox') {
    return db.transaction().execute(async (trx) => {
      if ((await beginDelivery(trx, base)) === 'sent') return 'already-sent';
      const mail = await request.compose(trx);
      if (!mail) {
        await forgetDelivery(trx, request.key);
        return 'nothing-to-send';
      }
      await markDelivered(trx, request.key, request.now);
      await transport.send(trx, prepare(mail));
      return 'sent';
    });
  }

  const already = await selectDelivery(db, request.key);
  if (already?.status === 'sent') return 'already-sent';
  const prepared = await db.transaction().execute(async (trx) => {
    if ((await beginDelivery(trx, base)) === 'sent') return 'already-sent' as const;
    const mail = await request.compose(trx);
    if (!mail) {
      await forgetDelivery(trx, request.key);
      return null;
    }
    return prepare(mail);
  });
  if (prepared === 'already-sent') return 'already-sent';
  if (!prepared) return 'nothing-to-send';
  await request.beforeSend?.();
  await transport.send(db, prepared);
  await markDelivered(db, request.key, request.now);
  return 'sent';
}
