import Holidays from 'date-holidays';
import type { CivilDate } from './civil-time.js';

/**
 * Colombian public holidays (Ley 51 de 1983 and Ley 2578 de 2026) from `date-holidays`, which guards the
 * 2026 addition of 9 July correctly. Easter Sunday is listed by the library but is not a public holiday
 * (and is a Sunday anyway), so it is dropped. Closures and future laws are kept as data in the database
 * and merged by the callers (`HolidayCalendar`).
 */
const source = new Holidays('CO');
const cache = new Map<number, Map<CivilDate, string[]>>();

export function colombianHolidays(year: number): Map<CivilDate, string[]> {
  const cached = cache.get(year);
  if (cached) return cached;
  const byDate = new Map<CivilDate, string[]>();
  for (const holiday of source.getHolidays(year)) {
    if (holiday.type !== 'public' || holiday.rule === 'easter') continue;
    const date = holiday.date.slice(0, 10);
    byDate.set(date, [...(byDate.get(date) ?? []), holiday.name]);
  }
  cache.set(year, byDate);
  return byDate;
}

export function isColombianHoliday(date: CivilDate): boolean {
  return colombianHolidays(Number(date.slice(0, 4))).has(date);
}

/** A holiday override stored by administrators: a closure of the whole country, or a holiday a new law removed. */
export interface HolidayOverride {
  date: CivilDate;
  kind: 'add' | 'remove';
  name: string;
}

export class HolidayCalendar {
  private readonly added = new Map<CivilDate, string>();
  private readonly removed = new Set<CivilDate>();

  constructor(overrides: readonly HolidayOverride[] = []) {
    for (const o of overrides) {
      if (o.kind === 'add') this.added.set(o.date, o.name);
      else this.removed.add(o.date);
    }
  }

  isHoliday(date: CivilDate): boolean {
    if (this.removed.has(date)) return false;
    return this.added.has(date) || isColombianHoliday(date);
  }

  namesOf(date: CivilDate): string[] {
    if (this.removed.has(date)) return [];
    const added = this.added.get(date);
    const official = colombianHolidays(Number(date.slice(0, 4))).get(date) ?? [];
    return added ? [...official, added] : official;
  }
}
