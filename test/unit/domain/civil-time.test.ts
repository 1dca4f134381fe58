import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilDateOf,
  eachDate,
  instantAt,
  isCivilDate,
  isoWeekday,
  minutesOfDay,
  toBogotaIso,
} from '../../../src/domain/civil-time.js';

describe('Bogotá civil time', () => {
  it('is five hours behind UTC all year', () => {
    expect(instantAt('2026-01-15', '08:00').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(instantAt('2026-07-15', '08:00').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(instantAt('2026-12-01', 8 * 60 + 30).toISOString()).toBe('2026-12-01T13:30:00.000Z');
  });

  it('puts late-evening instants on the Bogotá date, not the UTC one', () => {
    const instant = new Date('2026-12-02T03:30:00Z'); // 22:30 on 1 December in Bogotá
    expect(civilDateOf(instant)).toBe('2026-12-01');
    expect(minutesOfDay(instant)).toBe(22 * 60 + 30);
    expect(toBogotaIso(instant)).toBe('2026-12-01T22:30:00-05:00');
  });

  it('remembers the one year with daylight saving (1992–93)', () => {
    expect(toBogotaIso(new Date('1992-08-01T12:00:00Z'))).toBe('1992-08-01T08:00:00-04:00');
  });

  it('validates civil dates strictly', () => {
    expect(isCivilDate('2026-02-28')).toBe(true);
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2026-13-01')).toBe(false);
    expect(isCivilDate('26-01-01')).toBe(false);
    expect(isCivilDate('2026-1-01')).toBe(false);
  });

  it('does calendar arithmetic on civil dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect([...eachDate('2026-11-28', '2026-12-01')]).toEqual([
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
  });
});
