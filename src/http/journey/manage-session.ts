import type { FastifyReply, FastifyRequest } from 'fastify';
import { readSigned, signedCookie } from './signed-cookie.js';

/**
 * The appointment a person proved to hold on /gestionar (code + document), remembered for a while in a
 * short signed cookie that carries its id and the end of the session, nothing else.
 */
const COOKIE = 'gestion';
const MINUTES = 20;

export function startManageSession(
  request: FastifyRequest,
  reply: FastifyReply,
  appointmentId: number,
  now: Date,
): void {
  const expires = now.getTime() + MINUTES * 60_000;
  reply.setCookie(COOKIE, `${appointmentId}.${expires}`, signedCookie(request, '/gestionar'));
}

export function endManageSession(reply: FastifyReply): void {
  reply.clearCookie(COOKIE, { path: '/gestionar' });
}

/** The appointment of a live manage session, or undefined when there is none or it ran out. */
export function managedAppointment(request: FastifyRequest, now: Date): number | undefined {
  const value = readSigned(request, COOKIE);
  const match = value ? /^(\d{1,12})\.(\d{1,15})$/.exec(value) : null;
  if (!match?.[1] || !match[2]) return undefined;
  return Number(match[2]) > now.getTime() ? Number(match[1]) : undefined;
}
