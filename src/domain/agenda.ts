import { type CivilDate, eachDate, type IsoWeekday, instantAt, isoWeekday } from './civil-time.js';

/** A weekly agenda template: which weekdays, the opening hours, the slot length and places per slot. */
export interface WeeklyTemplate {
  weekdays: readonly number[];
  opensMinute: number;
  closesMinute: number;
  slotMinutes: number;
  places: number;
  breaks: readonly { from: number; to: number }[];
}

export interface PlannedSlot {
  localDate: CivilDate;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface DayFilter {
  /** True when the day has no agenda: a holiday or a declared closure. */
  isClosed(date: CivilDate): boolean;
}

/** The start minutes of a template's slots on one day: whole slots that fit and touch no break. */
export function slotStartsOfDay(t: WeeklyTemplate): number[] {
  const starts: number[] = [];
  for (let start = t.opensMinute; start + t.slotMinutes <= t.closesMinute; start += t.slotMinutes) {
    const end = start + t.slotMinutes;
    const inBreak = t.breaks.some((b) => start < b.to && end > b.from);
    if (!inBreak) starts.push(start);
  }
  return starts;
}

/** Every slot a template creates between two dates (both included), skipping closed days. */
export function planSlots(t: WeeklyTemplate, from: CivilDate, to: CivilDate, days: DayFilter): PlannedSlot[] {
  const starts = slotStartsOfDay(t);
  const planned: PlannedSlot[] = [];
  for (const date of eachDate(from, to)) {
    if (!t.weekdays.includes(isoWeekday(date) as IsoWeekday) || days.isClosed(date)) continue;
    for (const start of starts) {
      planned.push({
        localDate: date,
        startsAt: instantAt(date, start),
        endsAt: instantAt(date, start + t.slotMinutes),
        capacity: t.places,
      });
    }
  }
  return planned;
}

/** What is wrong with a template, as field → message keys; empty when it can be published. */
export function templateProblems(t: WeeklyTemplate): Partial<Record<keyof WeeklyTemplate, string>> {
  const problems: Partial<Record<keyof WeeklyTemplate, string>> = {};
  if (t.weekdays.length === 0 || t.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    problems.weekdays = 'template.weekdays';
  }
  if (t.closesMinute <= t.opensMinute) problems.closesMinute = 'template.closesBeforeOpens';
  if (!Number.isInteger(t.slotMinutes) || t.slotMinutes < 5 || t.slotMinutes > 240) {
    problems.slotMinutes = 'template.slotMinutes';
  }
  if (!Number.isInteger(t.places) || t.places < 1 || t.places > 500) problems.places = 'template.places';
  const sorted = [...t.breaks].sort((a, b) => a.from - b.from);
  for (const [i, b] of sorted.entries()) {
    const next = sorted[i + 1];
    if (b.to <= b.from || b.from < t.opensMinute || b.to > t.closesMinute || (next && next.from < b.to)) {
      problems.breaks = 'template.breaks';
    }
  }
  if (!problems.slotMinutes && !problems.closesMinute && slotStartsOfDay(t).length === 0) {
    problems.slotMinutes = 'template.noSlotFits';
  }
  return problems;
}
