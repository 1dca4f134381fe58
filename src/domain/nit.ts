/**
 * The NIT check digit ("dígito de verificación") as the authority computes it: weights applied from the
 * rightmost digit of the base number, up to 15 digits. Using only 9 weights or padding from the left are
 * the usual mistakes, so the whole table is here.
 */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

/** Strips the separators people type: dots, spaces and hyphens. */
export function normaliseNit(raw: string): string {
  return raw.replace(/[.\s-]/g, '');
}

function isNitBase(base: string): boolean {
  return /^\d{1,15}$/.test(base);
}

export function nitCheckDigit(base: string): number {
  if (!isNitBase(base)) throw new RangeError('a NIT base is 1 to 15 digits');
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    const digit = Number(base[base.length - 1 - i]);
    sum += digit * (WEIGHTS[i] as number);
  }
  const r = sum % 11;
  return r <= 1 ? r : 11 - r;
}

export function isValidNit(base: string, checkDigit: string | number): boolean {
  const dv = typeof checkDigit === 'number' ? checkDigit : Number(checkDigit);
  if (!Number.isInteger(dv) || dv < 0 || dv > 9 || !isNitBase(base)) return false;
  return nitCheckDigit(base) === dv;
}

/** `800197268`, 4 → `800.197.268-4`. */
export function formatNit(base: string, checkDigit: number = nitCheckDigit(base)): string {
  const grouped = base.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped}-${checkDigit}`;
}

export type NitEntry = { ok: true; base: string } | { ok: false; problem: 'format' | 'checkDigit' };

/**
 * A NIT as a person types it to be shown their deadline day's places: the base alone, or the base and
 * its check digit after a hyphen (`900.123.456-8`), which must then be right. Without a hyphen every
 * digit belongs to the base: a check digit glued to it cannot be told from the base's last digit.
 */
export function parseNitEntry(raw: string): NitEntry {
  const typed = raw.trim();
  const withDigit = /^([\d.\s]+)-\s*(\d)$/.exec(typed);
  if (!withDigit && !/^[\d.\s]+$/.test(typed)) return { ok: false, problem: 'format' };
  const base = normaliseNit(withDigit ? (withDigit[1] ?? '') : typed);
  if (!/^\d{6,15}$/.test(base)) return { ok: false, problem: 'format' };
  if (withDigit && !isValidNit(base, Number(withDigit[2]))) return { ok: false, problem: 'checkDigit' };
  return { ok: true, base };
}
