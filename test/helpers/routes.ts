import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { App } from '../../src/http/types.js';

export interface RegisteredRoute {
  method: string;
  /** Fastify's pattern, e.g. `/admin/oficinas/:code`. */
  path: string;
}

/**
 * Every route the app has, read from Fastify's own route tree (so routes added later are covered
 * without touching the tests). HEAD routes Fastify adds for each GET are left out.
 */
export function registeredRoutes(app: App): RegisteredRoute[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─ ]*)(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match?.[2]) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2]);
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') routes.push({ method, path });
    }
  }
  return routes;
}

/** A route pattern with its parameters filled in (encoded). */
export function fillPath(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? name));
}

export interface PageForm {
  action: string;
  method: string;
  fields: string[];
}

/** The forms of a page with the names of their fields (hidden ones included), as a browser would post. */
export function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1] ?? '';
    const action = /\saction="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const method = (/\smethod="([^"]*)"/.exec(attrs)?.[1] ?? 'get').toLowerCase();
    const names = [...(m[2] ?? '').matchAll(/<(?:input|select|textarea)\b[^>]*\sname="([^"]+)"/g)].map(
      (n) => n[1] ?? '',
    );
    forms.push({ action: action.replace(/&amp;/g, '&'), method, fields: [...new Set(names)] });
  }
  return forms;
}

/** Tables whose changes are no sign of a stored request: bookkeeping of sessions, limits and migrations. */
const BOOKKEEPING = new Set([
  'staff_sessions',
  'rate_limit_counters',
  'pow_redemptions',
  'schema_migrations',
]);

/**
 * A digest of every table: its row count and the newest transaction that wrote one of its rows
 * (PostgreSQL's `xmin`), so any insert, update or delete shows, while a rolled-back write does not. New
 * tables are included automatically.
 */
export async function databaseFingerprint(db: Kysely<DB>): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const names = tables.rows.map((r) => r.name).filter((n) => !BOOKKEEPING.has(n));
  const parts = names.map(
    (n) =>
      sql`SELECT ${n}::text AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS digest FROM ${sql.table(n)}`,
  );
  const rows = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((k) => before.get(k) !== after.get(k));
}
