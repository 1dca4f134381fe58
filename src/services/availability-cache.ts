import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * A short-lived memory of answers, per process and per database. An entry lives `ttlMs` from the moment
 * it was asked for, so whatever changes in the database (in this process or any other) shows within
 * `ttlMs` plus one query's time, with no invalidation messages between processes. Concurrent requests
 * for the same key share one database query. Failures are not kept.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) this.prune(now);
    const entry = { expires: now + this.ttlMs, value: compute() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Drops expired entries; if every entry is live (many distinct questions at once), drops them all. */
  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
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
