import type { Kysely } from 'kysely';
import type { AlertTokenPurpose, DB } from '../../db/schema.js';

/** SQL of the links of alert e-mails (confirm, unsubscribe, claim): only their hashes are stored. */

export async function insertToken(
  db: Kysely<DB>,
  t: {
    hash: string;
    subscriptionId: number;
    purpose: AlertTokenPurpose;
    offerId?: number;
    now: Date;
    expiresAt?: Date;
  },
): Promise<void> {
  await db
    .insertInto('alert_tokens')
    .values({
      token_hash: t.hash,
      subscription_id: t.subscriptionId,
      purpose: t.purpose,
      offer_id: t.offerId ?? null,
      created_at: t.now,
      expires_at: t.expiresAt ?? null,
    })
    .execute();
}

export function selectToken(db: Kysely<DB>, hash: string, purpose: AlertTokenPurpose) {
  return db
    .selectFrom('alert_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

export async function deleteExpiredTokens(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('alert_tokens').where('expires_at', '<', now).execute();
}
