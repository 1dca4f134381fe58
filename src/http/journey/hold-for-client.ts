import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Channel } from '../../domain/channels.js';
import { type Hold, placeHold } from '../../services/booking/place-hold.js';
import type { App } from '../types.js';
import { clientSession } from './client-session.js';
import { admitHold } from './hold-admission.js';
import { serviceContext } from './service-context.js';

interface ClientHold {
  slotId: number;
  procedure: string;
  channel: Channel;
  /** The NIT (without check digit) the client searched with, for its deadline day's reserved places. */
  nit?: string | undefined;
  /** A solved proof-of-work challenge. */
  altcha?: string | undefined;
  /** A web form may come without a solved challenge (no JavaScript); the API may not. */
  allowWithoutProof: boolean;
}

/**
 * The one way a client takes a hold, from the API (POST /api/v1/holds) or the times page (POST
 * /reservar/horario): admission (proof-of-work, limits per client), the client's session (its earlier
 * hold goes back when this one is taken), then the hold.
 */
export async function holdForClient(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  r: ClientHold,
): Promise<Hold> {
  await admitHold(app, request, r.altcha, { allowWithoutProof: r.allowWithoutProof });
  const session = clientSession(request, reply);
  return placeHold(serviceContext(app), {
    slotId: r.slotId,
    procedure: r.procedure,
    channel: r.channel,
    sessionKey: session.key,
    freshSession: session.fresh,
    nit: r.nit,
  });
}
