import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import {
  type AuditAnchor,
  type AuditContent,
  auditHash,
  type ChainBreak,
  findChainBreak,
  GENESIS_HASH,
  type StoredAuditEvent,
} from '../../domain/audit-chain.js';
import * as repo from '../../repositories/audit.js';
import { auditKey } from './audit-key.js';

/** `occurredAt` is the caller's `now`, from the app's clock (never the database's). */
export type AuditInput = AuditContent;

/**
 * Appends an event to the audit trail inside the caller's transaction, so the event exists exactly when
 * the change it describes commits. The chain's lock makes each event link to the true previous one.
 */
export async function recordAudit(trx: Kysely<DB>, input: AuditInput): Promise<void> {
  await repo.lockAuditChain(trx);
  const prevHash = (await repo.selectLastAuditHash(trx)) ?? GENESIS_HASH;
  // Stored timestamps keep microseconds at most; hashing milliseconds keeps the hash reproducible.
  const content: AuditContent = { ...input, occurredAt: new Date(Math.floor(input.occurredAt.getTime())) };
  await repo.insertAuditEvent(trx, { ...content, prevHash, hash: auditHash(auditKey(), prevHash, content) });
}

/**
 * Reads the whole chain in order and reports the first break, or null when it is intact (and, given an
 * anchor kept outside the database, still holds the anchored event); with the count and the head hash to
 * anchor next time.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  anchor?: AuditAnchor,
): Promise<{ events: number; head: string | null; break: ChainBreak | null }> {
  const rows = await repo.selectAllAuditEvents(db);
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
  return {
    events: events.length,
    head: events.at(-1)?.hash ?? null,
    break: findChainBreak(auditKey(), events, anchor),
  };
}

/** Who and when of an event that a staff member (or the system) causes at `now`. */
export function auditedAs(
  actor: Actor,
  now: Date,
): Pick<AuditInput, 'occurredAt' | 'actorStaffId' | 'actor'> {
  return { occurredAt: now, actorStaffId: actor.staffId, actor: actor.label };
}
