import { describe, expect, it } from 'vitest';
import {
  formatNit,
  isValidNit,
  nitCheckDigit,
  normaliseNit,
  parseNitEntry,
} from '../../../src/domain/nit.js';

// Published NITs and their check digits (domain-facts §4).
const VECTORS: [string, number][] = [
  ['800197268', 4],
  ['890903938', 8],
  ['899999068', 1],
  ['890900608', 9],
  ['860034313', 7],
  ['900123456', 8],
  ['830053105', 3],
  ['890312749', 6],
  ['901458652', 7],
  ['213123432', 1],
  ['800000008', 0],
  ['800000001', 1],
  ['12345678', 8],
  ['1020304050', 8],
];

describe('NIT check digit', () => {
  it.each(VECTORS)('%s → %i', (base, dv) => {
    expect(nitCheckDigit(base)).toBe(dv);
    expect(isValidNit(base, dv)).toBe(true);
    expect(isValidNit(base, (dv + 1) % 10)).toBe(false);
  });

  it('uses all fifteen weights, not nine', () => {
    // With only nine weights the leading digits of a long base would not count.
    expect(nitCheckDigit('100000000000000')).not.toBe(nitCheckDigit('000000000000000'));
    expect(() => nitCheckDigit('1234567890123456')).toThrow(RangeError);
  });

  it('strips the separators people type and formats the way the authority prints it', () => {
    expect(normaliseNit('800.197.268-4')).toBe('8001972684');
    expect(normaliseNit(' 800 197 268 ')).toBe('800197268');
    expect(formatNit('800197268')).toBe('800.197.268-4');
    expect(formatNit('12345678')).toBe('12.345.678-8');
  });

  it('rejects what is not a NIT', () => {
    expect(isValidNit('80019726A', 4)).toBe(false);
    expect(isValidNit('', 0)).toBe(false);
    expect(isValidNit('800197268', 10)).toBe(false);
    expect(isValidNit('800197268', 'x')).toBe(false);
  });
});

describe('a NIT typed to see deadline-day places', () => {
  it('takes the base alone, with or without separators', () => {
    expect(parseNitEntry('800197268')).toEqual({ ok: true, base: '800197268' });
    expect(parseNitEntry(' 800.197.268 ')).toEqual({ ok: true, base: '800197268' });
    expect(parseNitEntry('12345678')).toEqual({ ok: true, base: '12345678' });
  });

  it('checks the check digit when one follows a hyphen', () => {
    expect(parseNitEntry('800.197.268-4')).toEqual({ ok: true, base: '800197268' });
    expect(parseNitEntry('800197268 - 4')).toEqual({ ok: true, base: '800197268' });
    expect(parseNitEntry('800.197.268-5')).toEqual({ ok: false, problem: 'checkDigit' });
  });

  it('reads digits without a hyphen as the base, since a glued check digit cannot be told apart', () => {
    expect(parseNitEntry('8001972684')).toEqual({ ok: true, base: '8001972684' });
  });

  it('refuses what is not a NIT', () => {
    for (const raw of ['', '12345', '80019726a', '1234567890123456', '800197268-45', '-4'])
      expect(parseNitEntry(raw)).toEqual({ ok: false, problem: 'format' });
  });
});
