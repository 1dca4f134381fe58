import { TZDate } from '@date-fns/tz';
import { addDays as addCalendarDays, format, isValid, parse } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  BOGOTA,
  civilDateOf,
  isCivilDate,
  isoWeekday,
  minutesOfDay,
  toBogotaIso,
} from '../../../src/domain/civil-time.js';

// The fast civil-time functions against the date-fns formulations they replaced, on any instant and date.
const instants = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2100-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const civilDates = instants.map((d) => format(d, 'yyyy-MM-dd'));

describe('civil time matches the date-fns reference', () => {
  it('for instants: Bogotá date, minutes of the day, ISO with offset', () => {
    fc.assert(
      fc.property(instants, (d) => {
        const local = new TZDate(d.getTime(), BOGOTA);
        expect(civilDateOf(d)).toBe(format(local, 'yyyy-MM-dd'));
        expect(minutesOfDay(d)).toBe(local.getHours() * 60 + local.getMinutes());
        expect(toBogotaIso(d)).toBe(format(local, "yyyy-MM-dd'T'HH:mm:ssxxx"));
      }),
      { numRuns: 2000 },
    );
  });

  it('for civil dates: adding days and the ISO weekday', () => {
    fc.assert(
      fc.property(civilDates, fc.integer({ min: -400, max: 400 }), (date, n) => {
        const parsed = parse(date, 'yyyy-MM-dd', new Date(0));
        expect(addDays(date, n)).toBe(format(addCalendarDays(parsed, n), 'yyyy-MM-dd'));
        const jsDay = parsed.getDay();
        expect(isoWeekday(date)).toBe(jsDay === 0 ? 7 : jsDay);
      }),
      { numRuns: 2000 },
    );
  });

  it('for text: what is a civil date', () => {
    const candidates = fc.oneof(
      civilDates,
      fc
        .tuple(
          fc.integer({ min: 1900, max: 2100 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        const parsed = parse(text, 'yyyy-MM-dd', new Date(0));
        const reference =
          /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parsed) && format(parsed, 'yyyy-MM-dd') === text;
        expect(isCivilDate(text)).toBe(reference);
      }),
      { numRuns: 3000 },
    );
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2027-02-29')).toBe(false);
  });
});
