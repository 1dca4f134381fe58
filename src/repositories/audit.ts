import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OfficeScope } from '../domain/access.js';
import type { AuditContent } from '../domain/audit-chain.js';
import { officeScopeCondition } from './office-scope.js';

/** Any number; it only has to be the same everywhere the chain is appended to. */
const AUDIT_CHAIN_LOCK = 7_311_0001;

/**
 * Serialises appenders of the audit chain (several processes included) until the caller's transaction
 * ends, so each event links to the true previous one.
 */
export async function lockAuditChain(trx: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
}

export async function selectLastAuditHash(db: Kysely<DB>): Promise<string | undefined> {
  const last = await db
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.hash;
}

export type NewAuditEvent = AuditContent & { prevHash: string; hash: string };

export async function insertAuditEvent(db: Kysely<DB>, e: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: e.occurredAt,
      actor_staff_id: e.actorStaffId,
      actor: e.actor,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      office_code: e.officeCode,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      prev_hash: e.prevHash,
      hash: e.hash,
    })
    .execute();
}

/** The whole chain in order (verification reads every event). */
export function selectAllAuditEvents(db: Kysely<DB>) {
  return db.selectFrom('audit_events').selectAll().orderBy('id').execute();
}

export interface AuditFilter {
  entityType?: string;
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  scope: OfficeScope;
}

function filtered(db: Kysely<DB>, f: AuditFilter) {
  return db
    .selectFrom('audit_events as e')
    .$if(f.entityType !== undefined, (q) => q.where('e.entity_type', '=', f.entityType as string))
    .$if(f.action !== undefined, (q) => q.where('e.action', '=', f.action as string))
    .$if(f.from !== undefined, (q) => q.where('e.occurred_at', '>=', f.from as Date))
    .$if(f.to !== undefined, (q) => q.where('e.occurred_at', '<', f.to as Date))
    .$if(f.scope.kind !== 'all', (q) =>
      // Scoped readers see the events of their offices only (events without an office are national).
      q.where('e.office_code', 'in', (eb) =>
        eb
          .selectFrom('offices as o')
          .select('o.code')
          .where(officeScopeCondition(f.scope, 'o.code', 'o.seccional_code')),
      ),
    );
}

export function selectAuditPage(
  db: Kysely<DB>,
  f: AuditFilter,
  { limit, offset }: { limit: number; offset: number },
) {
  return filtered(db, f)
    .selectAll('e')
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function countAudit(db: Kysely<DB>, f: AuditFilter) {
  return filtered(db, f)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function selectDistinctEntityTypes(db: Kysely<DB>) {
  return db
    .selectFrom('audit_events')
    .select('entity_type')
    .distinct()
    .orderBy('entity_type')
    .execute()
    .then((rows) => rows.map((r) => r.entity_type));
}

export function selectDistinctActions(db: Kysely<DB>) {
  return db
    .selectFrom('audit_events')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute()
    .then((rows) => rows.map((r) => r.action));
}
