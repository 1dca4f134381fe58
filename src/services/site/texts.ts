import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Locale, translate } from '../../i18n/index.js';
import { selectSiteTexts } from '../../repositories/site.js';

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
  const rows = await selectSiteTexts(db, locale);
  return new SiteTexts(locale, new Map(rows.map((r) => [r.key, r.value])));
}

export function isSiteTextKey(key: string): key is SiteTextKey {
  return (SITE_TEXT_KEYS as readonly string[]).includes(key);
}

/** The text the site shows for a key while staff have not changed it ('' for unknown keys). */
export function builtInSiteText(key: string, locale: Locale): string {
  return isSiteTextKey(key) ? translate(locale, `text.${key}`) : '';
}
