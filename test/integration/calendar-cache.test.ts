import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

/** Two working days ahead at 09:00 Bogotá, well inside the booking window of a real clock. */
function aFutureSlotStart(): { startsAt: string; date: string } {
  const d = new Date(Date.now() + 3 * 86_400_000);
  const date = d.toISOString().slice(0, 10);
  return { startsAt: `${date}T14:00:00Z`, date };
}

async function until(probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(engines())(
  'the availability caches (CALENDAR_CACHE_MS=SLOTS_CACHE_MS=1000) on %s',
  (engine) => {
    let database: TestDatabase;
    let app: App;
    let slotId: number;
    const { startsAt, date } = aFutureSlotStart();
    const daysUrl = `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=11&from=${date}&to=${date}`;
    const slotsUrl = `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=${date}`;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      app = await buildTestApp(database, { calendarCacheMs: 1000, slotsCacheMs: 1000 });
      const line = await aCapacityLine(database.db, {
        office: '11',
        channel: 'presencial',
        procedures: [PROCEDURE],
      });
      slotId = await aSlot(database.db, { line, startsAt, capacity: 2 });
    });
    afterAll(async () => {
      await app.close();
      await database.destroy();
    });

    const calendar = async (on: App = app) => {
      const res = await on.inject({ url: daysUrl });
      expect(res.statusCode).toBe(200);
      return res.json().items as { date: string; available: number }[];
    };
    const hold = (on: App = app) =>
      on.inject({
        method: 'POST',
        url: '/api/v1/holds',
        payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
      });

    const times = async () => {
      const res = await app.inject({ url: slotsUrl });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      return res.json().items as { slotId: number; available: number; startsAt: string }[];
    };

    it('shows a change within a second, and a hold is exact even when the calendar and the times are a moment old', async () => {
      expect(await calendar()).toEqual([{ date, available: 2 }]);
      const before = await times();
      expect(before).toMatchObject([{ slotId, available: 2, startsAt: expect.stringMatching(/-05:00$/) }]);
      // the same answer again, from memory
      expect(await times()).toEqual(before);
      expect((await hold()).statusCode).toBe(201);
      expect((await hold()).statusCode).toBe(201);
      // the calendar and the times may still say 2 for a moment, but no hold can succeed on the full slot
      const stale = await calendar();
      expect(stale.length === 0 || stale[0]?.available === 2).toBe(true);
      const staleTimes = await times();
      expect(staleTimes.length === 0 || staleTimes[0]?.available === 2).toBe(true);
      expect((await hold()).statusCode).toBe(409);
      // a refused hold makes this process forget that day's times: the person sees them exact at once
      expect(await times()).toEqual([]);
      expect(await until(async () => (await calendar()).length === 0, 2000)).toBeLessThan(2000);
    });

    it.runIf(engine === 'postgres')('shows a change made by another process within two seconds', async () => {
      const line = await aCapacityLine(database.db, {
        office: '11',
        channel: 'presencial',
        procedures: ['rut-pj'],
      });
      const other = await aSlot(database.db, { line, startsAt, capacity: 1 });
      const url = `/api/v1/availability/days?procedure=rut-pj&channel=presencial&office=11&from=${date}&to=${date}`;
      // a second "process": its own connection pool and its own app, on the same database
      const secondDatabase = openPostgres({ url: database.url ?? '', poolSize: 2 });
      const second = await buildTestApp(
        { ...secondDatabase, destroy: () => secondDatabase.close() },
        {
          calendarCacheMs: 1000,
        },
      );
      try {
        expect((await app.inject({ url })).json().items).toEqual([{ date, available: 1 }]);
        const held = await second.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: { slotId: other, procedure: 'rut-pj', channel: 'presencial' },
        });
        expect(held.statusCode).toBe(201);
        const waited = await until(async () => (await app.inject({ url })).json().items.length === 0, 2000);
        expect(waited).toBeLessThan(2000);
      } finally {
        await second.close();
        await secondDatabase.close();
      }
    });
  },
);
