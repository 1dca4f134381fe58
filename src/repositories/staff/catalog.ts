import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ChannelsTable, DB, KiosksTable, ProceduresTable } from '../../db/schema.js';

export function selectAllProcedures(db: Kysely<DB>) {
  return db
    .selectFrom('procedures')
    .selectAll()
    .orderBy('category')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function selectProcedure(db: Kysely<DB>, code: string) {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

export function selectProcedureForUpdate(db: Kysely<DB>, code: string) {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function nextProcedureSortOrder(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('procedures')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('max'))
    .executeTakeFirstOrThrow();
  return (row.max ?? -1) + 1;
}

export function insertProcedure(db: Kysely<DB>, values: Insertable<ProceduresTable>) {
  return db.insertInto('procedures').values(values).execute();
}

export function updateProcedure(db: Kysely<DB>, code: string, values: Updateable<ProceduresTable>) {
  return db.updateTable('procedures').set(values).where('code', '=', code).execute();
}

export function selectAllChannels(db: Kysely<DB>) {
  return db.selectFrom('channels').selectAll().orderBy('sort_order').execute();
}

export function selectChannelForUpdate(db: Kysely<DB>, code: string) {
  return db.selectFrom('channels').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export function updateChannel(db: Kysely<DB>, code: string, values: Updateable<ChannelsTable>) {
  return db.updateTable('channels').set(values).where('code', '=', code).execute();
}

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

export function cityExists(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('cities')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

export function selectAllSiteTexts(db: Kysely<DB>) {
  return db
    .selectFrom('site_texts as t')
    .leftJoin('staff as s', 's.id', 't.updated_by')
    .select(['t.key', 't.locale', 't.value', 't.updated_at', 's.email as updated_by_email'])
    .orderBy('t.key')
    .orderBy('t.locale')
    .execute();
}

export function selectSiteTextForUpdate(db: Kysely<DB>, key: string, locale: 'es' | 'en') {
  return db
    .selectFrom('site_texts')
    .selectAll()
    .where('key', '=', key)
    .where('locale', '=', locale)
    .forUpdate()
    .executeTakeFirst();
}

export function upsertSiteText(
  db: Kysely<DB>,
  row: { key: string; locale: 'es' | 'en'; value: string; now: Date; staffId: number | null },
) {
  return db
    .insertInto('site_texts')
    .values({
      key: row.key,
      locale: row.locale,
      value: row.value,
      updated_at: row.now,
      updated_by: row.staffId,
    })
    .onConflict((oc) =>
      oc
        .columns(['key', 'locale'])
        .doUpdateSet({ value: row.value, updated_at: row.now, updated_by: row.staffId }),
    )
    .execute();
}

export function deleteSiteText(db: Kysely<DB>, key: string, locale: 'es' | 'en') {
  return db.deleteFrom('site_texts').where('key', '=', key).where('locale', '=', locale).execute();
}
