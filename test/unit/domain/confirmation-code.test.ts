import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatConfirmationCode,
  newConfirmationCode,
  normaliseConfirmationCode,
} from '../../../src/domain/confirmation-code.js';

describe('confirmation codes', () => {
  it('use no character people confuse, and carry at least 40 bits', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
    const codes = new Set(Array.from({ length: 5000 }, newConfirmationCode));
    expect(codes.size).toBe(5000);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });

  it('read back from what people type', () => {
    expect(formatConfirmationCode('ABCDE23456')).toBe('ABCDE-23456');
    expect(normaliseConfirmationCode(' abcde-23456 ')).toBe('ABCDE23456');
    expect(normaliseConfirmationCode('ABCDE2345O')).toBeUndefined();
    expect(normaliseConfirmationCode('ABC')).toBeUndefined();
  });
});
