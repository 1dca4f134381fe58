import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { FieldError } from '../../../domain/errors.js';
import type { FormInput } from '../../../domain/form-reader.js';
import { isMessageKey, translate } from '../../../i18n/index.js';
import { type AdminContext, makeContext } from '../../../views/admin/admin-layout.js';
import { submitForm } from '../../forms.js';
import { sendPage } from '../../page.js';
import { csrfToken } from '../../plugins/csrf.js';

/**
 * The context of a back-office page: language, the signed-in person, a CSRF token for its forms, and
 * the notice of the action that redirected here (`?aviso=<key>`, only known message keys).
 */
export function adminContext(request: FastifyRequest, reply: FastifyReply): AdminContext {
  const query = request.query as Record<string, unknown> | undefined;
  const aviso = query?.aviso;
  const noticeKey = typeof aviso === 'string' ? `admin.notice.${aviso}` : null;
  const notice = noticeKey && isMessageKey(noticeKey) ? translate(request.locale, noticeKey) : null;
  return makeContext(request.locale, request.url, csrfToken(reply), request.staffSession, notice);
}

/** The posted form (an empty one when the body is missing or not a form). */
export function formInput(request: FastifyRequest): FormInput {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as FormInput) : {};
}

export function renderAdmin(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendPage(reply, page, status);
}

export type Submitted<T> = { ok: true; value: T } | { ok: false; errors: readonly FieldError[] };

/** Runs a service call of a form: its field messages come back as values, any other error goes on. */
export async function submit<T>(run: () => Promise<T>): Promise<Submitted<T>> {
  const done = await submitForm(run, { shows: ['VALIDATION'] });
  return done.ok ? done : { ok: false, errors: done.errors };
}

/** Post/redirect/get: back to a page with the notice of what was done. */
export function redirectWithNotice(reply: FastifyReply, path: string, notice: string): FastifyReply {
  const sep = path.includes('?') ? '&' : '?';
  return reply.redirect(`${path}${sep}aviso=${encodeURIComponent(notice)}`, 303);
}
