import type { Redis } from 'ioredis';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

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
    const row = await sql<{ count: number }>`
      INSERT INTO rate_limit_counters (key, window_start, count) VALUES (${key}, ${new Date(start)}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
      RETURNING count`.execute(this.db);
    if (++this.hitsSincePurge >= 1000) {
      this.hitsSincePurge = 0;
      // Finished windows are useless; dropping them now and then keeps the table small.
      await this.db
        .deleteFrom('rate_limit_counters')
        .where('window_start', '<', new Date(now.getTime() - 24 * 3_600_000))
        .execute();
    }
    return { count: row.rows[0]?.count ?? 1, resetInMs: start + windowMs - now.getTime() };
  }

  async peek(key: string, windowMs: number, now: Date): Promise<number> {
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select('count')
      .where('key', '=', key)
      .where('window_start', '=', new Date(windowStart(now, windowMs)))
      .executeTakeFirst();
    return row?.count ?? 0;
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
