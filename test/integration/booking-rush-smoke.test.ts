import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRush } from '../../bench/rush.js';
import { openPostgres } from '../../src/db/database.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

/** The civil date `days` ahead (UTC), whose 14:00Z (09:00 Bogotá) is inside the booking window. */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The booking rush of `npm run bench` in small: 150 people at once through two app instances, each with
 * its own connection pool (two processes as far as the database can tell), on 24 places. Correctness
 * only: every place sold, none twice, nobody with two appointments. Throughput is the benchmark's job.
 */
describe.runIf(engines().includes('postgres'))('booking rush (smoke) on PostgreSQL', () => {
  let database: TestDatabase;
  let second: ReturnType<typeof openPostgres>;
  const apps: App[] = [];
  const days = [dayAhead(2), dayAhead(3)];
  const slotIds: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    second = openPostgres({ url: database.url ?? '', poolSize: 5 });
    for (const db of [database, { ...second, destroy: () => second.close() }]) {
      const app = await buildTestApp(db, { maxActivePerPerson: 3 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
    }
    const line = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: [PROCEDURE],
    });
    for (const day of days) {
      for (const hour of [14, 15, 16]) {
        const capacity = hour === 16 ? 2 : 5;
        slotIds.push(await aSlot(database.db, { line, startsAt: `${day}T${hour}:00:00Z`, capacity }));
      }
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await second.close();
    await database.destroy();
  });

  it('sells every place exactly once to distinct people', async () => {
    const urls = apps.map((a) => `http://127.0.0.1:${(a.server.address() as AddressInfo).port}`);
    const outcome = await runRush({
      urls,
      people: 150,
      procedure: PROCEDURE,
      channel: 'presencial',
      city: '05001',
      days,
      connections: 20,
      firstDocument: 1_200_000_000,
      maxSeconds: 60,
    });
    const offered = 2 * (5 + 5 + 2);
    expect(outcome.holdsOther).toBe(0);
    expect(outcome.confirmFailures).toBe(0);
    expect(outcome.confirmations).toBe(offered);

    const perSlot = await sql<{ id: number; capacity: number; taken: number; booked: number }>`
      SELECT s.id, s.capacity, s.taken,
        (SELECT count(*)::int FROM appointments a WHERE a.slot_id = s.id AND a.status = 'booked') AS booked
      FROM slots s WHERE s.id IN (${sql.join(slotIds)})`.execute(database.db);
    for (const s of perSlot.rows) {
      expect(s.booked).toBe(s.capacity);
      expect(s.taken).toBe(s.capacity);
    }
    const twice = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT person_key FROM appointments WHERE status = 'booked' GROUP BY person_key HAVING count(*) > 1) t`.execute(
      database.db,
    );
    expect(twice.rows[0]?.n).toBe(0);
    const holdsLeft = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM holds WHERE slot_id IN (${sql.join(slotIds)})`.execute(database.db);
    expect(holdsLeft.rows[0]?.n).toBe(0);
  });
});
