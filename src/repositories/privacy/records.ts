import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of what else is held about applicants: their appointments and consents. */

/** Their appointments with the names of procedure, channel and office, in time order. */
export function selectAppointmentsOf(db: Kysely<DB>, applicantIds: readonly number[]) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('procedures as p', 'p.code', 'a.procedure_code')
    .innerJoin('channels as c', 'c.code', 'a.channel')
    .innerJoin('offices as o', 'o.code', 'a.office_code')
    .select([
      'a.code',
      'a.procedure_code',
      'a.status',
      'a.starts_at',
      'a.office_code',
      'a.channel',
      'p.name_es as procedure_es',
      'p.name_en as procedure_en',
      'c.name_es as channel_es',
      'c.name_en as channel_en',
      'c.remote',
      'o.name as office_name',
    ])
    .where('a.applicant_id', 'in', [...applicantIds])
    .orderBy('a.starts_at')
    .execute();
}

export function selectConsentsOf(db: Kysely<DB>, applicantIds: readonly number[]) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('applicant_id', 'in', [...applicantIds])
    .orderBy('accepted_at')
    .execute();
}

/** Their booked appointments still to come, locked in slot order (as every multi-slot change locks). */
export function lockUpcomingAppointmentsOf(db: Kysely<DB>, applicantIds: readonly number[], now: Date) {
  return db
    .selectFrom('appointments')
    .select(['id', 'slot_id', 'reserved'])
    .where('applicant_id', 'in', [...applicantIds])
    .where('status', '=', 'booked')
    .where('starts_at', '>', now)
    .orderBy('slot_id')
    .forUpdate()
    .execute();
}
