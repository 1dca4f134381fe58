import type { FastifyRequest } from 'fastify';

/** The journey's cookies travel over HTTPS only when the site is served over it (never in development). */
export function secureCookies(request: FastifyRequest): boolean {
  return request.server.deps.config.publicUrl.startsWith('https:');
}

/** A journey cookie: HttpOnly, same-site, signed with the app's secret, sent only to `path`. */
export function signedCookie(request: FastifyRequest, path: string) {
  return { path, httpOnly: true, sameSite: 'lax', secure: secureCookies(request), signed: true } as const;
}

/** The value of a signed cookie, or undefined when it is missing or its signature does not hold. */
export function readSigned(request: FastifyRequest, name: string): string | undefined {
  const raw = request.cookies[name];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}
