import type { CivilDate } from './civil-time.js';

/**
 * A release: scarce places of a line given out by a draw among everyone who applies within a window,
 * instead of to whoever is fastest (DESIGN.md §7). These are its pure rules: when it is open, how long a
 * window may be, which part of the day a place is in, and which place each entry gets.
 */

export type ReleaseStatus = 'upcoming' | 'open' | 'closed' | 'drawn';

export function releaseStatus(
  release: { opensAt: Date; closesAt: Date; drawnAt: Date | null },
  now: Date,
): ReleaseStatus {
  if (release.drawnAt) return 'drawn';
  if (now.getTime() < release.opensAt.getTime()) return 'upcoming';
  if (now.getTime() < release.closesAt.getTime()) return 'open';
  return 'closed';
}

export const MIN_WINDOW_MS = 10_000;
export const MAX_WINDOW_MS = 30 * 86_400_000;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `45s`, `30m`, `2h`, `3d` as milliseconds; undefined when malformed or outside 10 s … 30 days. */
export function parseWindow(text: string): number | undefined {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms >= MIN_WINDOW_MS && ms <= MAX_WINDOW_MS ? ms : undefined;
}

export const PARTS_OF_DAY = ['manana', 'tarde'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** Bogotá wall-clock minute from which a place counts as afternoon. */
export const AFTERNOON_FROM_MINUTE = 12 * 60;

export function partOfDayOf(startMinute: number): PartOfDay {
  return startMinute < AFTERNOON_FROM_MINUTE ? 'manana' : 'tarde';
}

/** What an entry asked for beyond the release itself; null means any. */
export interface EntryPreferences {
  dates: readonly CivilDate[] | null;
  partOfDay: PartOfDay | null;
}

export interface FreePlaces {
  slotId: number;
  date: CivilDate;
  /** Bogotá wall-clock minute the slot starts. */
  startMinute: number;
  /** The instant it starts, in milliseconds: what "soonest" compares. */
  startsAtMs: number;
  free: number;
}

export interface Assignment {
  entryId: string;
  slotId: number;
}

/**
 * In draw order, each entry gets the soonest free place that fits its preferences; an entry that finds
 * none waits (it is first in line for a place of the release that frees later). Places are grouped by
 * day and part of the day, each group kept in time order, so an entry looks at the head of the groups
 * it accepts only: a draw of 100,000 entries over 20,000 places is a few million steps.
 */
export function assignPlaces(
  entries: readonly { id: string; preferences: EntryPreferences }[],
  places: readonly FreePlaces[],
): { assigned: Assignment[]; waiting: string[] } {
  const groups = new Map<string, { places: FreePlaces[]; next: number }>();
  const dates = new Set<CivilDate>();
  const left = new Map<number, number>();
  for (const place of [...places].sort((a, b) => a.startsAtMs - b.startsAtMs || a.slotId - b.slotId)) {
    if (place.free <= 0) continue;
    dates.add(place.date);
    left.set(place.slotId, place.free);
    const key = groupKey(place.date, partOfDayOf(place.startMinute));
    const group = groups.get(key) ?? { places: [], next: 0 };
    group.places.push(place);
    groups.set(key, group);
  }
  const head = (key: string): FreePlaces | undefined => {
    const group = groups.get(key);
    if (!group) return undefined;
    while (group.next < group.places.length) {
      const place = group.places[group.next] as FreePlaces;
      if ((left.get(place.slotId) ?? 0) > 0) return place;
      group.next += 1;
    }
    return undefined;
  };
  const assigned: Assignment[] = [];
  const waiting: string[] = [];
  let remaining = [...left.values()].reduce((sum, n) => sum + n, 0);
  for (const entry of entries) {
    if (remaining === 0) {
      waiting.push(entry.id);
      continue;
    }
    let best: FreePlaces | undefined;
    for (const date of entry.preferences.dates ?? dates) {
      for (const part of entry.preferences.partOfDay ? [entry.preferences.partOfDay] : PARTS_OF_DAY) {
        const candidate = head(groupKey(date, part));
        if (candidate && (!best || sooner(candidate, best))) best = candidate;
      }
    }
    if (!best) {
      waiting.push(entry.id);
      continue;
    }
    left.set(best.slotId, (left.get(best.slotId) ?? 0) - 1);
    remaining -= 1;
    assigned.push({ entryId: entry.id, slotId: best.slotId });
  }
  return { assigned, waiting };
}

/** Whether a freed place of the release suits an entry that is still waiting. */
export function fits(
  preferences: EntryPreferences,
  place: Pick<FreePlaces, 'date' | 'startMinute'>,
): boolean {
  if (preferences.dates && !preferences.dates.includes(place.date)) return false;
  return !preferences.partOfDay || preferences.partOfDay === partOfDayOf(place.startMinute);
}

function groupKey(date: CivilDate, part: PartOfDay): string {
  return `${date}|${part}`;
}

function sooner(a: FreePlaces, b: FreePlaces): boolean {
  return a.startsAtMs < b.startsAtMs || (a.startsAtMs === b.startsAtMs && a.slotId < b.slotId);
}

/** A claim window never ends later than this before the place starts: the person still has to get there. */
export const CLAIM_ENDS_BEFORE_START_MS = 3_600_000;
/** Shorter claim windows than this are not offered: the place goes to alerts and public search instead. */
export const MIN_CLAIM_MS = 15 * 60_000;

/**
 * Until when an entry may claim a place starting at `startsAt` offered now: `claimHours`, but never past
 * an hour before it starts; undefined when less than a quarter of an hour would be left to claim it.
 */
export function offerDeadline(startsAt: Date, now: Date, claimHours: number): Date | undefined {
  const until = Math.min(
    now.getTime() + claimHours * 3_600_000,
    startsAt.getTime() - CLAIM_ENDS_BEFORE_START_MS,
  );
  return until - now.getTime() >= MIN_CLAIM_MS ? new Date(until) : undefined;
}
