import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  type AuditContent,
  auditHash,
  type ChainBreak,
  findChainBreak,
  GENESIS_HASH,
  type StoredAuditEvent,
} from '../domain/audit-chain.js';

/** Any number; it only has to be the same everywhere the chain is appended to. */
const AUDIT_CHAIN_LOCK = 7_311_0001;

/** `occurredAt` is the caller's `now`, from the app's clock (never the database's). */
export type AuditInput = AuditContent;

/**
 * Appends an event to the audit trail inside the caller's transaction, so the event exists exactly when
 * the change it describes commits. The advisory lock serialises appenders (several processes included)
 * so each event links to the true previous one.
 */
export async function recordAudit(trx: Kysely<DB>, input: AuditInput): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Stored timestamps keep microseconds at most; hashing milliseconds keeps the hash reproducible.
  const content: AuditContent = { ...input, occurredAt: new Date(Math.floor(input.occurredAt.getTime())) };
  await trx
    .insertInto('audit_events')
    .values({
      occurred_at: content.occurredAt,
      actor_staff_id: content.actorStaffId,
      actor: content.actor,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      office_code: content.officeCode,
      before: content.before === undefined || content.before === null ? null : JSON.stringify(content.before),
      after: content.after === undefined || content.after === null ? null : JSON.stringify(content.after),
      prev_hash: prevHash,
      hash: auditHash(prevHash, content),
    })
    .execute();
}

/** Reads the whole chain in order and reports the first break, or null when it is intact. */
export async function verifyAuditChain(
  db: Kysely<DB>,
): Promise<{ events: number; break: ChainBreak | null }> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const events: StoredAuditEvent[] = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorStaffId: r.actor_staff_id,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    officeCode: r.office_code,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  return { events: events.length, break: findChainBreak(events) };
}
