import { describe, expect, it } from 'vitest';
import { HolidayCalendar } from '../../../src/domain/holidays.js';
import {
  deadlineApplies,
  monthlyDeadlines,
  naturalPersonIncomeDeadlines,
  nthBusinessDay,
} from '../../../src/domain/tax-calendar.js';

const holidays = new HolidayCalendar();
const dateOf = (list: { lastDigits: string; dueDate: string }[], digits: string) =>
  list.find((d) => d.lastDigits === digits)?.dueDate;

describe('tax calendar rule (domain facts §6)', () => {
  it('counts business days without weekends and holidays', () => {
    // December 2025: the 8th is a holiday, so the 7th business day is the 10th.
    expect(nthBusinessDay(2025, 12, 7, holidays)).toBe('2025-12-10');
    expect(nthBusinessDay(2026, 12, 7, holidays)).toBe('2026-12-10');
  });

  it('matches the published retención en la fuente of November 2025 (due December 2025)', () => {
    const list = monthlyDeadlines(2025, 12, holidays);
    expect(list.map((d) => [d.lastDigits, d.dueDate.slice(5)])).toEqual([
      ['1', '12-10'],
      ['2', '12-11'],
      ['3', '12-12'],
      ['4', '12-15'],
      ['5', '12-16'],
      ['6', '12-17'],
      ['7', '12-18'],
      ['8', '12-19'],
      ['9', '12-22'],
      ['0', '12-23'],
    ]);
    expect(list[0]?.period).toBe('2025-11');
  });

  it('matches the published renta personas jurídicas of May 2026', () => {
    const list = monthlyDeadlines(2026, 5, holidays, 'renta_juridicas');
    expect(list.map((d) => d.dueDate.slice(5))).toEqual([
      '05-12',
      '05-13',
      '05-14',
      '05-15',
      '05-19',
      '05-20',
      '05-21',
      '05-22',
      '05-25',
      '05-26',
    ]);
  });

  it('matches the published renta personas naturales checkpoints of 2025 and 2026', () => {
    const y2025 = naturalPersonIncomeDeadlines(2025, holidays);
    const y2026 = naturalPersonIncomeDeadlines(2026, holidays);
    expect(y2025).toHaveLength(100);
    const checkpoints2025: [string, string][] = [
      ['01', '08-12'],
      ['02', '08-12'],
      ['07', '08-15'],
      ['10', '08-19'],
      ['20', '08-26'],
      ['27', '09-01'],
      ['36', '09-05'],
      ['66', '09-26'],
      ['68', '10-01'],
      ['84', '10-14'],
      ['90', '10-17'],
      ['98', '10-23'],
      ['00', '10-24'],
    ];
    for (const [digits, date] of checkpoints2025) expect(dateOf(y2025, digits), digits).toBe(`2025-${date}`);
    const checkpoints2026: [string, string][] = [
      ['02', '08-12'],
      ['08', '08-18'],
      ['15', '08-24'],
      ['26', '08-31'],
      ['28', '09-01'],
      ['35', '09-07'],
      ['99', '10-26'],
      ['00', '10-26'],
    ];
    for (const [digits, date] of checkpoints2026) expect(dateOf(y2026, digits), digits).toBe(`2026-${date}`);
  });

  it('matches a NIT on its last digit(s)', () => {
    expect(deadlineApplies('900123451', { lastDigits: '1' })).toBe(true);
    expect(deadlineApplies('900123451', { lastDigits: '51' })).toBe(true);
    expect(deadlineApplies('900123451', { lastDigits: '01' })).toBe(false);
    expect(deadlineApplies('5', { lastDigits: '05' })).toBe(false);
  });
});
