import { createHmac } from 'node:crypto';

/**
 * The audit trail is a keyed hash chain: each event's hash is an HMAC-SHA256, under a key kept outside
 * the database (AUDIT_KEY), of its content and the previous event's hash. Changing, removing or
 * reordering a stored event breaks every hash after it, and someone who can write to the database but
 * has not the key cannot compute the hashes again to hide it. Removing the newest events leaves an intact
 * but shorter chain: that shows only against an anchor (the event count and head hash) kept elsewhere.
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

export function auditHash(key: string, prevHash: string, content: AuditContent): string {
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
  return createHmac('sha256', key).update(body).digest('hex');
}

export interface StoredAuditEvent extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { id: number; reason: 'prev-hash' | 'hash' } | { id: null; reason: 'anchor' };

/** What an operator keeps outside the database: how many events there were, and the last one's hash. */
export interface AuditAnchor {
  events: number;
  head: string;
}

/**
 * The first place where the chain does not hold, or null when every event is intact and in order and,
 * given an anchor, the anchored event is still there with the anchored hash.
 */
export function findChainBreak(
  key: string,
  events: Iterable<StoredAuditEvent>,
  anchor?: AuditAnchor,
): ChainBreak | null {
  let prev = GENESIS_HASH;
  let position = 0;
  let anchored = anchor === undefined || anchor.events === 0;
  for (const e of events) {
    if (e.prevHash !== prev) return { id: e.id, reason: 'prev-hash' };
    if (auditHash(key, e.prevHash, e) !== e.hash) return { id: e.id, reason: 'hash' };
    prev = e.hash;
    position += 1;
    if (anchor && position === anchor.events) anchored = e.hash === anchor.head;
  }
  return anchored ? null : { id: null, reason: 'anchor' };
}
