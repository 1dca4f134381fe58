import { TZDate } from '@date-fns/tz';

/** Every civil date and wall-clock time in the product is Bogotá's, whatever the server's zone. */
export const BOGOTA = 'America/Bogota';

/** A civil date in Bogotá, `YYYY-MM-DD`. */
export type CivilDate = string;

/** Weekday numbers as ISO 8601 uses them: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/*
 * These functions run several times in every search request, so they avoid date-fns' general parser and
 * formatter (tens of microseconds each, measured in docs/scaling.md): civil dates are plain UTC calendar
 * arithmetic, and Bogotá's wall clock comes from one cached Intl formatter with a small memory per second.
 */
const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Midnight UTC of a calendar date (any year, day overflow rolls over like Date.UTC). */
function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function formatUtcDate(d: Date): CivilDate {
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function partsOf(date: CivilDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function isCivilDate(value: string): value is CivilDate {
  if (!CIVIL_DATE.test(value)) return false;
  const [year, month, day] = partsOf(value);
  const d = utcDate(year, month, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const BOGOTA_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: BOGOTA,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface BogotaWall {
  date: CivilDate;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC (Bogotá: −300). */
  offsetMinutes: number;
}

const walls = new Map<number, BogotaWall>();

/** What Bogotá's clock shows at an instant (to the second); slot times repeat, so they are remembered. */
function bogotaWall(instant: Date): BogotaWall {
  const second = Math.floor(instant.getTime() / 1000);
  const known = walls.get(second);
  if (known) return known;
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of BOGOTA_CLOCK.formatToParts(new Date(second * 1000))) p[part.type] = part.value;
  const [year, month, day] = [Number(p.year), Number(p.month), Number(p.day)];
  const [hour, minute, sec] = [Number(p.hour), Number(p.minute), Number(p.second)];
  const wallAsUtc = utcDate(year, month, day).getTime() + ((hour * 60 + minute) * 60 + sec) * 1000;
  const wall: BogotaWall = {
    date: formatUtcDate(utcDate(year, month, day)),
    hour,
    minute,
    second: sec,
    offsetMinutes: Math.round((wallAsUtc - second * 1000) / 60_000),
  };
  if (walls.size >= 4096) walls.clear();
  walls.set(second, wall);
  return wall;
}

export function isWallTime(value: string): boolean {
  return WALL_TIME.test(value);
}

/** The Bogotá civil date on which an instant falls. */
export function civilDateOf(instant: Date): CivilDate {
  return bogotaWall(instant).date;
}

/** Minutes since Bogotá midnight of an instant. */
export function minutesOfDay(instant: Date): number {
  const wall = bogotaWall(instant);
  return wall.hour * 60 + wall.minute;
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
  const [year, month, day] = partsOf(date);
  return formatUtcDate(utcDate(year, month, day + days));
}

export function isoWeekday(date: CivilDate): IsoWeekday {
  const [year, month, day] = partsOf(date);
  const jsDay = utcDate(year, month, day).getUTCDay();
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

/** Every civil date from `from` to `to`, both included. */
export function* eachDate(from: CivilDate, to: CivilDate): Generator<CivilDate> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** An instant as ISO 8601 with Bogotá's offset, the form the public API speaks: `2026-12-01T08:30:00-05:00`. */
export function toBogotaIso(instant: Date): string {
  const w = bogotaWall(instant);
  const offset = Math.abs(w.offsetMinutes);
  const sign = w.offsetMinutes < 0 ? '-' : '+';
  return `${w.date}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}${sign}${pad2(Math.floor(offset / 60))}:${pad2(offset % 60)}`;
}
