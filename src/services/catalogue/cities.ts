import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { selectCitiesWithDepartment } from '../../repositories/catalogue/cities.js';

export interface CityOption {
  code: string;
  name: string;
  department: string;
}

export function toCityOption(c: CityOption): CityOption {
  return { code: c.code, name: c.name, department: c.department };
}

/** Every city with its department, for the forms that ask for one. */
export async function cityOptions(db: Kysely<DB>): Promise<CityOption[]> {
  return (await selectCitiesWithDepartment(db)).map(toCityOption);
}
