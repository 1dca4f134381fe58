import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../i18n/index.js';
import { SiteTexts } from '../services/catalogue/site-texts.js';

/**
 * The editable texts of the request (contact lines, help), loaded once per page request by
 * `src/http/plugins/site-text-loader.ts` and handed to every page through `sendPage`, so the layout's footer
 * shows staff's current version without each route passing it along.
 */
export const SiteTextsContext = createContext<SiteTexts | null>(null);

/** The texts for a page in `locale`; the built-in ones when the request's were loaded for another language. */
export function useSiteTexts(locale: Locale): SiteTexts {
  const texts = useContext(SiteTextsContext);
  return texts && texts.locale === locale ? texts : new SiteTexts(locale);
}
