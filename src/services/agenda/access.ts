import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requireOfficeInScope, requirePermission } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import type { Permission } from '../../domain/roles.js';
import { selectLine } from '../../repositories/agenda/lines.js';

export type LineRow = NonNullable<Awaited<ReturnType<typeof selectLine>>>;

/**
 * A capacity line the actor may work on: the permission first, then the office scope, so a line of
 * another seccional answers FORBIDDEN whatever the request (NOT_FOUND when it does not exist).
 */
export async function lineForActor(
  db: Kysely<DB>,
  actor: Actor,
  lineId: number,
  permission: Permission,
): Promise<LineRow> {
  requirePermission(actor, permission);
  const line = Number.isSafeInteger(lineId) ? await selectLine(db, lineId) : undefined;
  if (!line) throw notFound();
  requireOfficeInScope(actor, { code: line.office_code, seccionalCode: line.seccional_code });
  return line;
}

/** Reads an id from a path parameter: NaN (and so NOT_FOUND) for anything but a positive integer. */
export function idParam(raw: string): number {
  return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : Number.NaN;
}
