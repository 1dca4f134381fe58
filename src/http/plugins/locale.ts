import type { FastifyRequest } from 'fastify';
import { isLocale, type Locale } from '../../i18n/index.js';
import type { App } from '../types.js';

/** Pages follow the `lang` cookie set by the language switch; the API follows Accept-Language. */
export function localeOf(request: FastifyRequest): Locale {
  const cookie = request.cookies?.lang;
  if (isLocale(cookie)) return cookie;
  const accept = request.headers['accept-language'];
  if (request.url.startsWith('/api/') && typeof accept === 'string' && /^\s*en\b/i.test(accept)) return 'en';
  return 'es';
}

export function registerLocale(app: App): void {
  app.decorateRequest('locale', 'es');
  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = localeOf(request);
    done();
  });
}
