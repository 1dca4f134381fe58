import type { FastifyRequest } from 'fastify';
import { LIMITS } from '../../security/limits.js';
import { normaliseLookupDocument } from '../../services/appointments.js';
import { type Confirmation, type ConfirmRequest, confirmHold } from '../../services/booking/confirm-hold.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import type { App } from '../types.js';
import { serviceContext } from './service-context.js';

/**
 * The one way a client confirms a hold, from the API or the review page: a document may be tried only so
 * often (whoever sends it), then the confirmation itself, in the request's language.
 */
export async function confirmForClient(
  app: App,
  request: FastifyRequest,
  r: Omit<ConfirmRequest, 'locale'>,
): Promise<Confirmation> {
  const document = r.applicant.documentNumber;
  await enforceLimit(
    app,
    LIMITS.confirmPerDocument,
    normaliseLookupDocument(typeof document === 'string' ? document : ''),
  );
  return confirmHold(serviceContext(app), { ...r, locale: request.locale });
}
