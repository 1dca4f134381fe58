import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a rebooking pass link: the pass id and an HMAC of it under the server's secret. Nothing
 * secret is stored: the mailer derives the link from the pass id whenever it sends it, and a link can
 * only be made by whoever holds the secret. Changing SESSION_SECRET invalidates the links sent before.
 */
function mac(secret: string, passId: number): string {
  return createHmac('sha256', secret).update(`rebook-pass:${passId}`).digest('base64url');
}

export function rebookToken(secret: string, passId: number): string {
  return `${passId}-${mac(secret, passId)}`;
}

/** The pass id a token was made for, or undefined when the token is malformed or forged. */
export function passIdOfToken(secret: string, token: string): number | undefined {
  const match = /^([1-9]\d{0,14})-([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const passId = Number(match[1]);
  const expected = Buffer.from(mac(secret, passId));
  const given = Buffer.from(match[2]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? passId : undefined;
}
