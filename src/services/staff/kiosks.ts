import type { Kysely, Selectable } from 'kysely';
import type { DB, KioskPlaceType, KiosksTable } from '../../db/schema.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import * as repo from '../../repositories/staff/catalog.js';
import { auditedAs, recordAudit } from '../audit/trail.js';

export const KIOSK_PLACE_TYPES: readonly KioskPlaceType[] = [
  'camara_comercio',
  'centro_comercial',
  'alcaldia',
  'otro',
];

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
  if (!form.has('city') && values.city_code !== '' && !(await repo.cityExists(db, values.city_code)))
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
