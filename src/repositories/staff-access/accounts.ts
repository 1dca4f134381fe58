import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StaffRole } from '../../domain/roles.js';

/**
 * Any number; the same in every process. Serialises the changes that must see every national
 * administrator at once: creating the first one, and demoting or deactivating one.
 */
const NATIONAL_ADMINS_LOCK = 7_311_0500;

/** Holds the national administrators' lock until the caller's transaction ends. */
export async function lockNationalAdmins(trx: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${NATIONAL_ADMINS_LOCK})`.execute(trx);
}

export function selectStaffByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('staff')
    .selectAll()
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function selectStaffById(db: Kysely<DB>, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row locked for the rest of the transaction (credential changes, lockout). */
export function selectStaffForUpdate(db: Kysely<DB>, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function selectScopes(db: Kysely<DB>, staffId: number) {
  return db
    .selectFrom('staff_scopes')
    .select(['office_code', 'channel'])
    .where('staff_id', '=', staffId)
    .orderBy('office_code')
    .orderBy('channel')
    .execute();
}

export function selectAllStaff(db: Kysely<DB>) {
  return db
    .selectFrom('staff as s')
    .select([
      's.id',
      's.email',
      's.name',
      's.role',
      's.active',
      's.totp_enabled_at',
      's.locked_until',
      's.must_change_password',
      's.last_login_at',
      sql<string[]>`coalesce((
        SELECT array_agg(sc.office_code || coalesce(':' || sc.channel, '') ORDER BY sc.office_code, sc.channel)
        FROM staff_scopes sc WHERE sc.staff_id = s.id
      ), '{}')`.as('scopes'),
    ])
    .orderBy('s.role')
    .orderBy(sql`lower(s.email)`)
    .execute();
}

export function countStaff(db: Kysely<DB>) {
  return db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function countActiveNationalAdmins(db: Kysely<DB>) {
  return db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin_nacional')
    .where('active', '=', true)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export interface NewStaffRow {
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
}

export function insertStaff(db: Kysely<DB>, row: NewStaffRow) {
  return db
    .insertInto('staff')
    .values({
      email: row.email,
      name: row.name,
      role: row.role,
      password_hash: row.passwordHash,
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
}

export async function replaceScopes(
  db: Kysely<DB>,
  staffId: number,
  scopes: readonly { officeCode: string; channel: string | null }[],
): Promise<void> {
  await db.deleteFrom('staff_scopes').where('staff_id', '=', staffId).execute();
  if (scopes.length === 0) return;
  await db
    .insertInto('staff_scopes')
    .values(scopes.map((s) => ({ staff_id: staffId, office_code: s.officeCode, channel: s.channel })))
    .execute();
}

export function updateStaffProfile(
  db: Kysely<DB>,
  id: number,
  values: { name: string; role: StaffRole; active: boolean },
) {
  return db.updateTable('staff').set(values).where('id', '=', id).execute();
}

/**
 * Counts a failed sign-in in one statement, so concurrent attempts from several processes all count:
 * the fifth failure in a row locks the account and starts the count again.
 */
export function recordFailedAttempt(
  db: Kysely<DB>,
  id: number,
  { maxAttempts, lockUntil }: { maxAttempts: number; lockUntil: Date },
) {
  return db
    .updateTable('staff')
    .set({
      failed_attempts: sql`CASE WHEN failed_attempts + 1 >= ${maxAttempts} THEN 0 ELSE failed_attempts + 1 END`,
      locked_until: sql`CASE WHEN failed_attempts + 1 >= ${maxAttempts} THEN ${lockUntil}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', id)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirst();
}

export function clearFailedAttempts(db: Kysely<DB>, id: number, now: Date) {
  return db
    .updateTable('staff')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Takes a TOTP time step for the staff member only if it is later than the last one used: a code can be
 * used once, even by two requests racing in two processes. Returns whether it was taken.
 */
export async function claimTotpCounter(db: Kysely<DB>, id: number, counter: number): Promise<boolean> {
  const row = await db
    .updateTable('staff')
    .set({ totp_last_counter: counter })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_counter', 'is', null), eb('totp_last_counter', '<', counter)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function enableTotp(db: Kysely<DB>, id: number, secret: string, counter: number, now: Date) {
  return db
    .updateTable('staff')
    .set({ totp_secret: secret, totp_enabled_at: now, totp_last_counter: counter })
    .where('id', '=', id)
    .execute();
}

export function clearTotp(db: Kysely<DB>, id: number) {
  return db
    .updateTable('staff')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_counter: null })
    .where('id', '=', id)
    .execute();
}

export function setPassword(
  db: Kysely<DB>,
  id: number,
  { hash, mustChange, now }: { hash: string; mustChange: boolean; now: Date },
) {
  return db
    .updateTable('staff')
    .set({
      password_hash: hash,
      must_change_password: mustChange,
      password_changed_at: now,
      failed_attempts: 0,
      locked_until: null,
    })
    .where('id', '=', id)
    .execute();
}

/** The same password under today's hashing parameters (see `needsRehash`). */
export function setPasswordHash(db: Kysely<DB>, id: number, hash: string) {
  return db.updateTable('staff').set({ password_hash: hash }).where('id', '=', id).execute();
}

export function unlockStaff(db: Kysely<DB>, id: number) {
  return db
    .updateTable('staff')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}
