import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The texts staff changed for one language (the site falls back to its built-in text for the rest). */
export function selectSiteTexts(db: Kysely<DB>, locale: 'es' | 'en') {
  return db.selectFrom('site_texts').select(['key', 'value']).where('locale', '=', locale).execute();
}

/** Every changed text with who changed it last, for the back office. */
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
