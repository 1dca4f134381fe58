import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OfficeScope } from '../../domain/access.js';
import { officeScopeCondition } from '../office-scope.js';

interface ServedChoice {
  procedure: string;
  channel: string;
}

export interface OfficeFilter {
  departmentCode?: string;
  cityCode?: string;
  includeInactive?: boolean;
  /** Only offices that attend the procedure by the channel: search finds nothing anywhere else. */
  serving?: ServedChoice;
}

/** The office `o` has an active capacity line of the channel for the procedure (as search requires). */
function serves({ procedure, channel }: ServedChoice): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM capacity_lines l
    JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id AND lp.procedure_code = ${procedure}
    WHERE l.office_code = o.code AND l.active AND l.channel = ${channel})`;
}

/** Offices with their city, department and the channels their active capacity lines attend. */
export function selectOffices(db: Kysely<DB>, filter: OfficeFilter = {}) {
  return db
    .selectFrom('offices as o')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .innerJoin('departments as d', 'd.code', 'c.department_code')
    .select([
      'o.code',
      'o.name',
      'o.kind',
      'o.seccional_code',
      'o.city_code',
      'c.name as city',
      'd.code as department_code',
      'd.name as department',
      'o.address',
      'o.address_illustrative',
      'o.hours_es',
      'o.hours_en',
      'o.desks',
      'o.phone',
      'o.active',
      sql<string[]>`coalesce((
        SELECT array_agg(DISTINCT l.channel ORDER BY l.channel)
        FROM capacity_lines l WHERE l.office_code = o.code AND l.active
      ), '{}')`.as('channels'),
    ])
    .$if(!filter.includeInactive, (q) => q.where('o.active', '=', true))
    .$if(filter.departmentCode !== undefined, (q) => q.where('d.code', '=', filter.departmentCode as string))
    .$if(filter.cityCode !== undefined, (q) => q.where('o.city_code', '=', filter.cityCode as string))
    .$if(filter.serving !== undefined, (q) => q.where(serves(filter.serving as ServedChoice)))
    .orderBy('d.name')
    .orderBy('c.name')
    .orderBy('o.code')
    .execute();
}

/** The offices of a staff scope, for the back office's lists. */
export function selectOfficesInScope(db: Kysely<DB>, scope: OfficeScope) {
  return db
    .selectFrom('offices as o')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .select([
      'o.code',
      'o.name',
      'o.kind',
      'o.seccional_code',
      'o.city_code',
      'c.name as city',
      'o.desks',
      'o.active',
    ])
    .where(officeScopeCondition(scope, 'o.code', 'o.seccional_code'))
    .orderBy('o.code')
    .execute();
}

export function selectOffice(db: Kysely<DB>, code: string) {
  return db.selectFrom('offices').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The offices of the codes that exist, with their seccional (what a staff scope may name). */
export function selectOfficesByCodes(db: Kysely<DB>, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('offices')
    .select(['code', 'seccional_code'])
    .where('code', 'in', [...codes])
    .execute();
}

export function selectOfficeForUpdate(db: Kysely<DB>, code: string) {
  return db.selectFrom('offices').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

/** Seccionales (offices that are their own seccional) within a scope, for the seccional select. */
export function selectSeccionales(db: Kysely<DB>, scope: OfficeScope) {
  return db
    .selectFrom('offices as o')
    .select(['o.code', 'o.name'])
    .whereRef('o.code', '=', 'o.seccional_code')
    .where(officeScopeCondition(scope, 'o.code', 'o.seccional_code'))
    .orderBy('o.code')
    .execute();
}

export function countDependentOffices(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('offices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seccional_code', '=', code)
    .where('code', '<>', code)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function countUpcomingAppointments(db: Kysely<DB>, officeCode: string, now: Date) {
  return db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('office_code', '=', officeCode)
    .where('status', 'in', ['booked', 'checked_in'])
    .where('starts_at', '>', now)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export interface OfficeValues {
  name: string;
  kind: string;
  seccional_code: string;
  city_code: string;
  address: string;
  address_illustrative: boolean;
  hours_es: string;
  hours_en: string;
  desks: number;
  phone: string | null;
  email: string | null;
  active: boolean;
}

export function insertOffice(db: Kysely<DB>, code: string, values: OfficeValues) {
  return db
    .insertInto('offices')
    .values({ code, ...values })
    .execute();
}

export function updateOffice(db: Kysely<DB>, code: string, values: Partial<OfficeValues>) {
  return db.updateTable('offices').set(values).where('code', '=', code).execute();
}
