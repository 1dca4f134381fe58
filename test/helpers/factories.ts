import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { ApplicantInput } from '../../src/domain/applicant.js';
import { civilDateOf } from '../../src/domain/civil-time.js';
import { POLICY_VERSION } from '../../src/domain/privacy-policy.js';

/** Builders of the data a test needs, with sensible defaults a test overrides where it matters. */

export async function aCapacityLine(
  db: Kysely<DB>,
  {
    office = '11',
    channel = 'presencial',
    procedures = ['orientacion-tributaria'],
  }: { office?: string; channel?: string; procedures?: string[] } = {},
): Promise<number> {
  const line = await db
    .insertInto('capacity_lines')
    .values({ office_code: office, channel, name: `test ${office} ${channel}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('capacity_line_procedures')
    .values(procedures.map((p) => ({ capacity_line_id: line.id, procedure_code: p })))
    .execute();
  return line.id;
}

export async function aSlot(
  db: Kysely<DB>,
  {
    line,
    startsAt,
    minutes = 30,
    capacity = 5,
    office = '11',
    channel = 'presencial',
  }: {
    line: number;
    startsAt: Date | string;
    minutes?: number;
    capacity?: number;
    office?: string;
    channel?: string;
  },
): Promise<number> {
  const start = new Date(startsAt);
  const row = await db
    .insertInto('slots')
    .values({
      capacity_line_id: line,
      office_code: office,
      channel,
      local_date: civilDateOf(start),
      starts_at: start,
      ends_at: new Date(start.getTime() + minutes * 60_000),
      capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let sequence = 0;

/** A valid natural person with a document number no other test uses. */
export function anApplicant(
  overrides: Partial<Record<keyof ApplicantInput, string>> = {},
): Record<string, string> {
  sequence += 1;
  const documentNumber = String(1_000_000_000 + ((process.pid * 7919 + sequence * 104_729) % 999_999_999));
  return {
    personType: 'natural',
    documentType: 'CC',
    documentNumber,
    firstName: 'María José',
    lastName: 'Pérez Gómez',
    email: `persona${sequence}@example.com`,
    phone: '300 123 4567',
    ...overrides,
  };
}

export const consent = { accepted: true, policyVersion: POLICY_VERSION };

/** The slot's counter against what holds and appointments say it should be. */
export async function slotCounts(db: Kysely<DB>, slotId: number) {
  const slot = await db
    .selectFrom('slots')
    .select(['taken', 'capacity'])
    .where('id', '=', slotId)
    .executeTakeFirstOrThrow();
  const holds = await db
    .selectFrom('holds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('slot_id', '=', slotId)
    .executeTakeFirstOrThrow();
  const appointments = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('slot_id', '=', slotId)
    .where('status', 'in', ['booked', 'checked_in', 'attended', 'no_show'])
    .executeTakeFirstOrThrow();
  return {
    taken: slot.taken,
    capacity: slot.capacity,
    holds: Number(holds.n),
    appointments: Number(appointments.n),
  };
}
