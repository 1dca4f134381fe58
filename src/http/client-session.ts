import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'sid';

/**
 * An anonymous client session: a random id in a signed, HttpOnly cookie. It ties a person's hold to
 * their browser (one live hold per session) and carries nothing personal. `fresh` says the id was made
 * for this request, so nothing can be recorded under it yet.
 */
export function clientSession(request: FastifyRequest, reply: FastifyReply): { id: string; fresh: boolean } {
  const raw = request.cookies[COOKIE];
  if (raw) {
    const unsigned = request.unsignCookie(raw);
    if (unsigned.valid && unsigned.value) return { id: unsigned.value, fresh: false };
  }
  const id = randomBytes(18).toString('base64url');
  const secure = request.server.deps.config.publicUrl.startsWith('https:');
  reply.setCookie(COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true });
  return { id, fresh: true };
}

export function clientSessionId(request: FastifyRequest, reply: FastifyReply): string {
  return clientSession(request, reply).id;
}
