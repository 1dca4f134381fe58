import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export function insertSession(
  db: Kysely<DB>,
  row: { id: string; staffId: number; secondFactorDone: boolean; now: Date; expiresAt: Date },
) {
  return db
    .insertInto('staff_sessions')
    .values({
      id: row.id,
      staff_id: row.staffId,
      second_factor_done: row.secondFactorDone,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** A session with what the guard needs of its staff member, in one query. */
export function selectSessionWithStaff(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('staff_sessions as ss')
    .innerJoin('staff as s', 's.id', 'ss.staff_id')
    .select([
      'ss.id',
      'ss.staff_id',
      'ss.second_factor_done',
      'ss.created_at',
      'ss.last_seen_at',
      'ss.expires_at',
      'ss.pending_totp_secret',
      's.email',
      's.name',
      's.role',
      's.active',
      's.must_change_password',
      's.totp_enabled_at',
    ])
    .where('ss.id', '=', id)
    .executeTakeFirst();
}

export function touchSession(db: Kysely<DB>, id: string, now: Date) {
  return db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export function setPendingTotpSecret(db: Kysely<DB>, id: string, secret: string | null) {
  return db.updateTable('staff_sessions').set({ pending_totp_secret: secret }).where('id', '=', id).execute();
}

export function deleteSession(db: Kysely<DB>, id: string) {
  return db.deleteFrom('staff_sessions').where('id', '=', id).execute();
}

export function deleteSessionsOf(db: Kysely<DB>, staffId: number, exceptId?: string) {
  return db
    .deleteFrom('staff_sessions')
    .where('staff_id', '=', staffId)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId as string))
    .execute();
}

export function deleteExpiredSessions(db: Kysely<DB>, now: Date, idleBefore: Date) {
  return db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .execute();
}
