import { addDays, type CivilDate, civilDateOf } from './civil-time.js';

interface BookingRules {
  /** How soon before it starts a slot can still be booked. */
  minLeadMinutes: number;
  /** How many days ahead people can book. */
  bookingWindowDays: number;
}

interface BookingWindow {
  today: CivilDate;
  /** Slots starting before this instant are not offered. */
  earliest: Date;
  /** The last Bogotá date that can be booked. */
  lastDate: CivilDate;
}

export function bookingWindow(now: Date, rules: BookingRules): BookingWindow {
  const today = civilDateOf(now);
  return {
    today,
    earliest: new Date(now.getTime() + rules.minLeadMinutes * 60_000),
    lastDate: addDays(today, rules.bookingWindowDays),
  };
}

/** A date range asked for, clipped to the booking window; undefined when nothing of it can be booked. */
export function clipRange(
  from: CivilDate,
  to: CivilDate,
  window: BookingWindow,
): { from: CivilDate; to: CivilDate } | undefined {
  const start = from < window.today ? window.today : from;
  const end = to > window.lastDate ? window.lastDate : to;
  return start <= end ? { from: start, to: end } : undefined;
}

/** The booking window cut into ranges of at most `days` days, for searches that answer one range at a time. */
export function windowRanges(window: BookingWindow, days: number): { from: CivilDate; to: CivilDate }[] {
  const ranges: { from: CivilDate; to: CivilDate }[] = [];
  for (let from = window.today; from <= window.lastDate; from = addDays(from, days)) {
    const to = addDays(from, days - 1);
    ranges.push({ from, to: to < window.lastDate ? to : window.lastDate });
  }
  return ranges;
}
