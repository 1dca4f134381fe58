import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const PROCEDURE = 'orientacion-tributaria';

async function solvedPayload(app: App): Promise<string> {
  const challenge = (await app.inject({ url: '/api/v1/challenge' })).json();
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe.each(engines())('proof-of-work on holds on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let slotId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { captcha: true, powDifficulty: 2_000 }, () => NOW);
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z', capacity: 10 });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const hold = (altcha?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial', ...(altcha ? { altcha } : {}) },
    });

  it('refuses a hold without a valid proof-of-work with CAPTCHA_REQUIRED', async () => {
    for (const altcha of [
      undefined,
      'bm90IGEgcGF5bG9hZA==',
      Buffer.from('{"challenge":{},"solution":{}}').toString('base64'),
    ]) {
      const res = await hold(altcha);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CAPTCHA_REQUIRED', status: 403 });
    }
  });

  it('accepts a solved challenge once and refuses its replay', async () => {
    const payload = await solvedPayload(app);
    expect((await hold(payload)).statusCode).toBe(201);
    const replay = await hold(payload);
    expect(replay.statusCode).toBe(403);
    expect(replay.json().code).toBe('CAPTCHA_REQUIRED');
  });

  it('lets a challenge expire by the app clock, far from the host clock on either side', async () => {
    // The host's clock is neither of these: before the fix ALTCHA compared the expiry with it, refusing
    // every challenge made at a past app time and accepting stale ones made at a future one.
    for (const appTime of ['2019-03-04T15:00:00Z', '2041-03-04T15:00:00Z']) {
      const clock = new TestClock(new Date(appTime));
      const other = await buildTestApp(database, { captcha: true, powDifficulty: 2_000 }, clock.now);
      try {
        const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
        const nextMorning = new Date(clock.now().getTime() + 22 * 3_600_000).toISOString();
        const slot = await aSlot(database.db, { line, startsAt: nextMorning, capacity: 10 });
        const holdOn = (altcha: string) =>
          other.inject({
            method: 'POST',
            url: '/api/v1/holds',
            payload: { slotId: slot, procedure: PROCEDURE, channel: 'presencial', altcha },
          });
        const fresh = await solvedPayload(other);
        clock.advance(9 * 60_000);
        expect((await holdOn(fresh)).statusCode, appTime).toBe(201);

        const stale = await solvedPayload(other);
        clock.advance(10 * 60_000 + 1);
        const refused = await holdOn(stale);
        expect(refused.statusCode, appTime).toBe(403);
        expect(refused.json().code).toBe('CAPTCHA_REQUIRED');

        // Moving the expiry forward in the payload breaks its signature.
        const decoded = JSON.parse(Buffer.from(stale, 'base64').toString('utf8'));
        decoded.challenge.parameters.data.expiresAtMs = clock.now().getTime() + 60_000;
        const forged = Buffer.from(JSON.stringify(decoded)).toString('base64');
        expect((await holdOn(forged)).statusCode, appTime).toBe(403);
      } finally {
        await other.close();
      }
    }
  });

  it('raises the difficulty when hold requests surge', async () => {
    const later = new Date('2026-12-01T15:00:00Z'); // a minute in which no other test counted holds
    const surge = await buildTestApp(
      database,
      { captcha: true, powDifficulty: 2_000, powSurgePerMinute: 5 },
      () => later,
    );
    try {
      expect(await surge.proofOfWork.difficulty(later)).toBe(2_000);
      for (let i = 0; i < 5; i++) await surge.proofOfWork.countHoldRequest(later);
      expect(await surge.proofOfWork.difficulty(later)).toBe(8_000);
      for (let i = 0; i < 15; i++) await surge.proofOfWork.countHoldRequest(later);
      expect(await surge.proofOfWork.difficulty(later)).toBe(32_000);
      expect(await surge.proofOfWork.difficulty(new Date(later.getTime() + 60_000))).toBe(2_000);
    } finally {
      await surge.close();
    }
  });
});

describe.each(engines())('rate limits on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { rateLimit: true }, () => NOW);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('answers 429 RATE_LIMITED with Retry-After past the limit of manage look-ups', async () => {
    const lookup = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/appointments/lookup',
        payload: { code: 'ABCDE23456', documentNumber: '123456' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await lookup()).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    const limited = await lookup();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });
});

describe.runIf(engines().includes('postgres'))('rate limits across two app processes', () => {
  it('the sum allowed over both stays within the limit', async () => {
    const database = await createTestDatabase('postgres');
    const second = openPostgres({ url: database.url as string, poolSize: 5 });
    const apps = [
      await buildTestApp(database, { rateLimit: true }, () => NOW),
      await buildTestApp({ ...second, destroy: () => second.close() }, { rateLimit: true }, () => NOW),
    ];
    try {
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (apps[i % 2] as App).inject({
            method: 'POST',
            url: '/api/v1/appointments/lookup',
            payload: { code: 'ABCDE23456', documentNumber: '123456' },
          }),
        ),
      );
      const allowed = responses.filter((r) => r.statusCode !== 429).length;
      expect(allowed).toBe(20);
    } finally {
      for (const a of apps) await a.close();
      await second.close();
      await database.destroy();
    }
  });
});
