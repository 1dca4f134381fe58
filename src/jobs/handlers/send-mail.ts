import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OutgoingMail } from '../../domain/mail.js';
import { type DeliveryOutcome, deliverOnce } from '../../services/mail/deliver.js';
import type { JobContext } from '../handler.js';

/** Sends one message of a job through the delivery ledger, renewing the job's lease right before SMTP. */
export function sendMail(
  ctx: JobContext,
  key: string,
  kind: string,
  compose: (db: Kysely<DB>) => Promise<OutgoingMail | null>,
): Promise<DeliveryOutcome> {
  return deliverOnce(ctx.db, ctx.mail, {
    key,
    kind,
    compose,
    beforeSend: ctx.renewLease,
    now: ctx.now,
    from: ctx.config.mailFrom,
    publicUrl: ctx.config.publicUrl,
  });
}
