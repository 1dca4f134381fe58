import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Criteria } from '../../services/journey/criteria.js';
import type { App } from '../types.js';
import { secureCookies } from './signed-cookie.js';

/**
 * The NIT a person gave on the booking journey to be shown their deadline day's reserved places
 * (decision 008). It is needed before any hold exists, so it cannot wait in a hold's draft, and it must
 * never go into an address (DESIGN §3). It lives in one short cookie instead: sealed with AES-256-GCM
 * (unreadable and unforgeable, so it does not show in clear in the browser's storage, a shared HAR file
 * or a proxy's log), HttpOnly, sent only to /reservar, and good for NIT_MINUTES. Nothing is stored on
 * the server, so every app process reads it alike and there is nothing to clean up. Once a hold is
 * taken with it, the hold itself remembers the NIT.
 */
const COOKIE = 'nit';
const NIT_MINUTES = 30;

function options(request: FastifyRequest) {
  return { path: '/reservar', httpOnly: true, sameSite: 'lax', secure: secureCookies(request) } as const;
}

function keyOf(request: FastifyRequest): Buffer {
  return createHash('sha256').update(`journey-nit:${request.server.deps.config.sessionSecret}`).digest();
}

export function rememberNit(request: FastifyRequest, reply: FastifyReply, base: string, now: Date): void {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(request), iv);
  const plain = `${base}.${now.getTime() + NIT_MINUTES * 60_000}`;
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  reply.setCookie(COOKIE, Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url'), {
    ...options(request),
    maxAge: NIT_MINUTES * 60,
  });
}

export function forgetNit(request: FastifyRequest, reply: FastifyReply): void {
  if (request.cookies[COOKIE] !== undefined) reply.clearCookie(COOKIE, options(request));
}

/** The NIT (base, without check digit) this browser gave, while it is still good; otherwise undefined. */
function journeyNit(request: FastifyRequest, now: Date): string | undefined {
  const raw = request.cookies[COOKIE];
  if (!raw || raw.length > 200) return undefined;
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(request), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const match = /^(\d{6,15})\.(\d{1,15})$/.exec(plain);
    return match?.[1] && Number(match[2]) > now.getTime() ? match[1] : undefined;
  } catch {
    // A cookie altered, or sealed under another secret, is no NIT at all.
    return undefined;
  }
}

/**
 * The NIT the search steps search with: the one this browser gave, except while choosing a new time for
 * an existing appointment (a reschedule takes no hold, so it could not take a reserved place anyway).
 */
export function searchNit(app: App, request: FastifyRequest, criteria: Criteria): string | undefined {
  return criteria.cambio ? undefined : journeyNit(request, app.deps.clock());
}
