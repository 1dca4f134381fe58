import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, KiosksTable } from '../../db/schema.js';

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

/** Every kiosk, active or not, for the back office's list. */
export function selectAllKiosks(db: Kysely<DB>) {
  return db
    .selectFrom('kiosks as k')
    .innerJoin('cities as c', 'c.code', 'k.city_code')
    .select([
      'k.id',
      'k.place_type',
      'k.name',
      'k.address',
      'k.city_code',
      'c.name as city',
      'k.hours_es',
      'k.active',
    ])
    .orderBy('c.name')
    .orderBy('k.name')
    .execute();
}

export function selectKiosk(db: Kysely<DB>, id: number) {
  return db.selectFrom('kiosks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectKioskForUpdate(db: Kysely<DB>, id: number) {
  return db.selectFrom('kiosks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertKiosk(db: Kysely<DB>, values: Insertable<KiosksTable>) {
  return db
    .insertInto('kiosks')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
}

export function updateKiosk(db: Kysely<DB>, id: number, values: Updateable<KiosksTable>) {
  return db.updateTable('kiosks').set(values).where('id', '=', id).execute();
}
