import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Every city with its department, for the forms and the kiosk search that offer a city. */
export function selectCitiesWithDepartment(db: Kysely<DB>) {
  return db
    .selectFrom('cities as c')
    .innerJoin('departments as d', 'd.code', 'c.department_code')
    .select(['c.code', 'c.name', 'd.code as department_code', 'd.name as department'])
    .orderBy('c.name')
    .orderBy('d.name')
    .execute();
}

export function cityExists(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('cities')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}
