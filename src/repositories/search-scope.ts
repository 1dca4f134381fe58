import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The catalogue facts a search is checked against before any slot is read: whether a procedure is booked
 * and through which channels, which offices are open, which cities make up a department.
 */
export function selectProcedureBooking(db: Kysely<DB>, procedure: string) {
  return db
    .selectFrom('procedures')
    .select(['requires_appointment', 'channels', 'active'])
    .where('code', '=', procedure)
    .executeTakeFirst();
}

export async function isActiveOffice(db: Kysely<DB>, officeCode: string): Promise<boolean> {
  const office = await db
    .selectFrom('offices')
    .select('code')
    .where('code', '=', officeCode)
    .where('active', '=', true)
    .executeTakeFirst();
  return office !== undefined;
}

export async function hasActiveOffices(db: Kysely<DB>, cityCode: string): Promise<boolean> {
  const office = await db
    .selectFrom('offices')
    .select('code')
    .where('city_code', '=', cityCode)
    .where('active', '=', true)
    .executeTakeFirst();
  return office !== undefined;
}

export async function selectCityCodesOf(db: Kysely<DB>, departmentCode: string): Promise<string[]> {
  const cities = await db
    .selectFrom('cities')
    .select('code')
    .where('department_code', '=', departmentCode)
    .execute();
  return cities.map((c) => c.code);
}

/** The city of an office, active or not (a closed office's appointments still have a place). */
export async function selectOfficeCity(db: Kysely<DB>, officeCode: string): Promise<string | undefined> {
  const office = await db
    .selectFrom('offices')
    .select('city_code')
    .where('code', '=', officeCode)
    .executeTakeFirst();
  return office?.city_code;
}
