import type { Kysely, Selectable } from 'kysely';
import type { DB, KioskPlaceType, KiosksTable } from '../../db/schema.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import type { Locale } from '../../i18n/index.js';
import { cityExists, selectCitiesWithDepartment } from '../../repositories/catalogue/cities.js';
import * as repo from '../../repositories/catalogue/kiosks.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { type CityOption, toCityOption } from './cities.js';

export const KIOSK_PLACE_TYPES: readonly KioskPlaceType[] = [
  'camara_comercio',
  'centro_comercial',
  'alcaldia',
  'otro',
];

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

type KioskRow = Awaited<ReturnType<typeof repo.selectActiveKiosks>>[number];

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
  const cities = cityRows.map(toCityOption);
  if (cityCode === undefined || cityCode === '') {
    const all = await repo.selectActiveKiosks(db);
    return { cities, city: null, unknownCity: false, kiosks: all.map((k) => toView(k, locale)), nearby: [] };
  }
  const row = cityRows.find((c) => c.code === cityCode);
  if (!row) return { cities, city: null, unknownCity: true, kiosks: [], nearby: [] };
  const city = toCityOption(row);
  const kiosks = (await repo.selectActiveKiosks(db, { cityCode: row.code })).map((k) => toView(k, locale));
  const nearby =
    kiosks.length === 0
      ? (await repo.selectActiveKiosks(db, { departmentCode: row.department_code })).map((k) =>
          toView(k, locale),
        )
      : [];
  return { cities, city, unknownCity: false, kiosks, nearby };
}

export type KioskListItem = Awaited<ReturnType<typeof repo.selectAllKiosks>>[number];

export async function listKiosksForStaff(db: Kysely<DB>, actor: Actor): Promise<KioskListItem[]> {
  requirePermission(actor, 'site.view');
  return repo.selectAllKiosks(db);
}

export async function getKioskForStaff(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<Selectable<KiosksTable>> {
  requirePermission(actor, 'site.view');
  const row = await repo.selectKiosk(db, id);
  if (!row) throw notFound();
  return row;
}

interface KioskValues {
  place_type: KioskPlaceType;
  name: string;
  address: string;
  city_code: string;
  hours_es: string;
  hours_en: string;
  active: boolean;
}

async function readKiosk(db: Kysely<DB>, form: FormReader): Promise<KioskValues> {
  const values = {
    place_type: form.choice('placeType', KIOSK_PLACE_TYPES) as KioskPlaceType,
    name: form.text('name', { min: 3, max: 200 }),
    address: form.text('address', { min: 3, max: 300 }),
    city_code: form.text('city', { pattern: /^\d{5}$/ }),
    hours_es: form.text('hoursEs', { max: 200 }),
    hours_en: form.text('hoursEn', { max: 200 }),
    active: form.checkbox('active'),
  };
  if (!form.has('city') && values.city_code !== '' && !(await cityExists(db, values.city_code)))
    form.fail('city', 'admin.office.cityUnknown');
  form.done();
  return values;
}

const kioskAudit = (k: KioskValues) => ({
  placeType: k.place_type,
  name: k.name,
  address: k.address,
  cityCode: k.city_code,
  hoursEs: k.hours_es,
  hoursEn: k.hours_en,
  active: k.active,
});

export async function createKiosk(
  db: Kysely<DB>,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<number> {
  requirePermission(actor, 'site.manage');
  const values = await readKiosk(db, new FormReader(input));
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertKiosk(trx, values);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'kiosk.create',
      entityType: 'kiosk',
      entityId: String(id),
      officeCode: null,
      before: null,
      after: kioskAudit(values),
    });
    return id;
  });
}

export async function updateKiosk(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: FormInput,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'site.manage');
  const values = await readKiosk(db, new FormReader(input));
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectKioskForUpdate(trx, id);
    if (!before) throw notFound();
    await repo.updateKiosk(trx, id, values);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'kiosk.update',
      entityType: 'kiosk',
      entityId: String(id),
      officeCode: null,
      before: kioskAudit(before),
      after: kioskAudit(values),
    });
  });
}
