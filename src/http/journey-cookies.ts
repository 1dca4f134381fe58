import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Two short signed cookies of the citizen journey. They carry ids only (no code, no document, no name):
 * - `cita`: which hold this browser turned into which appointment, so confirming twice (back button,
 *   double click) shows the same confirmation instead of an error, and the confirmation page knows
 *   what to show without a code in the address;
 * - `gestion`: the appointment a person proved to hold on /gestionar (code + document), for a while.
 */
const CONFIRMED = 'cita';
const MANAGE = 'gestion';
export const MANAGE_MINUTES = 20;
const CONFIRMED_HOURS = 12;

function secure(request: FastifyRequest): boolean {
  return request.server.deps.config.publicUrl.startsWith('https:');
}

function readSigned(request: FastifyRequest, name: string): string | undefined {
  const raw = request.cookies[name];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

export function rememberConfirmation(
  request: FastifyRequest,
  reply: FastifyReply,
  holdId: string,
  appointmentId: number,
): void {
  reply.setCookie(CONFIRMED, `${holdId}.${appointmentId}`, {
    path: '/reservar',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
    signed: true,
    maxAge: CONFIRMED_HOURS * 3600,
  });
}

/** The appointment this browser made from the hold, if it did. */
export function confirmedAppointment(request: FastifyRequest, holdId: string): number | undefined {
  const value = readSigned(request, CONFIRMED);
  if (!value) return undefined;
  const [hold, id] = value.split('.');
  return hold === holdId && id && /^\d{1,12}$/.test(id) ? Number(id) : undefined;
}

export function startManageSession(
  request: FastifyRequest,
  reply: FastifyReply,
  appointmentId: number,
  now: Date,
): void {
  const expires = now.getTime() + MANAGE_MINUTES * 60_000;
  reply.setCookie(MANAGE, `${appointmentId}.${expires}`, {
    path: '/gestionar',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request),
    signed: true,
  });
}

export function endManageSession(reply: FastifyReply): void {
  reply.clearCookie(MANAGE, { path: '/gestionar' });
}

/** The appointment of a live manage session, or undefined when there is none or it ran out. */
export function managedAppointment(request: FastifyRequest, now: Date): number | undefined {
  const value = readSigned(request, MANAGE);
  const match = value ? /^(\d{1,12})\.(\d{1,15})$/.exec(value) : null;
  if (!match?.[1] || !match[2]) return undefined;
  return Number(match[2]) > now.getTime() ? Number(match[1]) : undefined;
}
