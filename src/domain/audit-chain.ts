import { createHash } from 'node:crypto';

/**
 * The audit trail is a hash chain: each event's hash covers its content and the previous event's hash,
 * so changing, removing or reordering any stored event breaks every hash after it.
 */
export interface AuditContent {
  occurredAt: Date;
  actorStaffId: number | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  officeCode: string | null;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so that the same content always hashes the same on both engines. */
function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({
    prev: prevHash,
    at: content.occurredAt.toISOString(),
    actorStaffId: content.actorStaffId,
    actor: content.actor,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    officeCode: content.officeCode,
    before: content.before ?? null,
    after: content.after ?? null,
  });
  return createHash('sha256').update(body).digest('hex');
}

export interface StoredAuditEvent extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { id: number; reason: 'prev-hash' | 'hash' };

/** The first place where the chain does not hold, or null when every event is intact and in order. */
export function findChainBreak(events: Iterable<StoredAuditEvent>): ChainBreak | null {
  let prev = GENESIS_HASH;
  for (const e of events) {
    if (e.prevHash !== prev) return { id: e.id, reason: 'prev-hash' };
    if (auditHash(e.prevHash, e) !== e.hash) return { id: e.id, reason: 'hash' };
    prev = e.hash;
  }
  return null;
}
