import { addDays, type CivilDate, isoWeekday } from './civil-time.js';
import type { HolidayCalendar } from './holidays.js';

/**
 * The tax calendar (domain facts §6): deadlines fall on business days and are keyed on the last digit(s)
 * of the NIT without its check digit. The published table of a year is stored as data; this rule only
 * fills it and checks it, because a law can move holidays after the table is published.
 */
export type Obligation = 'mensual' | 'renta_naturales' | 'renta_juridicas';

export interface Deadline {
  obligation: Obligation;
  /** What is being declared: `YYYY-MM` for monthly obligations, the taxable year for renta. */
  period: string;
  /** The NIT ends with these digits (one digit, or two for renta personas naturales). */
  lastDigits: string;
  dueDate: CivilDate;
}

function isBusinessDay(date: CivilDate, holidays: HolidayCalendar): boolean {
  return isoWeekday(date) <= 5 && !holidays.isHoliday(date);
}

/** The n-th business day (1-based) of a month. */
export function nthBusinessDay(year: number, month: number, n: number, holidays: HolidayCalendar): CivilDate {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  let count = 0;
  for (;;) {
    if (isBusinessDay(date, holidays)) count++;
    if (count === n) return date;
    date = addDays(date, 1);
  }
}

/** Digit 1 → 7th business day … digit 0 → 16th, in the month the obligation is due. */
export function monthlyDeadlines(
  dueYear: number,
  dueMonth: number,
  holidays: HolidayCalendar,
  obligation: Obligation = 'mensual',
): Deadline[] {
  const declared =
    dueMonth === 1 ? `${dueYear - 1}-12` : `${dueYear}-${String(dueMonth - 1).padStart(2, '0')}`;
  const period = obligation === 'mensual' ? declared : String(dueYear - 1);
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map((digit, i) => ({
    obligation,
    period,
    lastDigits: String(digit),
    dueDate: nthBusinessDay(dueYear, dueMonth, 7 + i, holidays),
  }));
}

/**
 * Renta personas naturales: 50 pairs of last two digits (01-02 … 99-00), one pair per business day: the
 * 7th to 19th business day of August, the 1st to 20th of September and the 1st to 17th of October.
 */
export function naturalPersonIncomeDeadlines(year: number, holidays: HolidayCalendar): Deadline[] {
  const days = [
    ...range(7, 19).map((n) => nthBusinessDay(year, 8, n, holidays)),
    ...range(1, 20).map((n) => nthBusinessDay(year, 9, n, holidays)),
    ...range(1, 17).map((n) => nthBusinessDay(year, 10, n, holidays)),
  ];
  const deadlines: Deadline[] = [];
  days.forEach((dueDate, pair) => {
    for (const k of [2 * pair + 1, 2 * pair + 2]) {
      deadlines.push({
        obligation: 'renta_naturales',
        period: String(year - 1),
        lastDigits: String(k % 100).padStart(2, '0'),
        dueDate,
      });
    }
  });
  return deadlines;
}

/** Whether a NIT (digits, without check digit) is the one a deadline row is for. */
export function deadlineApplies(nit: string, deadline: Pick<Deadline, 'lastDigits'>): boolean {
  return nit.length >= deadline.lastDigits.length && nit.endsWith(deadline.lastDigits);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
