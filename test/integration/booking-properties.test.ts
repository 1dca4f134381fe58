import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { AppError } from '../../src/domain/errors.js';
import { cancelAppointment, rescheduleAppointment } from '../../src/services/appointments.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

const PROCEDURES = ['orientacion-tributaria', 'rut-pj'] as const;

type Action =
  | { kind: 'hold'; slot: number; procedure: number; session: number }
  | { kind: 'confirm'; hold: number; person: number }
  | { kind: 'cancel'; appointment: number }
  | { kind: 'reschedule'; appointment: number; slot: number }
  | { kind: 'wait'; minutes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('hold' as const),
    slot: fc.nat(3),
    procedure: fc.nat(1),
    session: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('confirm' as const), hold: fc.nat(20), person: fc.nat(2) }),
  fc.record({ kind: fc.constant('cancel' as const), appointment: fc.nat(10) }),
  fc.record({ kind: fc.constant('reschedule' as const), appointment: fc.nat(10), slot: fc.nat(3) }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 12 }) }),
);

/** Every rule of DESIGN §3 that concerns places, checked against the database itself. */
async function checkInvariants(database: TestDatabase, slotIds: number[]) {
  const slots = await sql<{
    id: number;
    taken: number;
    capacity: number;
    holds: number;
    appointments: number;
  }>`
    SELECT s.id, s.taken, s.capacity,
      (SELECT count(*)::int FROM holds h WHERE h.slot_id = s.id) AS holds,
      (SELECT count(*)::int FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled') AS appointments
    FROM slots s WHERE s.id IN (${sql.join(slotIds)})`.execute(database.db);
  for (const s of slots.rows) {
    expect(s.taken).toBeLessThanOrEqual(s.capacity);
    expect(s.taken).toBe(s.holds + s.appointments);
  }
  const doubles = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT person_key, procedure_code FROM appointments WHERE status = 'booked'
      GROUP BY person_key, procedure_code HAVING count(*) > 1) d`.execute(database.db);
  expect(doubles.rows[0]?.n).toBe(0);
}

describe.each(engines())('booking invariants under random interleavings on %s', (engine) => {
  let database: TestDatabase;
  let line: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine, 8);
    line = await aCapacityLine(database.db, { procedures: [...PROCEDURES] });
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('never oversells, never double-books, and every appointment has exactly one place', async () => {
    let run = 0;
    const done = { hold: 0, confirm: 0, cancel: 0, reschedule: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(action, { minLength: 1, maxLength: 4 }), { minLength: 5, maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        async (batches, capacity) => {
          run += 1;
          let now = new Date('2026-12-01T12:00:00Z');
          const slotIds = await Promise.all(
            [0, 1, 2, 3].map((i) =>
              aSlot(database.db, {
                line,
                capacity,
                startsAt: new Date(Date.UTC(2026, 11, 2 + run, 13, i * 30)),
              }),
            ),
          );
          const people = [0, 1, 2].map(() => anApplicant());
          const holds: string[] = [];
          const booked: { code: string; documentNumber: string }[] = [];
          const ctx = (): ServiceContext => ({
            db: database.db,
            config: { ...testConfig(), holdSeconds: 600, maxActivePerPerson: 2 },
            now,
          });
          const apply = async (a: Action) => {
            try {
              switch (a.kind) {
                case 'hold': {
                  const h = await placeHold(ctx(), {
                    slotId: slotIds[a.slot] as number,
                    procedure: PROCEDURES[a.procedure] as string,
                    channel: 'presencial',
                    sessionKey: `run${run}-session${a.session}`,
                  });
                  holds.push(h.holdId);
                  done.hold += 1;
                  break;
                }
                case 'confirm': {
                  const holdId = holds[a.hold % Math.max(holds.length, 1)];
                  if (!holdId) return;
                  const person = people[a.person] as Record<string, string>;
                  const c = await confirmHold(ctx(), {
                    holdId,
                    applicant: person,
                    consent,
                    via: 'api',
                    locale: 'es',
                  });
                  booked.push({ code: c.code, documentNumber: person.documentNumber as string });
                  done.confirm += 1;
                  break;
                }
                case 'cancel': {
                  const target = booked[a.appointment % Math.max(booked.length, 1)];
                  if (!target) return;
                  await cancelAppointment(ctx(), target);
                  done.cancel += 1;
                  break;
                }
                case 'reschedule': {
                  const target = booked[a.appointment % Math.max(booked.length, 1)];
                  if (!target) return;
                  const moved = await rescheduleAppointment(ctx(), {
                    ...target,
                    slotId: slotIds[a.slot] as number,
                  });
                  booked.push({ code: moved.code, documentNumber: target.documentNumber });
                  done.reschedule += 1;
                  break;
                }
                case 'wait':
                  now = new Date(now.getTime() + a.minutes * 60_000);
                  break;
              }
            } catch (err) {
              if (!(err instanceof AppError)) throw err;
            }
          };
          for (const batch of batches) {
            await Promise.all(batch.map(apply));
            await checkInvariants(database, slotIds);
          }
        },
      ),
      { numRuns: engine === 'postgres' ? 40 : 25 },
    );
    // The runs exercised every operation, not only the refusals.
    expect(done.hold).toBeGreaterThan(20);
    expect(done.confirm).toBeGreaterThan(5);
    expect(done.cancel).toBeGreaterThan(0);
    expect(done.reschedule).toBeGreaterThan(0);
  });
});
