import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { civilDateOf, minutesOfDay } from '../../domain/civil-time.js';
import { daysBetween, weeksAhead } from '../../domain/reports.js';
import * as repo from '../../repositories/reports-activity.js';

/**
 * What the reports learn from the booking journey, counted in memory and added to the hourly counters
 * every few seconds: a search or a hold costs a map update, never a query, and a failing database can
 * never slow down or break the search that is being counted. The price is that a process that dies
 * loses its last seconds of counts, which is fine for statistics.
 */

export interface SearchEvent {
  at: Date;
  kind: 'days' | 'slots' | 'first';
  procedure: string;
  channel: string;
  officeCode?: string | undefined;
  cityCode?: string | undefined;
  /** The first date the person asked about (today for "first available"). */
  firstDateAsked: string;
  /** The first date found with room, or null when nothing was found. */
  firstDateFound: string | null;
}

export interface HoldEvent {
  at: Date;
  slotId: number;
  procedure: string;
  channel: string;
}

const FLUSH_AFTER_MS = 2_000;
const FLUSH_AT_KEYS = 2_000;

class ActivityBuffer {
  searches = new Map<string, repo.SearchCountRow>();
  hours = new Map<string, repo.SearchHourRow>();
  leads = new Map<string, repo.LeadCountRow>();
  holds = new Map<string, repo.HoldCountRow>();
  timer: NodeJS.Timeout | null = null;
  pending: Promise<void> = Promise.resolve();
  onError: (err: unknown) => void = () => {};

  constructor(private readonly db: Kysely<DB>) {}

  size(): number {
    return this.searches.size + this.hours.size + this.leads.size + this.holds.size;
  }

  touched(): void {
    if (this.size() >= FLUSH_AT_KEYS) {
      void this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Writes what is buffered; flushes run one after another, so awaiting one waits for earlier ones. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const searches = [...this.searches.entries()].sort(byKey).map(([, v]) => v);
    const hours = [...this.hours.entries()].sort(byKey).map(([, v]) => v);
    const leads = [...this.leads.entries()].sort(byKey).map(([, v]) => v);
    const holds = [...this.holds.entries()].sort(byKey).map(([, v]) => v);
    this.searches = new Map();
    this.hours = new Map();
    this.leads = new Map();
    this.holds = new Map();
    this.pending = this.pending.then(async () => {
      if (searches.length + hours.length + leads.length + holds.length === 0) return;
      try {
        await repo.addSearchCounts(this.db, searches);
        await repo.addSearchHourCounts(this.db, hours);
        await repo.addLeadCounts(this.db, leads);
        await repo.addHoldCounts(this.db, holds);
      } catch (err) {
        this.onError(err);
      }
    });
    return this.pending;
  }
}

function byKey(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

// One buffer per database handle: tests run many apps on many databases in one process.
const buffers = new WeakMap<Kysely<DB>, ActivityBuffer>();

function bufferOf(db: Kysely<DB>): ActivityBuffer {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = new ActivityBuffer(db);
    buffers.set(db, buffer);
  }
  return buffer;
}

function hourOf(at: Date): number {
  return Math.floor(minutesOfDay(at) / 60);
}

/** Counts one availability search. Never throws. */
export function recordSearch(db: Kysely<DB>, e: SearchEvent): void {
  try {
    const buffer = bufferOf(db);
    const day = civilDateOf(e.at);
    const hour = hourOf(e.at);
    const officeCode = e.officeCode ?? '';
    const cityCode = officeCode ? '' : (e.cityCode ?? '');
    const ahead = weeksAhead(day, e.firstDateAsked);
    const place = `${e.procedure}|${e.channel}|${officeCode}|${cityCode}`;
    const key = `${day}|${place}|${e.kind}|${ahead}`;
    const row = buffer.searches.get(key) ?? {
      day,
      procedure: e.procedure,
      channel: e.channel,
      officeCode,
      cityCode,
      kind: e.kind,
      weeksAhead: ahead,
      searches: 0,
      found: 0,
    };
    row.searches += 1;
    if (e.firstDateFound !== null) row.found += 1;
    buffer.searches.set(key, row);
    const hourKey = `${day}|${String(hour).padStart(2, '0')}|${place}`;
    const byHour = buffer.hours.get(hourKey) ?? {
      day,
      hour,
      procedure: e.procedure,
      channel: e.channel,
      officeCode,
      cityCode,
      searches: 0,
    };
    byHour.searches += 1;
    buffer.hours.set(hourKey, byHour);
    if (e.firstDateFound !== null) {
      const leadDays = Math.max(0, daysBetween(day, e.firstDateFound));
      const leadKey = `${day}|${place}|${String(leadDays).padStart(4, '0')}`;
      const lead = buffer.leads.get(leadKey) ?? {
        day,
        procedure: e.procedure,
        channel: e.channel,
        officeCode,
        cityCode,
        leadDays,
        searches: 0,
      };
      lead.searches += 1;
      buffer.leads.set(leadKey, lead);
    }
    buffer.touched();
  } catch {
    // Counting must never cost a person their search.
  }
}

/** Counts one place held by a person choosing a time. Never throws. */
export function recordHold(db: Kysely<DB>, e: HoldEvent): void {
  try {
    const buffer = bufferOf(db);
    const day = civilDateOf(e.at);
    const hour = hourOf(e.at);
    const key = `${day}|${String(hour).padStart(2, '0')}|${e.slotId}|${e.procedure}|${e.channel}`;
    const row = buffer.holds.get(key) ?? {
      day,
      hour,
      slotId: e.slotId,
      procedure: e.procedure,
      channel: e.channel,
      holds: 0,
    };
    row.holds += 1;
    buffer.holds.set(key, row);
    buffer.touched();
  } catch {
    // Counting must never cost a person their place.
  }
}

/** Writes this process's buffered counts now (before a report reads them, and when the app closes). */
export function flushActivity(db: Kysely<DB>): Promise<void> {
  return buffers.get(db)?.flush() ?? Promise.resolve();
}

/** Where a failed flush is reported (the app's logger). */
export function onActivityError(db: Kysely<DB>, report: (err: unknown) => void): void {
  bufferOf(db).onError = report;
}
