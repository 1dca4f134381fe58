import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, requirePermission, type StaffScope } from '../../domain/access.js';
import { CHANNELS } from '../../domain/channels.js';
import { AppError, notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import type { StaffRole } from '../../domain/roles.js';
import { STAFF_ROLES } from '../../domain/roles.js';
import * as repo from '../../repositories/staff/accounts.js';
import { deleteSessionsOf } from '../../repositories/staff/sessions.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';

export const FIRST_ADMIN_EMAIL = 'admin@dian.local';
/**
 * Any number; the same in every process. Serialises the changes that must see every national
 * administrator at once: creating the first one, and demoting or deactivating one.
 */
const NATIONAL_ADMINS_LOCK = 7_311_0500;

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
  const texts = scopes.map((s) => (s.channel ? `${s.office_code}:${s.channel}` : s.office_code));
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

const SCOPE_ITEM = new RegExp(`^(\\d{2,4})(?::(${CHANNELS.join('|')}))?$`);

/**
 * Reads the offices field ("32, 3201:video"): a seccional administrator names seccionales, a desk
 * officer offices, each optionally limited to one channel; other roles have no scope.
 */
async function readScopes(
  db: Kysely<DB>,
  form: FormReader,
  role: StaffRole | null,
  text: string,
): Promise<StaffScope[]> {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (role === null) return [];
  if (role !== 'admin_seccional' && role !== 'funcionario') {
    if (items.length > 0) form.fail('offices', 'admin.staff.scopeNotForRole');
    return [];
  }
  if (items.length === 0) {
    form.fail('offices', 'admin.staff.scopeRequired');
    return [];
  }
  if (items.length > 50) {
    form.fail('offices', 'admin.field.tooManyLines', { max: 50 });
    return [];
  }
  const scopes: StaffScope[] = [];
  for (const item of items) {
    const match = SCOPE_ITEM.exec(item);
    if (!match?.[1]) {
      form.fail('offices', 'admin.staff.scopeFormat', { item });
      return [];
    }
    const channel = match[2] ?? null;
    if (role === 'admin_seccional' && channel !== null) {
      form.fail('offices', 'admin.staff.scopeNoChannel');
      return [];
    }
    if (!scopes.some((s) => s.officeCode === match[1] && s.channel === channel))
      scopes.push({ officeCode: match[1], channel });
  }
  const codes = [...new Set(scopes.map((s) => s.officeCode))];
  const offices = await db
    .selectFrom('offices')
    .select(['code', 'seccional_code'])
    .where('code', 'in', codes)
    .execute();
  for (const code of codes) {
    const office = offices.find((o) => o.code === code);
    if (!office) {
      form.fail('offices', 'admin.staff.scopeUnknown', { item: code });
      return [];
    }
    if (role === 'admin_seccional' && office.seccional_code !== office.code) {
      form.fail('offices', 'admin.staff.scopeNotSeccional', { item: code });
      return [];
    }
  }
  return scopes;
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
    scopes: scopes.map((s) => (s.channel ? `${s.officeCode}:${s.channel}` : s.officeCode)),
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
  try {
    const id = await db.transaction().execute(async (trx) => {
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
    });
    return { id, email, oneTimePassword };
  } catch (err) {
    if (isUniqueViolation(err)) throw validationFailed([{ field: 'email', key: 'admin.staff.emailTaken' }]);
    throw err;
  }
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
      // The row lock serialises this with changes to the same account only; the advisory lock with
      // changes to any other national administrator, so two demotions cannot both pass the count.
      await sql`SELECT pg_advisory_xact_lock(${NATIONAL_ADMINS_LOCK})`.execute(trx);
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
    await sql`SELECT pg_advisory_xact_lock(${NATIONAL_ADMINS_LOCK})`.execute(trx);
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

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
