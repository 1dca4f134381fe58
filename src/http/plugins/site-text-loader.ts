import type { FastifyRequest } from 'fastify';
import { loadSiteTexts, SiteTexts } from '../../services/catalogue/site-texts.js';
import type { App } from '../types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Staff's versions of the site texts for this request's language (page requests only). */
    siteTexts: SiteTexts | null;
  }
}

/** Requests that never render a citizen page: no need to read the texts. */
const NOT_PAGES = /^\/(?:api|assets|health|metrics|admin)(?:\/|$|\?)/;

export function isPageRequest(request: FastifyRequest): boolean {
  return !NOT_PAGES.test(request.url);
}

/**
 * Loads the editable site texts once per page request, after the locale is known. A database that
 * cannot answer must not take the pages down: they fall back to the built-in texts.
 */
export function registerSiteTexts(app: App): void {
  app.decorateRequest('siteTexts', null);
  // A callback hook, not an async one: API and asset requests go on at once.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!isPageRequest(request)) {
      done();
      return;
    }
    loadSiteTexts(app.deps.database.db, request.locale).then(
      (texts) => {
        request.siteTexts = texts;
        done();
      },
      (err: unknown) => {
        request.log.warn({ err }, 'site texts unavailable, showing the built-in ones');
        request.siteTexts = new SiteTexts(request.locale);
        done();
      },
    );
  });
}
