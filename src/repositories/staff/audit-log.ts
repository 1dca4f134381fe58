import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OfficeScope } from '../../domain/access.js';

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
          .where(
            f.scope.kind === 'seccionales' ? 'o.seccional_code' : 'o.code',
            'in',
            f.scope.kind === 'all' || f.scope.codes.length === 0 ? [''] : [...f.scope.codes],
          ),
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
