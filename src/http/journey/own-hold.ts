import type { FastifyReply, FastifyRequest } from 'fastify';
import { getHold, type HoldDetails } from '../../services/booking/citizen-hold.js';
import type { App } from '../types.js';
import { clientSession } from './client-session.js';

/** The hold, when it is alive and this browser's (holds given out by an alert e-mail belong to no session). */
export async function ownHold(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  holdId: string | undefined,
): Promise<HoldDetails | undefined> {
  if (!holdId) return undefined;
  const hold = await getHold(app.deps.database.db, holdId, app.deps.clock());
  if (!hold) return undefined;
  const mine = clientSession(request, reply).key;
  return hold.sessionKey === null || hold.sessionKey === mine ? hold : undefined;
}
