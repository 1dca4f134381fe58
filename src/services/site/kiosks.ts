import type { Kysely } from 'kysely';
import type { DB, KioskPlaceType } from '../../db/schema.js';
import type { Locale } from '../../i18n/index.js';
import { selectActiveKiosks, selectCitiesWithDepartment } from '../../repositories/site.js';

export interface KioskView {
  id: number;
  placeType: KioskPlaceType;
  name: string;
  address: string;
  hours: string;
  cityCode: string;
  city: string;
  department: string;
}

export interface CityOption {
  code: string;
  name: string;
  department: string;
}

export interface KioskSearch {
  cities: CityOption[];
  /** The city searched for, when one was given and it exists. */
  city: CityOption | null;
  /** A code that names no city: the form says so instead of showing everything. */
  unknownCity: boolean;
  kiosks: KioskView[];
  /** When the city has none: the kiosks of its department. */
  nearby: KioskView[];
}

type KioskRow = Awaited<ReturnType<typeof selectActiveKiosks>>[number];

function toView(row: KioskRow, locale: Locale): KioskView {
  return {
    id: row.id,
    placeType: row.place_type,
    name: row.name,
    address: row.address,
    hours: locale === 'en' ? row.hours_en : row.hours_es,
    cityCode: row.city_code,
    city: row.city,
    department: row.department,
  };
}

/**
 * The kiosk locator: every active kiosk, or those of one city; a city without kiosks gets the ones of
 * its department instead of an empty page.
 */
export async function findKiosks(db: Kysely<DB>, locale: Locale, cityCode?: string): Promise<KioskSearch> {
  const cityRows = await selectCitiesWithDepartment(db);
  const cities = cityRows.map((c) => ({ code: c.code, name: c.name, department: c.department }));
  if (cityCode === undefined || cityCode === '') {
    const all = await selectActiveKiosks(db);
    return { cities, city: null, unknownCity: false, kiosks: all.map((k) => toView(k, locale)), nearby: [] };
  }
  const row = cityRows.find((c) => c.code === cityCode);
  if (!row) return { cities, city: null, unknownCity: true, kiosks: [], nearby: [] };
  const city = { code: row.code, name: row.name, department: row.department };
  const kiosks = (await selectActiveKiosks(db, { cityCode: row.code })).map((k) => toView(k, locale));
  const nearby =
    kiosks.length === 0
      ? (await selectActiveKiosks(db, { departmentCode: row.department_code })).map((k) => toView(k, locale))
      : [];
  return { cities, city, unknownCity: false, kiosks, nearby };
}
