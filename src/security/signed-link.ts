import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens of e-mail links that need nothing stored: the id of what the link opens and an HMAC of it
 * (with the link's purpose) under the server's secret. Only whoever holds the secret can make one, a
 * link of one purpose opens nothing else, and changing SESSION_SECRET invalidates every link sent.
 */
function mac(secret: string, purpose: string, id: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}

export function signLink(secret: string, purpose: string, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id a token was made for with this purpose, or undefined when it is malformed or forged. */
export function verifyLink(
  secret: string,
  purpose: string,
  token: string,
  idShape: RegExp,
): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 200) return undefined;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  if (!idShape.test(id)) return undefined;
  const expected = Buffer.from(mac(secret, purpose, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/**
 * The same for a numeric id, written `id-mac` so the token is plain base64url (a rebooking pass, a
 * data-subject request): URL-safe, and nothing but digits before the first hyphen.
 */
export function signNumericLink(secret: string, purpose: string, id: number): string {
  return `${id}-${mac(secret, purpose, String(id))}`;
}

export function verifyNumericLink(secret: string, purpose: string, token: string): number | undefined {
  const match = /^([1-9]\d{0,14})-([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const expected = Buffer.from(mac(secret, purpose, match[1]));
  const given = Buffer.from(match[2]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? Number(match[1]) : undefined;
}
