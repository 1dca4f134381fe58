import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { deleteCountersBefore, hitCounter, peekCounter } from '../repositories/security.js';

/** How many times a key was hit in the current fixed window, and how long until the window ends. */
export interface Hit {
  count: number;
  resetInMs: number;
}

/**
 * Fixed-window counters shared by every app process: in the database by default, in Redis when
 * REDIS_URL is set. One atomic statement per hit (an upsert, or INCR), so two processes never lose a
 * count between them.
 */
export interface Counters {
  hit(key: string, windowMs: number, now: Date): Promise<Hit>;
  /** Reads a counter without hitting it. */
  peek(key: string, windowMs: number, now: Date): Promise<number>;
}

function windowStart(now: Date, windowMs: number): number {
  return Math.floor(now.getTime() / windowMs) * windowMs;
}

export class DatabaseCounters implements Counters {
  private hitsSincePurge = 0;

  constructor(private readonly db: Kysely<DB>) {}

  async hit(key: string, windowMs: number, now: Date): Promise<Hit> {
    const start = windowStart(now, windowMs);
    const count = await hitCounter(this.db, key, new Date(start));
    if (++this.hitsSincePurge >= 1000) {
      this.hitsSincePurge = 0;
      // Finished windows are useless; dropping them now and then keeps the table small.
      await deleteCountersBefore(this.db, new Date(now.getTime() - 24 * 3_600_000));
    }
    return { count, resetInMs: start + windowMs - now.getTime() };
  }

  async peek(key: string, windowMs: number, now: Date): Promise<number> {
    return peekCounter(this.db, key, new Date(windowStart(now, windowMs)));
  }
}

export class RedisCounters implements Counters {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number, now: Date): Promise<Hit> {
    const start = windowStart(now, windowMs);
    const name = `agenda:rl:${key}:${start}`;
    const [[, count] = [null, 1]] = ((await this.redis.multi().incr(name).pexpire(name, windowMs).exec()) ??
      []) as [unknown, number][];
    return { count: Number(count), resetInMs: start + windowMs - now.getTime() };
  }

  async peek(key: string, windowMs: number, now: Date): Promise<number> {
    return Number((await this.redis.get(`agenda:rl:${key}:${windowStart(now, windowMs)}`)) ?? 0);
  }
}
