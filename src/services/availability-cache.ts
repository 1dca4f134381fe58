import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * A short-lived memory of answers, per process and per database. An answer is served as it is for the
 * first half of `ttlMs` after its query started; in the second half it is still served while one
 * request refreshes it in the background, so a busy key never makes a crowd wait on the database (the
 * calendar's p99). Past `ttlMs` it is never served. Whatever changes in the database, in this process or
 * any other, therefore shows within `ttlMs` plus one query's time, with no messages between processes.
 * Concurrent requests for a missing key share one query; failures are not kept.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const now = performance.now();
    const entry = this.entries.get(key);
    if (entry) {
      const age = now - entry.startedAt;
      if (age < this.ttlMs / 2 || (!entry.settled && age < this.ttlMs)) return entry.value;
      if (age < this.ttlMs) {
        if (!entry.refreshing) this.refresh(key, entry, compute, now);
        return entry.value;
      }
    }
    if (this.entries.size >= this.maxEntries) this.prune(now);
    const fresh = this.start(compute, now);
    this.entries.set(key, fresh);
    fresh.value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    return fresh.value;
  }

  private start(compute: () => Promise<V>, now: number): Entry<V> {
    const entry: Entry<V> = { startedAt: now, value: compute(), settled: false, refreshing: false };
    entry.value.then(
      () => {
        entry.settled = true;
      },
      () => undefined,
    );
    return entry;
  }

  /** Replaces a stale answer once its fresh one is in; until then (or if it fails) the stale one serves. */
  private refresh(key: string, stale: Entry<V>, compute: () => Promise<V>, now: number): void {
    stale.refreshing = true;
    const fresh = this.start(compute, now);
    fresh.value.then(
      () => {
        const current = this.entries.get(key);
        if (!current || current.startedAt <= fresh.startedAt) this.entries.set(key, fresh);
      },
      () => {
        stale.refreshing = false;
      },
    );
  }

  /** Drops the answers whose keys match, so the next request for them asks the database. */
  forget(matches: (key: string) => boolean): void {
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
  }

  /** Drops expired entries; if every entry is live (many distinct questions at once), drops them all. */
  private prune(now: number): void {
    for (const [key, entry] of this.entries)
      if (now - entry.startedAt >= this.ttlMs) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
}

interface Entry<V> {
  /** When the query behind this answer started: the answer is at least this fresh. */
  startedAt: number;
  value: Promise<V>;
  settled: boolean;
  refreshing: boolean;
}

const caches = new WeakMap<Kysely<DB>, Map<string, TtlCache<unknown>>>();

/** The named cache of one database handle, or undefined when caching is off (ttlMs 0). */
export function cacheOf<V>(db: Kysely<DB>, name: string, ttlMs: number): TtlCache<V> | undefined {
  if (ttlMs <= 0) return undefined;
  let named = caches.get(db);
  if (!named) {
    named = new Map();
    caches.set(db, named);
  }
  let cache = named.get(name);
  if (!cache) {
    cache = new TtlCache<unknown>(ttlMs);
    named.set(name, cache);
  }
  return cache as TtlCache<V>;
}
