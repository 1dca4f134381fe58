import { en } from './en.js';
import { es, type MessageKey } from './es.js';

export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];
export type { MessageKey };

const DICTIONARIES: Readonly<Record<Locale, Record<MessageKey, string>>> = { es, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'es' || value === 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return key in es;
}

/** The text of a key in a locale with `{name}` placeholders filled; an unknown key shows as itself. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? DICTIONARIES[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translator = (
  key: MessageKey | (string & {}),
  params?: Record<string, string | number>,
) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
