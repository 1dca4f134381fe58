import { describe, expect, it } from 'vitest';
import {
  KEEP_HOURS,
  keptUntil,
  passExpiry,
  passState,
  REBOOK_PASS_DAYS,
} from '../../../src/domain/rebook.js';
import { passIdOfToken, rebookToken } from '../../../src/security/rebook-token.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;

describe('rebooking pass rules', () => {
  it('keeps a place KEEP_HOURS, but never past the last moment anyone could book it', () => {
    const far = new Date(NOW.getTime() + 10 * 24 * HOUR);
    expect(keptUntil(NOW, far, 60)).toEqual(new Date(NOW.getTime() + KEEP_HOURS * HOUR));
    const soon = new Date(NOW.getTime() + 30 * HOUR);
    expect(keptUntil(NOW, soon, 60)).toEqual(new Date(soon.getTime() - HOUR));
  });

  it('reads an open pass past its expiry as expired, and a decided one as decided', () => {
    const expiry = passExpiry(NOW);
    expect(expiry.getTime() - NOW.getTime()).toBe(REBOOK_PASS_DAYS * 24 * HOUR);
    expect(passState('open', expiry, NOW)).toBe('open');
    expect(passState('open', expiry, expiry)).toBe('expired');
    expect(passState('used', expiry, new Date(expiry.getTime() + 1))).toBe('used');
  });
});

describe('rebooking pass tokens', () => {
  const secret = 'a-test-secret-of-at-least-thirty-two-chars';

  it('round-trips the pass id and refuses forged, altered or malformed tokens', () => {
    const token = rebookToken(secret, 42);
    expect(passIdOfToken(secret, token)).toBe(42);
    expect(passIdOfToken('another-secret-of-at-least-thirty-two-chars', token)).toBeUndefined();
    const [, mac] = token.split(/-(.*)/s);
    expect(passIdOfToken(secret, `43-${mac}`)).toBeUndefined();
    for (const bad of ['', '42', '42-', `0-${mac}`, `042-${mac}`, `42-${mac}x`, `x-${mac}`, '42-../../etc']) {
      expect(passIdOfToken(secret, bad), bad).toBeUndefined();
    }
  });
});
