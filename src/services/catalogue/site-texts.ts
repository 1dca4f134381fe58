import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { type Locale, translate } from '../../i18n/index.js';
import * as repo from '../../repositories/catalogue/site-texts.js';
import { auditedAs, recordAudit } from '../audit/trail.js';

/**
 * The micro-site texts staff can change in the back office (`site_texts`) without a deploy. Each has a
 * built-in version in the i18n messages under `text.<key>`, shown while no row exists for the key and
 * language. An empty built-in text (the notice) means nothing is shown.
 */
export const SITE_TEXT_KEYS = [
  'contacto.telefono',
  'contacto.vencimientos',
  'contacto.oficinas',
  'contacto.sede',
  'ayuda.ultimo-dia',
  'ayuda.sin-cupos',
  'ayuda.aviso',
] as const;
export type SiteTextKey = (typeof SITE_TEXT_KEYS)[number];

/** The contact lines, in the order the footer and the help page show them. */
export const CONTACT_KEYS: readonly SiteTextKey[] = [
  'contacto.telefono',
  'contacto.vencimientos',
  'contacto.oficinas',
  'contacto.sede',
];

/** The texts of one language as the site shows them: staff's version, else the built-in one. */
export class SiteTexts {
  constructor(
    readonly locale: Locale,
    private readonly changed: ReadonlyMap<string, string> = new Map(),
  ) {}

  get(key: SiteTextKey): string {
    return this.changed.get(key) ?? translate(this.locale, `text.${key}`);
  }
}

export async function loadSiteTexts(db: Kysely<DB>, locale: Locale): Promise<SiteTexts> {
  const rows = await repo.selectSiteTexts(db, locale);
  return new SiteTexts(locale, new Map(rows.map((r) => [r.key, r.value])));
}

function isSiteTextKey(key: string): key is SiteTextKey {
  return (SITE_TEXT_KEYS as readonly string[]).includes(key);
}

/** The text the site shows for a key while staff have not changed it ('' for unknown keys). */
export function builtInSiteText(key: string, locale: Locale): string {
  return isSiteTextKey(key) ? translate(locale, `text.${key}`) : '';
}

/** What a key staff may give a text looks like (the built-in keys and any new one). */
const SITE_TEXT_KEY = /^[a-z0-9][a-z0-9._-]{1,80}$/;
const LOCALES = ['es', 'en'] as const;

export interface SiteTextItem {
  key: string;
  locale: 'es' | 'en';
  value: string;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The texts staff have set; the micro-site shows its built-in text for any key and language not here. */
export async function listSiteTexts(db: Kysely<DB>, actor: Actor): Promise<SiteTextItem[]> {
  requirePermission(actor, 'site.view');
  const rows = await repo.selectAllSiteTexts(db);
  return rows.map((r) => ({
    key: r.key,
    locale: r.locale,
    value: r.value,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_email,
  }));
}

/** Sets the text of a key in one language (creating or replacing it). */
export async function saveSiteText(db: Kysely<DB>, actor: Actor, input: FormInput, now: Date): Promise<void> {
  requirePermission(actor, 'site.manage');
  const form = new FormReader(input);
  const key = form.text('key', { max: 81, pattern: SITE_TEXT_KEY, patternKey: 'admin.siteText.keyFormat' });
  const locale = form.choice('locale', LOCALES);
  const value = form.text('value', { max: 5000 });
  form.done();
  const lang = locale as 'es' | 'en';
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectSiteTextForUpdate(trx, key, lang);
    if (before?.value === value) return;
    await repo.upsertSiteText(trx, { key, locale: lang, value, now, staffId: actor.staffId });
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: before ? 'site_text.update' : 'site_text.create',
      entityType: 'site_text',
      entityId: `${key}:${lang}`,
      officeCode: null,
      before: before ? { value: before.value } : null,
      after: { value },
    });
  });
}

/** Removes a text, so the micro-site goes back to its built-in one. */
export async function deleteSiteText(
  db: Kysely<DB>,
  actor: Actor,
  key: string,
  locale: string,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'site.manage');
  if (!SITE_TEXT_KEY.test(key) || (locale !== 'es' && locale !== 'en')) throw notFound();
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectSiteTextForUpdate(trx, key, locale);
    if (!before) throw notFound();
    await repo.deleteSiteText(trx, key, locale);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'site_text.delete',
      entityType: 'site_text',
      entityId: `${key}:${locale}`,
      officeCode: null,
      before: { value: before.value },
      after: null,
    });
  });
}
