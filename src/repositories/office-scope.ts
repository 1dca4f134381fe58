import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OfficeScope } from '../domain/access.js';

/**
 * A WHERE condition keeping only the offices of a scope, given the columns holding an office's code and
 * its seccional's code (`o.code`, `o.seccional_code`). An empty scope matches nothing.
 */
export function officeScopeCondition(
  scope: OfficeScope,
  codeColumn: string,
  seccionalColumn: string,
): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  if (scope.codes.length === 0) return sql<SqlBool>`false`;
  const column = scope.kind === 'seccionales' ? seccionalColumn : codeColumn;
  return sql<SqlBool>`${sql.ref(column)} IN (${sql.join(scope.codes)})`;
}
