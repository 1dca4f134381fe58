import { describe, expect, it } from 'vitest';
import { colombianHolidays, HolidayCalendar, isColombianHoliday } from '../../../src/domain/holidays.js';

// The official dates (domain-facts §5).
const OFFICIAL: Record<number, string[]> = {
  2024: [
    '01-01',
    '01-08',
    '03-25',
    '03-28',
    '03-29',
    '05-01',
    '05-13',
    '06-03',
    '06-10',
    '07-01',
    '07-20',
    '08-07',
    '08-19',
    '10-14',
    '11-04',
    '11-11',
    '12-08',
    '12-25',
  ],
  2025: [
    '01-01',
    '01-06',
    '03-24',
    '04-17',
    '04-18',
    '05-01',
    '06-02',
    '06-23',
    '06-30',
    '07-20',
    '08-07',
    '08-18',
    '10-13',
    '11-03',
    '11-17',
    '12-08',
    '12-25',
  ],
  2026: [
    '01-01',
    '01-12',
    '03-23',
    '04-02',
    '04-03',
    '05-01',
    '05-18',
    '06-08',
    '06-15',
    '06-29',
    '07-13',
    '07-20',
    '08-07',
    '08-17',
    '10-12',
    '11-02',
    '11-16',
    '12-08',
    '12-25',
  ],
  2027: [
    '01-01',
    '01-11',
    '03-22',
    '03-25',
    '03-26',
    '05-01',
    '05-10',
    '05-31',
    '06-07',
    '07-05',
    '07-12',
    '07-20',
    '08-07',
    '08-16',
    '10-18',
    '11-01',
    '11-15',
    '12-08',
    '12-25',
  ],
};

describe('Colombian public holidays', () => {
  it.each(Object.entries(OFFICIAL))('%s matches the official calendar exactly', (year, dates) => {
    const computed = [...colombianHolidays(Number(year)).keys()].map((d) => d.slice(5)).sort();
    expect(computed).toEqual([...dates].sort());
  });

  it('knows 30 June 2025 carries two holidays', () => {
    expect(colombianHolidays(2025).get('2025-06-30')).toHaveLength(2);
  });

  it('adds 9 July (Virgen de Chiquinquirá) from 2026 only', () => {
    expect(isColombianHoliday('2026-07-13')).toBe(true);
    expect(isColombianHoliday('2025-07-14')).toBe(false);
  });

  it('is not fooled by Easter Sunday', () => {
    expect(isColombianHoliday('2026-04-05')).toBe(false);
  });

  it('applies overrides: a declared closure, and a holiday a new law removed', () => {
    const calendar = new HolidayCalendar([
      { date: '2026-12-24', kind: 'add', name: 'Cierre nacional' },
      { date: '2026-12-08', kind: 'remove', name: 'Derogado' },
    ]);
    expect(calendar.isHoliday('2026-12-24')).toBe(true);
    expect(calendar.isHoliday('2026-12-08')).toBe(false);
    expect(calendar.isHoliday('2026-12-25')).toBe(true);
    expect(calendar.namesOf('2026-12-24')).toEqual(['Cierre nacional']);
  });
});
