import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot, slotCounts } from '../helpers/factories.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const PROCEDURE = 'orientacion-tributaria';

async function rush(apps: App[], slotId: number, requests: number) {
  const responses = await Promise.all(
    Array.from({ length: requests }, (_, i) =>
      (apps[i % apps.length] as App).inject({
        method: 'POST',
        url: '/api/v1/holds',
        payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
      }),
    ),
  );
  const byStatus = new Map<number, number>();
  for (const r of responses) byStatus.set(r.statusCode, (byStatus.get(r.statusCode) ?? 0) + 1);
  const codes = new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code));
  return { byStatus, codes };
}

describe.each(engines())('the booking rush on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let line: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine, 20);
    app = await buildTestApp(database, {}, () => NOW);
    line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('200 concurrent holds on a slot with 5 places: exactly 5 succeed, 195 get SLOT_FULL', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z', capacity: 5 });
    const { byStatus, codes } = await rush([app], slotId, 200);
    expect(Object.fromEntries(byStatus)).toEqual({ 201: 5, 409: 195 });
    expect([...codes]).toEqual(['SLOT_FULL']);
    expect(await slotCounts(database.db, slotId)).toEqual({
      taken: 5,
      capacity: 5,
      holds: 5,
      appointments: 0,
    });
  });
});

// Two app instances with their own pools stand for two processes sharing one PostgreSQL database
// (PGlite serves one process only, so this runs where PostgreSQL is available: always in CI).
describe.runIf(engines().includes('postgres'))('the booking rush across two app instances', () => {
  it('still sells exactly the capacity', async () => {
    const database = await createTestDatabase('postgres', 20);
    const second = openPostgres({ url: database.url as string, poolSize: 20 });
    const apps = [
      await buildTestApp(database, {}, () => NOW),
      await buildTestApp({ ...second, destroy: () => second.close() }, {}, () => NOW),
    ];
    try {
      const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
      const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:30:00Z', capacity: 5 });
      const { byStatus } = await rush(apps, slotId, 200);
      expect(Object.fromEntries(byStatus)).toEqual({ 201: 5, 409: 195 });
      expect(await slotCounts(database.db, slotId)).toEqual({
        taken: 5,
        capacity: 5,
        holds: 5,
        appointments: 0,
      });
    } finally {
      for (const app of apps) await app.close();
      await second.close();
      await database.destroy();
    }
  });
});
