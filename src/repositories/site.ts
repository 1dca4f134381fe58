import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** The texts staff changed for one language (the site falls back to its built-in text for the rest). */
export function selectSiteTexts(db: Kysely<DB>, locale: 'es' | 'en') {
  return db.selectFrom('site_texts').select(['key', 'value']).where('locale', '=', locale).execute();
}

/** Active kiosks with their city and department, optionally of one city or one department. */
export function selectActiveKiosks(
  db: Kysely<DB>,
  filter: { cityCode?: string; departmentCode?: string } = {},
) {
  return db
    .selectFrom('kiosks as k')
    .innerJoin('cities as c', 'c.code', 'k.city_code')
    .innerJoin('departments as d', 'd.code', 'c.department_code')
    .select([
      'k.id',
      'k.place_type',
      'k.name',
      'k.address',
      'k.hours_es',
      'k.hours_en',
      'k.city_code',
      'c.name as city',
      'd.code as department_code',
      'd.name as department',
    ])
    .where('k.active', '=', true)
    .$if(filter.cityCode !== undefined, (q) => q.where('k.city_code', '=', filter.cityCode as string))
    .$if(filter.departmentCode !== undefined, (q) => q.where('d.code', '=', filter.departmentCode as string))
    .orderBy('c.name')
    .orderBy('k.name')
    .orderBy('k.id')
    .execute();
}

/** Every city the site knows, with its department, for the kiosk search. */
export function selectCitiesWithDepartment(db: Kysely<DB>) {
  return db
    .selectFrom('cities as c')
    .innerJoin('departments as d', 'd.code', 'c.department_code')
    .select(['c.code', 'c.name', 'd.code as department_code', 'd.name as department'])
    .orderBy('c.name')
    .execute();
}
