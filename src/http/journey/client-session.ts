import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readSigned, signedCookie } from './signed-cookie.js';

const COOKIE = 'sid';

/**
 * An anonymous client session: a random id in a signed, HttpOnly cookie. It ties a person's hold to
 * their browser (one live hold per session) and carries nothing personal. Holds keep only `key`, a hash
 * of the id, so a leaked holds table names no cookie. `fresh` says the id was made for this request, so
 * nothing can be recorded under it yet.
 */
export function clientSession(request: FastifyRequest, reply: FastifyReply): { key: string; fresh: boolean } {
  const known = readSigned(request, COOKIE);
  if (known) return { key: keyOf(known), fresh: false };
  const id = randomBytes(18).toString('base64url');
  reply.setCookie(COOKIE, id, signedCookie(request, '/'));
  return { key: keyOf(id), fresh: true };
}

function keyOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}
