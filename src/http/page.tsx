import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderDocument } from '../views/render.js';
import { SiteTextsContext } from '../views/site-texts-context.js';

/** Renders a page with the request's editable site texts (footer, help) and sends it. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = renderDocument(
    <SiteTextsContext.Provider value={reply.request.siteTexts ?? null}>{page}</SiteTextsContext.Provider>,
  );
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/**
 * Pages reached by a token in their address (the only key to them) and showing a person's data are
 * never stored by browsers or proxies, nor indexed.
 */
export function privateAnswer(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
}
