import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StaffScope } from '../../domain/access.js';
import { CHANNELS } from '../../domain/channels.js';
import type { FormReader } from '../../domain/form-reader.js';
import type { StaffRole } from '../../domain/roles.js';
import { selectOfficesByCodes } from '../../repositories/catalogue/offices.js';

const SCOPE_ITEM = new RegExp(`^(\\d{2,4})(?::(${CHANNELS.join('|')}))?$`);

/**
 * Reads the offices field ("32, 3201:video"): a seccional administrator names seccionales, a desk
 * officer offices, each optionally limited to one channel; other roles have no scope.
 */
export async function readScopes(
  db: Kysely<DB>,
  form: FormReader,
  role: StaffRole | null,
  text: string,
): Promise<StaffScope[]> {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (role === null) return [];
  if (role !== 'admin_seccional' && role !== 'funcionario') {
    if (items.length > 0) form.fail('offices', 'admin.staff.scopeNotForRole');
    return [];
  }
  if (items.length === 0) {
    form.fail('offices', 'admin.staff.scopeRequired');
    return [];
  }
  if (items.length > 50) {
    form.fail('offices', 'admin.field.tooManyLines', { max: 50 });
    return [];
  }
  const scopes: StaffScope[] = [];
  for (const item of items) {
    const match = SCOPE_ITEM.exec(item);
    if (!match?.[1]) {
      form.fail('offices', 'admin.staff.scopeFormat', { item });
      return [];
    }
    const channel = match[2] ?? null;
    if (role === 'admin_seccional' && channel !== null) {
      form.fail('offices', 'admin.staff.scopeNoChannel');
      return [];
    }
    if (!scopes.some((s) => s.officeCode === match[1] && s.channel === channel))
      scopes.push({ officeCode: match[1], channel });
  }
  const codes = [...new Set(scopes.map((s) => s.officeCode))];
  const offices = await selectOfficesByCodes(db, codes);
  for (const code of codes) {
    const office = offices.find((o) => o.code === code);
    if (!office) {
      form.fail('offices', 'admin.staff.scopeUnknown', { item: code });
      return [];
    }
    if (role === 'admin_seccional' && office.seccional_code !== office.code) {
      form.fail('offices', 'admin.staff.scopeNotSeccional', { item: code });
      return [];
    }
  }
  return scopes;
}

/** A scope as the offices field writes it: `3201`, or `3201:video` when limited to one channel. */
export function scopeLabel(scope: StaffScope): string {
  return scope.channel ? `${scope.officeCode}:${scope.channel}` : scope.officeCode;
}
