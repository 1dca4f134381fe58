import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent, slotCounts } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

describe.each(engines())('anti-trading on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date('2026-12-01T12:00:00Z'));
  let line: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { releaseDelaySeconds: 900 }, clock.now);
    line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const book = async (slotId: number) => {
    const applicant = anApplicant();
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${hold.json().holdId}/confirm`,
      payload: { applicant, consent },
    });
    return { code: done.json().code as string, documentNumber: applicant.documentNumber as string };
  };

  it('keeps a cancelled place out of public search for a random delay, so it cannot be handed over', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T13:00:00Z', capacity: 1 });
    const booked = await book(slotId);
    await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${booked.code}/cancel`,
      payload: { documentNumber: booked.documentNumber },
    });

    // The accomplice tries to take the place right after the cancellation: it is not there yet.
    const grab = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(grab.statusCode).toBe(409);
    const search = `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-03`;
    expect((await app.inject({ url: search })).json().items).toEqual([]);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 1, holds: 1, appointments: 0 });

    clock.advance(901_000);
    expect((await app.inject({ url: search })).json().items).toEqual([
      expect.objectContaining({ slotId, available: 1 }),
    ]);
  });

  it('never lets the name or document of an appointment change', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T14:00:00Z' });
    await book(slotId);
    const appointment = await database.db
      .selectFrom('appointments')
      .selectAll()
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    await expect(
      database.db
        .updateTable('applicants')
        .set({ document_number: '11111111' })
        .where('id', '=', appointment.applicant_id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      database.db
        .updateTable('applicants')
        .set({ first_name: 'Otra' })
        .where('id', '=', appointment.applicant_id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    const other = await database.db
      .selectFrom('applicants')
      .select('id')
      .where('id', '<>', appointment.applicant_id)
      .executeTakeFirstOrThrow();
    await expect(
      database.db
        .updateTable('appointments')
        .set({ applicant_id: other.id })
        .where('id', '=', appointment.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    // Contact details may be corrected; anonymisation may erase everything.
    await database.db
      .updateTable('applicants')
      .set({ email: 'nuevo@example.com' })
      .where('id', '=', appointment.applicant_id)
      .execute();
    await sql`UPDATE applicants SET first_name = '-', last_name = '-', document_number = 'anon', anonymised_at = now() WHERE id = ${appointment.applicant_id}`.execute(
      database.db,
    );
  });
});
