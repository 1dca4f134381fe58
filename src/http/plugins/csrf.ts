import csrfProtection from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_FIELD } from '../../views/components/csrf-field.js';
import type { App } from '../types.js';

export { CSRF_FIELD };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false` for a route whose address carries its own secret and must take posts that come without
     * the site's cookie: the one-click unsubscribe link of alert e-mails (RFC 8058), which mail clients
     * post to directly. A forged request cannot know that secret.
     */
    csrf?: boolean;
  }
}

/**
 * Whether a request must carry a CSRF token: every state-changing request of the site's pages, except
 * routes that opt out (`config: { csrf: false }`). The JSON API under /api/ uses no cookies, so a forged
 * cross-site request gains nothing there.
 */
export function needsCsrfCheck(request: FastifyRequest): boolean {
  return (
    !SAFE_METHODS.has(request.method) &&
    !request.url.startsWith('/api/') &&
    request.routeOptions.config?.csrf !== false
  );
}

/**
 * Synchroniser tokens bound to a secret in a signed, HttpOnly cookie (@fastify/csrf-protection): a page
 * with a form puts `csrfToken(reply)` in a hidden field (`<CsrfField>`), and every post, put, patch or
 * delete outside /api/ without a matching token is refused with 403 before its handler runs.
 */
export async function registerCsrf(app: App): Promise<void> {
  const https = app.deps.config.publicUrl.startsWith('https:');
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: https ? '__Host-csrf' : 'csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: https, signed: true },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
      if (typeof fromBody === 'string') return fromBody;
      const header = request.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });
  // preValidation: the body (where forms put the token) is parsed by then, and a forged post is refused
  // as forged before any schema could answer it with a validation message.
  app.addHook('preValidation', (request, reply, done) => {
    if (!needsCsrfCheck(request)) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

/** The token for the forms of the page being answered (sets the secret cookie on first use). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
