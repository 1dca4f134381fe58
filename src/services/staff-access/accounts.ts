import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { refusingTakenKey } from '../../db/transaction.js';
import { type Actor, requirePermission, type StaffScope } from '../../domain/access.js';
import { AppError, notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { STAFF_ROLES, type StaffRole } from '../../domain/roles.js';
import * as repo from '../../repositories/staff-access/accounts.js';
import { deleteSessionsOf } from '../../repositories/staff-access/sessions.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { readScopes, scopeLabel } from './scope-field.js';

const FIRST_ADMIN_EMAIL = 'admin@dian.local';

export interface StaffSummary {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  totpEnabled: boolean;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  scopes: string[];
}

export async function listStaff(db: Kysely<DB>, actor: Actor): Promise<StaffSummary[]> {
  requirePermission(actor, 'staff.view');
  const rows = await repo.selectAllStaff(db);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    totpEnabled: r.totp_enabled_at !== null,
    lockedUntil: r.locked_until,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at,
    scopes: r.scopes,
  }));
}

export interface StaffDetail extends StaffSummary {
  scopeText: string;
}

export async function getStaff(db: Kysely<DB>, actor: Actor, id: number): Promise<StaffDetail> {
  requirePermission(actor, 'staff.view');
  const row = await repo.selectStaffById(db, id);
  if (!row) throw notFound();
  const scopes = await repo.selectScopes(db, id);
  const texts = scopes.map((s) => scopeLabel({ officeCode: s.office_code, channel: s.channel }));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    totpEnabled: row.totp_enabled_at !== null,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at,
    scopes: texts,
    scopeText: texts.join(', '),
  };
}

function auditView(
  row: { email: string; name: string; role: StaffRole; active: boolean },
  scopes: StaffScope[],
) {
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    scopes: scopes.map(scopeLabel),
  };
}

export interface CreatedStaff {
  id: number;
  email: string;
  oneTimePassword: string;
}

/**
 * Creates a staff account with a one-time password (returned once, never stored in clear); the person
 * must replace it at first sign-in, and administrators must enrol a second factor.
 */
export async function createStaff(
  db: Kysely<DB>,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<CreatedStaff> {
  requirePermission(actor, 'staff.manage');
  const form = new FormReader(input);
  const email = form.email('email');
  const nameGiven = form.optionalText('name', { max: 200 });
  const role = form.choice('role', STAFF_ROLES);
  const scopes = await readScopes(db, form, role, form.raw('offices') ?? '');
  if (!form.has('email') && (await repo.selectStaffByEmail(db, email)))
    form.fail('email', 'admin.staff.emailTaken');
  form.done();
  const name = nameGiven ?? email.split('@')[0] ?? email;
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const id = await refusingTakenKey({ field: 'email', key: 'admin.staff.emailTaken' }, () =>
    db.transaction().execute(async (trx) => {
      const id = await repo.insertStaff(trx, { email, name, role: role as StaffRole, passwordHash });
      await repo.replaceScopes(trx, id, scopes);
      await recordAudit(trx, {
        ...auditedAs(actor, now),
        action: 'staff.create',
        entityType: 'staff',
        entityId: String(id),
        officeCode: null,
        before: null,
        after: auditView({ email, name, role: role as StaffRole, active: true }, scopes),
      });
      return id;
    }),
  );
  return { id, email, oneTimePassword };
}

/** Changes name, role, scope and whether the account is active. Nobody can lock themselves out. */
export async function updateStaff(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: FormInput,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'staff.manage');
  const form = new FormReader(input);
  const name = form.text('name', { max: 200 });
  const role = form.choice('role', STAFF_ROLES);
  const active = form.checkbox('active');
  const scopes = await readScopes(db, form, role, form.raw('offices') ?? '');
  form.done();
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectStaffForUpdate(trx, id);
    if (!before) throw notFound();
    const beforeScopes = (await repo.selectScopes(trx, id)).map((s) => ({
      officeCode: s.office_code,
      channel: s.channel,
    }));
    if (id === actor.staffId && (role !== before.role || !active))
      throw validationFailed([
        { field: role !== before.role ? 'role' : 'active', key: 'admin.staff.notYourself' },
      ]);
    if (before.role === 'admin_nacional' && before.active && (role !== 'admin_nacional' || !active)) {
      // The row lock serialises this with changes to the same account only; this lock with changes to
      // any other national administrator, so two demotions cannot both pass the count.
      await repo.lockNationalAdmins(trx);
      if ((await repo.countActiveNationalAdmins(trx)) <= 1)
        throw validationFailed([{ field: 'role', key: 'admin.staff.lastNationalAdmin' }]);
    }
    await repo.updateStaffProfile(trx, id, { name, role: role as StaffRole, active });
    await repo.replaceScopes(trx, id, scopes);
    if (!active) await deleteSessionsOf(trx, id);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'staff.update',
      entityType: 'staff',
      entityId: String(id),
      officeCode: null,
      before: auditView(before, beforeScopes),
      after: auditView({ email: before.email, name, role: role as StaffRole, active }, scopes),
    });
  });
}

export type CredentialReset = 'password' | 'totp' | 'unlock';

/**
 * An administrator's help desk: a new one-time password, a new second factor (the person enrols again
 * at next sign-in), or lifting a lockout. Password and second-factor resets end the person's sessions.
 * Returns the new one-time password for `password`.
 */
export async function resetCredentials(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  what: CredentialReset,
  now: Date,
): Promise<string | null> {
  requirePermission(actor, 'staff.manage');
  if (id === actor.staffId && what !== 'unlock') throw new AppError('FORBIDDEN', 'admin.staff.resetYourself');
  const oneTimePassword = what === 'password' ? generateOneTimePassword() : null;
  const hash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  await db.transaction().execute(async (trx) => {
    const row = await repo.selectStaffForUpdate(trx, id);
    if (!row) throw notFound();
    if (what === 'password' && hash) await repo.setPassword(trx, id, { hash, mustChange: true, now });
    if (what === 'totp') await repo.clearTotp(trx, id);
    if (what === 'unlock') await repo.unlockStaff(trx, id);
    if (what !== 'unlock') await deleteSessionsOf(trx, id);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: what === 'unlock' ? 'staff.unlock' : `staff.reset_${what}`,
      entityType: 'staff',
      entityId: String(id),
      officeCode: null,
      before:
        what === 'totp'
          ? { totp: row.totp_enabled_at !== null }
          : what === 'unlock'
            ? { lockedUntil: row.locked_until, failedAttempts: row.failed_attempts }
            : null,
      after:
        what === 'totp'
          ? { totp: false }
          : what === 'unlock'
            ? { lockedUntil: null }
            : { mustChangePassword: true },
    });
  });
  return oneTimePassword;
}

/**
 * On a database without staff, creates the first national administrator and returns its one-time
 * password (to be printed once); otherwise null. Safe when several processes start together.
 */
export async function ensureFirstAdmin(
  db: Kysely<DB>,
  now: Date,
): Promise<{ email: string; oneTimePassword: string } | null> {
  if ((await repo.countStaff(db)) > 0) return null;
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return db.transaction().execute(async (trx) => {
    await repo.lockNationalAdmins(trx);
    if ((await repo.countStaff(trx)) > 0) return null;
    const id = await repo.insertStaff(trx, {
      email: FIRST_ADMIN_EMAIL,
      name: 'Administrador nacional',
      role: 'admin_nacional',
      passwordHash,
    });
    await recordAudit(trx, {
      occurredAt: now,
      actorStaffId: null,
      actor: 'system',
      action: 'staff.create',
      entityType: 'staff',
      entityId: String(id),
      officeCode: null,
      before: null,
      after: auditView(
        { email: FIRST_ADMIN_EMAIL, name: 'Administrador nacional', role: 'admin_nacional', active: true },
        [],
      ),
    });
    return { email: FIRST_ADMIN_EMAIL, oneTimePassword };
  });
}
