import type { FastifyReply, FastifyRequest } from 'fastify';
import { readSigned, signedCookie } from './signed-cookie.js';

/**
 * Which hold this browser turned into which appointment, in a short signed cookie carrying ids only (no
 * code, no document, no name): confirming twice (back button, double click) shows the same confirmation
 * instead of an error, and the confirmation page knows what to show without a code in the address.
 */
const COOKIE = 'cita';
const HOURS = 12;

export function rememberConfirmation(
  request: FastifyRequest,
  reply: FastifyReply,
  holdId: string,
  appointmentId: number,
): void {
  reply.setCookie(COOKIE, `${holdId}.${appointmentId}`, {
    ...signedCookie(request, '/reservar'),
    maxAge: HOURS * 3600,
  });
}

/** The appointment this browser made from the hold, if it did. */
export function confirmedAppointment(request: FastifyRequest, holdId: string): number | undefined {
  const value = readSigned(request, COOKIE);
  if (!value) return undefined;
  const [hold, id] = value.split('.');
  return hold === holdId && id && /^\d{1,12}$/.test(id) ? Number(id) : undefined;
}
