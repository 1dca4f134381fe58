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
