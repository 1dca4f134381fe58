import { randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/db.js';
import { requireAll } from '../helpers/environment.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Whether Redis answers; a run without it says so, and fails under REQUIRE_ALL=1. */
async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const reachable = await redisReachable();
if (!reachable) {
  process.stderr.write(
    `\n!! rate limits on Redis left out: nothing answers at ${REDIS_URL} (TEST_REDIS_URL)\n\n`,
  );
  if (requireAll) throw new Error(`REQUIRE_ALL=1 and Redis is not reachable at ${REDIS_URL}`);
}

describe.runIf(reachable)('rate limits kept in Redis (REDIS_URL)', () => {
  it('hold across two app instances: the sum allowed over both stays within the limit', async () => {
    const database = await createTestDatabase('pglite');
    const apps: App[] = [
      await buildTestApp(database, { rateLimit: true, redisUrl: REDIS_URL }, () => NOW),
      await buildTestApp(database, { rateLimit: true, redisUrl: REDIS_URL }, () => NOW),
    ];
    // An address of its own, so runs sharing this Redis do not count each other's requests.
    const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    try {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (apps[i % 2] as App).inject({
            method: 'POST',
            url: '/api/v1/appointments/lookup',
            payload: { code: 'ABCDE23456', documentNumber: '123456' },
            remoteAddress: address,
          }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 404)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      const limited = responses.find((r) => r.statusCode === 429);
      expect(limited?.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
      // Nothing of it went to the database's counters.
      expect(await database.db.selectFrom('rate_limit_counters').selectAll().execute()).toEqual([]);
    } finally {
      for (const app of apps) await app.close();
      await database.destroy();
    }
  });
});
