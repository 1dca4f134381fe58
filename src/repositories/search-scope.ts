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

/** Whether an active office is there: the office of that code, or any office of that city. */
export async function hasActiveOffice(
  db: Kysely<DB>,
  where: { officeCode: string } | { cityCode: string },
): Promise<boolean> {
  const [column, value] =
    'officeCode' in where ? (['code', where.officeCode] as const) : (['city_code', where.cityCode] as const);
  const office = await db
    .selectFrom('offices')
    .select('code')
    .where(column, '=', value)
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
