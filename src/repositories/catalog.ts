import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export function selectProcedures(db: Kysely<DB>, { includeInactive = false } = {}) {
  return db
    .selectFrom('procedures')
    .selectAll()
    .$if(!includeInactive, (q) => q.where('active', '=', true))
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function selectProcedure(db: Kysely<DB>, code: string) {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface ServedChoice {
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

export function selectDepartments(db: Kysely<DB>) {
  return db.selectFrom('departments').selectAll().orderBy('name').execute();
}

export function selectCities(db: Kysely<DB>, departmentCode?: string) {
  return db
    .selectFrom('cities')
    .selectAll()
    .$if(departmentCode !== undefined, (q) => q.where('department_code', '=', departmentCode as string))
    .orderBy('name')
    .execute();
}

export function selectChannels(db: Kysely<DB>) {
  return db.selectFrom('channels').selectAll().orderBy('sort_order').execute();
}
