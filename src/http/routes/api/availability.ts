import type { FastifyReply } from 'fastify';
import { toBogotaIso } from '../../../domain/civil-time.js';
import type { SlotWithRoom } from '../../../repositories/availability.js';
import { LIMITS } from '../../../security/limits.js';
import { findDays, findFirstAvailable, findSlots } from '../../../services/availability.js';
import { releasesInSearch } from '../../../services/releases/in-search.js';
import { releaseSummaryJson } from '../../../views/releases/json.js';
import { serviceContext } from '../../journey/service-context.js';
import { routeLimit } from '../../plugins/rate-limit.js';
import {
  DaysQuery,
  DaysReply,
  FirstQuery,
  FirstReply,
  SlotsQuery,
  SlotsReply,
} from '../../schemas/booking-schemas.js';
import type { App } from '../../types.js';
import { problems } from './problems.js';

function slotItem(s: SlotWithRoom) {
  return {
    slotId: s.slotId,
    officeCode: s.officeCode,
    startsAt: toBogotaIso(s.startsAt),
    endsAt: toBogotaIso(s.endsAt),
    available: s.available,
  };
}

/**
 * The JSON of a search's answer, made once per answer. A cached answer is the very same array for every
 * request it serves, so its serialisation (with the slots' times formatted) is kept beside it, for as
 * long as the cache keeps the answer: a cached search then costs no serialising at all.
 */
const bodies = new WeakMap<object, string>();

function sendOnce<T extends object>(
  reply: FastifyReply,
  found: T,
  payload: (found: T) => unknown,
): FastifyReply {
  let body = bodies.get(found);
  if (body === undefined) {
    body = String(reply.serialize(payload(found)));
    bodies.set(found, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}

/** The availability searches of the public API (DESIGN §5). */
export function availabilityApi(app: App): void {
  app.get(
    '/availability/days',
    {
      schema: {
        tags: ['availability'],
        summary: 'Days with room',
        querystring: DaysQuery,
        response: { 200: DaysReply, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(app);
      const items = await findDays(ctx, request.query);
      const draws = await releasesInSearch(ctx, request.query, request.query);
      // The usual answer (no draw in scope) is serialised once per cached calendar.
      if (draws.length === 0) return sendOnce(reply, items, () => ({ items, draws: [] }));
      return { items, draws: draws.map(releaseSummaryJson) };
    },
  );

  app.get(
    '/availability/slots',
    {
      schema: {
        tags: ['availability'],
        summary: 'Times of a day with places left',
        querystring: SlotsQuery,
        response: { 200: SlotsReply, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(app);
      const slots = await findSlots(ctx, request.query);
      const day = { from: request.query.date, to: request.query.date };
      const draws = await releasesInSearch(ctx, request.query, day);
      if (draws.length === 0)
        return sendOnce(reply, slots, () => ({ items: slots.map(slotItem), draws: [] }));
      return { items: slots.map(slotItem), draws: draws.map(releaseSummaryJson) };
    },
  );

  app.get(
    '/availability/first',
    {
      config: { rateLimit: routeLimit(app, LIMITS.search) },
      schema: {
        tags: ['availability'],
        summary: 'First free time per office near a city (the city, then its department, then the country)',
        querystring: FirstQuery,
        response: { 200: FirstReply, ...problems },
      },
    },
    async (request) => {
      const found = await findFirstAvailable(serviceContext(app), request.query);
      return { scope: found.scope, items: found.items.map(slotItem) };
    },
  );
}
