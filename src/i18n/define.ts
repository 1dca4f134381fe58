/**
 * A group of messages in both languages. Spanish (es-CO) is the source; the English object must have
 * exactly the same keys, which the compiler checks.
 */
export function defineMessages<const Es extends Record<string, string>>(
  es: Es,
  en: { readonly [K in keyof Es]: string },
): { es: Es; en: { readonly [K in keyof Es]: string } } {
  return { es, en };
}
