import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { AppError, type ErrorCode, type FieldError } from '../../domain/errors.js';
import { translate } from '../../i18n/index.js';
import { renderErrorPage } from '../../views/pages/error-page.js';
import type { App } from '../types.js';
import { BASELINE_HEADERS } from './security.js';
import { fieldErrorsFromAjv } from './validation.js';

/** The one place where domain errors become HTTP. */
export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 422,
  NOT_FOUND: 404,
  SLOT_FULL: 409,
  HOLD_EXPIRED: 410,
  LIMIT_REACHED: 409,
  RATE_LIMITED: 429,
  CAPTCHA_REQUIRED: 403,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  IN_DRAW: 409,
  RELEASE_CLOSED: 409,
};

/**
 * What a 503 asks clients to wait before trying again. A lost connection is replaced on the next query,
 * so a moment is enough; while the database is down each try costs one refused connection.
 */
export const RETRY_AFTER_SECONDS = 2;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode | 'BAD_REQUEST' | 'INTERNAL';
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export function problemOf(request: FastifyRequest, error: AppError, status = STATUS_OF[error.code]): Problem {
  const locale = request.locale ?? 'es';
  const problem: Problem = {
    type: `about:blank`,
    title: translate(locale, `problem.${error.code}`),
    status,
    detail: translate(locale, error.key, error.params),
    code: error.code,
    ...error.extensions,
  };
  if (error.fieldErrors.length > 0) {
    problem.errors = error.fieldErrors.map((f) => ({
      field: f.field,
      message: translate(locale, f.key, f.params),
    }));
  }
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Errors Fastify raises before a handler runs (parsing, size, schema), as domain errors. */
function asAppError(error: FastifyError): AppError | undefined {
  if (error instanceof AppError) return error;
  // A lost or refused database connection is the database's moment, not the request's fault.
  if (isDatabaseUnavailable(error)) return new AppError('UNAVAILABLE', 'error.unavailable');
  if (error.validation) {
    const fields: FieldError[] = fieldErrorsFromAjv(error.validation as never, error.validationContext);
    return new AppError('VALIDATION', 'error.validation', { count: fields.length }, fields);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'error.payloadTooLarge');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.unsupportedMediaType');
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError('FORBIDDEN', 'csrf.invalid');
    default:
      return undefined;
  }
}

export function registerErrorHandling(app: App): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = asAppError(error);
    const status = appError
      ? error.validation
        ? 400
        : STATUS_OF[appError.code]
      : error.statusCode && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (appError?.code === 'UNAVAILABLE') {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    if (status === 429 && reply.getHeader('retry-after') === undefined) {
      const seconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60;
      reply.header('retry-after', String(seconds));
    }
    if (isApiRequest(request)) {
      const problem = appError
        ? problemOf(request, appError, status)
        : {
            type: 'about:blank',
            title: translate(
              request.locale ?? 'es',
              status === 429 ? 'problem.RATE_LIMITED' : status >= 500 ? 'error.internal' : 'error.badRequest',
            ),
            status,
            detail: translate(request.locale ?? 'es', status >= 500 ? 'error.internal' : 'error.badRequest'),
            code:
              status === 429
                ? ('RATE_LIMITED' as const)
                : status >= 500
                  ? ('INTERNAL' as const)
                  : ('BAD_REQUEST' as const),
          };
      return sendProblem(reply, problem);
    }
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        renderErrorPage(
          request.locale ?? 'es',
          status,
          appError ? translate(request.locale ?? 'es', appError.key, appError.params) : undefined,
          request.siteTexts ?? null,
        ),
      );
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiRequest(request))
      return sendProblem(reply, problemOf(request, new AppError('NOT_FOUND', 'error.notFound')));
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(request.locale ?? 'es', 404, undefined, request.siteTexts ?? null));
  });
}

/**
 * Fastify's answer to an address it cannot route (a malformed escape, a parameter past
 * `maxParamLength`), given before any hook runs: the same shapes as every other refusal (problem+json
 * on the API, the error page elsewhere), with the security headers, and without echoing the address.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  reply.headers(BASELINE_HEADERS);
  if (isApiRequest(request)) {
    void sendProblem(reply, {
      type: 'about:blank',
      title: translate('es', 'error.badRequest'),
      status,
      detail: translate('es', 'error.badRequest'),
      code: 'BAD_REQUEST',
    });
    return;
  }
  void reply.code(status).type('text/html; charset=utf-8').send(renderErrorPage('es', status));
}
