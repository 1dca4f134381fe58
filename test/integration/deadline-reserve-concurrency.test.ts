import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

// 10 December 2026 is the 7th business day of the month: NITs ending in 1 fall due (tax calendar data).
const NOW = new Date('2026-12-09T12:00:00Z');
const PROCEDURE = 'orientacion-tributaria';
const DUE = '800200301';
const NOT_DUE = '800200302';

describe.each(engines())('deadline-day reserve under a rush on %s', (engine) => {
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

  it('never lets anyone but the NIT due into the reserve, and never oversells', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-10T14:00:00Z', capacity: 6 });
    await database.db.updateTable('slots').set({ reserved: 2 }).where('id', '=', slotId).execute();
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: { slotId, procedure: PROCEDURE, channel: 'presencial', nit: i % 2 === 0 ? DUE : NOT_DUE },
        }),
      ),
    );
    const won = (nit: string) =>
      responses.filter((r, i) => r.statusCode === 201 && (i % 2 === 0 ? DUE : NOT_DUE) === nit).length;
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(6);
    expect(won(NOT_DUE)).toBeLessThanOrEqual(4);
    expect(won(DUE)).toBeGreaterThanOrEqual(2);
    const slot = await database.db
      .selectFrom('slots')
      .select(['taken', 'reserved', 'reserved_taken'])
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(slot).toEqual({ taken: 6, reserved: 2, reserved_taken: 2 });
    const reservedHolds = await database.db
      .selectFrom('holds')
      .select('nit')
      .where('slot_id', '=', slotId)
      .where('reserved', '=', true)
      .execute();
    expect(reservedHolds).toEqual([{ nit: DUE }, { nit: DUE }]);
  });
});
