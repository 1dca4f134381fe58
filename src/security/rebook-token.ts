import { signNumericLink, verifyNumericLink } from './signed-link.js';

/**
 * The token of a rebooking pass link: the pass id and an HMAC of it under the server's secret. Nothing
 * secret is stored: the mailer derives the link from the pass id whenever it sends it, and a link can
 * only be made by whoever holds the secret. Changing SESSION_SECRET invalidates the links sent before.
 */
export function rebookToken(secret: string, passId: number): string {
  return signNumericLink(secret, 'rebook-pass', passId);
}

/** The pass id a token was made for, or undefined when the token is malformed or forged. */
export function passIdOfToken(secret: string, token: string): number | undefined {
  return verifyNumericLink(secret, 'rebook-pass', token);
}
