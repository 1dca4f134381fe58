import { randomInt } from 'node:crypto';

/**
 * Confirmation codes are read aloud on the phone and typed from paper, so the alphabet leaves out the
 * characters people confuse (0/O, 1/I). 32 symbols give 5 bits each: 10 characters are 50 bits of
 * randomness, far more than anyone can guess within the rate limits.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

export function newConfirmationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `ABCDE23456` → `ABCDE-23456`, easier to read aloud. */
export function formatConfirmationCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** What a person typed, as stored: upper case, without spaces or hyphens; undefined when it cannot be a code. */
export function normaliseConfirmationCode(raw: string): string | undefined {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}
