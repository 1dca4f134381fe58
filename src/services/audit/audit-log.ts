import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, officeScopeOf, requirePermission } from '../../domain/access.js';
import { addDays, instantAt, isCivilDate } from '../../domain/civil-time.js';
import type { FieldError } from '../../domain/errors.js';
import * as repo from '../../repositories/audit.js';

const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  entity?: string;
  action?: string;
  /** Bogotá civil dates, both included. */
  from?: string;
  to?: string;
  page?: number;
}

export interface AuditEventView {
  id: number;
  occurredAt: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  officeCode: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface AuditPage {
  events: AuditEventView[];
  page: number;
  pages: number;
  total: number;
  entityTypes: string[];
  actions: string[];
  /** Filter values that could not be used (the page shows them next to their fields). */
  errors: FieldError[];
}

/** What changed between two snapshots, one line per field (all fields when one side is missing). */
function changesOf(before: unknown, after: unknown): AuditEventView['changes'] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((f) => ({ field: f, before: b[f], after: a[f] }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toView(r: Awaited<ReturnType<typeof repo.selectAuditPage>>[number]): AuditEventView {
  return {
    id: r.id,
    occurredAt: r.occurred_at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    officeCode: r.office_code,
    changes: changesOf(r.before, r.after),
  };
}

/** The latest events the actor may see (the dashboard's list). */
export async function recentAudit(db: Kysely<DB>, actor: Actor, limit: number): Promise<AuditEventView[]> {
  requirePermission(actor, 'audit.view');
  const rows = await repo.selectAuditPage(db, { scope: officeScopeOf(actor) }, { limit, offset: 0 });
  return rows.map(toView);
}

/**
 * A real date within the years the trail can hold: a year like 9999 is a typing slip, and past the
 * range of the database's timestamps it would fail the query instead of being a field error.
 */
function isAuditDate(value: string): boolean {
  if (!isCivilDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 2000 && year <= 2200;
}

/**
 * A page of the audit trail, newest first, filtered by entity, action and Bogotá dates. Seccional
 * administrators see only the events of their offices.
 */
export async function browseAudit(db: Kysely<DB>, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  requirePermission(actor, 'audit.view');
  const errors: FieldError[] = [];
  const from = query.from?.trim() || undefined;
  const to = query.to?.trim() || undefined;
  if (from !== undefined && !isAuditDate(from)) errors.push({ field: 'from', key: 'admin.field.date' });
  if (to !== undefined && !isAuditDate(to)) errors.push({ field: 'to', key: 'admin.field.date' });
  if (errors.length === 0 && from !== undefined && to !== undefined && to < from)
    errors.push({ field: 'to', key: 'admin.audit.toBeforeFrom' });
  const filter: repo.AuditFilter = {
    scope: officeScopeOf(actor),
    ...(query.entity ? { entityType: query.entity } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(errors.length === 0 && from ? { from: instantAt(from, 0) } : {}),
    ...(errors.length === 0 && to ? { to: instantAt(addDays(to, 1), 0) } : {}),
  };
  const total = await repo.countAudit(db, filter);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1)), pages);
  const rows = await repo.selectAuditPage(db, filter, {
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  return {
    events: rows.map(toView),
    page,
    pages,
    total,
    entityTypes: await repo.selectDistinctEntityTypes(db),
    actions: await repo.selectDistinctActions(db),
    errors,
  };
}
