import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { translate } from '../../i18n/index.js';
import { renderErrorPage } from '../../views/pages/error-page.js';
import type { App } from '../types.js';
import { isApiRequest, problemOf, RETRY_AFTER_SECONDS, sendProblem } from './errors.js';

/**
 * Never shed: the probes must tell a busy process from a dead one (a load balancer that saw 503 on
 * /health/ready would take a busy process out and overload the rest), and assets cost no database work.
 */
const NEVER_SHED = /^\/(?:health|assets|metrics)(?:\/|$|\?)/;

function shed(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  const error = new AppError('UNAVAILABLE', 'error.overloaded');
  if (isApiRequest(request)) return sendProblem(reply, problemOf(request, error));
  const locale = request.locale ?? 'es';
  // Without the staff's site texts: reading them is database work, the very thing being shed.
  return reply
    .code(503)
    .type('text/html; charset=utf-8')
    .send(renderErrorPage(locale, 503, translate(locale, error.key)));
}

/**
 * Caps the requests one process works on at once. Past the cap a request is answered 503 with
 * Retry-After at once, before it reads anything from the database: a queue that grows only makes every
 * answer late (before this cap, 500 clients against one process: holds at p50 2.1 s, p99 5.8 s, never a 503),
 * while a quick "try again in a moment" keeps the answered ones fast and tells the client what to do.
 * Registered after the locale and security headers and before any hook that reads the database.
 */
export function registerOverloadGuard(app: App, maxInFlight: number): void {
  if (maxInFlight === 0) return;
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (NEVER_SHED.test(request.url)) return;
    if (inFlight >= maxInFlight) {
      return shed(request, reply);
    }
    inFlight += 1;
    // 'close' comes once per response, whether it was sent or its client went away: the count cannot leak.
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  });
}
