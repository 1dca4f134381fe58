import { TZDate } from '@date-fns/tz';
import { addDays as addCalendarDays, format, isValid, parse } from 'date-fns';

/** Every civil date and wall-clock time in the product is Bogotá's, whatever the server's zone. */
export const BOGOTA = 'America/Bogota';

/** A civil date in Bogotá, `YYYY-MM-DD`. */
export type CivilDate = string;

/** Weekday numbers as ISO 8601 uses them: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isCivilDate(value: string): value is CivilDate {
  if (!CIVIL_DATE.test(value)) return false;
  const parsed = parse(value, 'yyyy-MM-dd', new Date(0));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

export function isWallTime(value: string): boolean {
  return WALL_TIME.test(value);
}

/** The Bogotá civil date on which an instant falls. */
export function civilDateOf(instant: Date): CivilDate {
  return format(new TZDate(instant.getTime(), BOGOTA), 'yyyy-MM-dd');
}

/** Minutes since Bogotá midnight of an instant. */
export function minutesOfDay(instant: Date): number {
  const local = new TZDate(instant.getTime(), BOGOTA);
  return local.getHours() * 60 + local.getMinutes();
}

/** The instant at which Bogotá's clock shows `time` (`HH:MM`, or minutes since midnight) on `date`. */
export function instantAt(date: CivilDate, time: string | number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const minutes = typeof time === 'number' ? time : wallTimeToMinutes(time);
  const local = new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, BOGOTA);
  return new Date(local.getTime());
}

export function wallTimeToMinutes(time: string): number {
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError(`not a wall time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function minutesToWallTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return format(addCalendarDays(parse(date, 'yyyy-MM-dd', new Date(0)), days), 'yyyy-MM-dd');
}

export function isoWeekday(date: CivilDate): IsoWeekday {
  const jsDay = parse(date, 'yyyy-MM-dd', new Date(0)).getDay();
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

/** Every civil date from `from` to `to`, both included. */
export function* eachDate(from: CivilDate, to: CivilDate): Generator<CivilDate> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** An instant as ISO 8601 with Bogotá's offset, the form the public API speaks: `2026-12-01T08:30:00-05:00`. */
export function toBogotaIso(instant: Date): string {
  return format(new TZDate(instant.getTime(), BOGOTA), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

export function today(now: Date = new Date()): CivilDate {
  return civilDateOf(now);
}
