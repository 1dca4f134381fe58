import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, validationFailed } from '../../domain/errors.js';
import { TOTP_REQUIRED } from '../../domain/roles.js';
import * as accounts from '../../repositories/staff-access/accounts.js';
import * as sessions from '../../repositories/staff-access/sessions.js';
import { recordAudit } from '../audit/trail.js';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords.js';
import { openSession, purgeExpiredSessions, rotateSession, type StaffSession } from './sessions.js';
import { newTotpSecret, totpCounterOf, totpQrSvg, totpUri } from './totp.js';

const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 15 * 60_000;

/**
 * One message for every failed sign-in (unknown e-mail, wrong password or code, locked or inactive
 * account): the answer never tells which e-mails exist.
 */
const signInFailed = (field: 'email' | 'code') => validationFailed([{ field, key: 'admin.signIn.failed' }]);

async function countFailure(db: Kysely<DB>, staffId: number, email: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const after = await accounts.recordFailedAttempt(trx, staffId, {
      maxAttempts: MAX_FAILED_ATTEMPTS,
      lockUntil: new Date(now.getTime() + LOCKOUT_MS),
    });
    // The count starts again at 0 exactly when this failure locked the account.
    const locked = after !== undefined && after.failed_attempts === 0;
    if (locked) {
      await sessions.deleteSessionsOf(trx, staffId);
      await recordAudit(trx, {
        occurredAt: now,
        actorStaffId: staffId,
        actor: email,
        action: 'staff.lock',
        entityType: 'staff',
        entityId: String(staffId),
        officeCode: null,
        before: null,
        after: { lockedUntil: after?.locked_until },
      });
    }
    return locked;
  });
}

function isLocked(row: { locked_until: Date | null }, now: Date): boolean {
  return row.locked_until !== null && row.locked_until.getTime() > now.getTime();
}

export interface SignInResult {
  token: string;
  /** Whether the person still owes the second factor (or must enrol one) before working. */
  needsSecondFactor: boolean;
}

/**
 * First step of signing in: e-mail and password. On success opens a new session (any session the
 * browser had is ended: the id is never carried over), which may still owe the second factor.
 */
export async function signIn(
  db: Kysely<DB>,
  input: { email: string; password: string; previousSessionId?: string | null },
  now: Date,
): Promise<SignInResult> {
  const email = input.email.trim();
  const row = email === '' ? undefined : await accounts.selectStaffByEmail(db, email);
  const passwordOk = await verifyPassword(row?.password_hash ?? null, input.password);
  if (!row?.active) throw signInFailed('email');
  if (isLocked(row, now)) throw signInFailed('email');
  // A wrong password does not count towards the lockout: anyone who knows an e-mail could otherwise lock
  // its owner out at will. Guessing is held back per account and address by the sign-in route instead;
  // the lockout counts only what a password-holder gets wrong (the second factor, the current password).
  if (!passwordOk) throw signInFailed('email');
  const rehash = needsRehash(row.password_hash) ? await hashPassword(input.password) : null;
  const totpEnabled = row.totp_enabled_at !== null;
  const needsTotp = totpEnabled || TOTP_REQUIRED.has(row.role);
  return db.transaction().execute(async (trx) => {
    if (input.previousSessionId) await sessions.deleteSession(trx, input.previousSessionId);
    // Sessions nobody came back to are refused anyway; each sign-in sweeps them out of the table.
    await purgeExpiredSessions(trx, now);
    // With a second factor to come, failures keep counting until the code is right too: knowing the
    // password must not reset the guesses left at the code.
    if (!needsTotp) await accounts.clearFailedAttempts(trx, row.id, now);
    if (rehash) await accounts.setPasswordHash(trx, row.id, rehash);
    const token = await openSession(trx, row.id, { now, secondFactorDone: false });
    if (!needsTotp) await auditSignIn(trx, row.id, row.email, now, 'password');
    return { token, needsSecondFactor: needsTotp };
  });
}

async function auditSignIn(db: Kysely<DB>, staffId: number, email: string, now: Date, factors: string) {
  await recordAudit(db, {
    occurredAt: now,
    actorStaffId: staffId,
    actor: email,
    action: 'staff.sign_in',
    entityType: 'staff',
    entityId: String(staffId),
    officeCode: null,
    before: null,
    after: { factors },
  });
}

/**
 * Second step: the TOTP code. A code is accepted once (its time step must be later than the last one
 * used) and failures count towards the lockout: only someone who knew the password gets here, so the
 * lockout cannot be set off by a stranger. Success rotates the session.
 */
export async function verifySecondFactor(
  db: Kysely<DB>,
  session: StaffSession,
  code: string,
  now: Date,
): Promise<string> {
  const row = await accounts.selectStaffById(db, session.staffId);
  if (!row?.totp_secret || !row.active) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
  if (isLocked(row, now)) {
    await sessions.deleteSession(db, session.id);
    throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
  }
  if (code.trim() === '') throw validationFailed([{ field: 'code', key: 'admin.totp.codeRequired' }]);
  const counter = totpCounterOf(row.totp_secret, code, now);
  const token =
    counter === null
      ? null
      : await db.transaction().execute(async (trx) => {
          if (!(await accounts.claimTotpCounter(trx, row.id, counter))) return null;
          await accounts.clearFailedAttempts(trx, row.id, now);
          await auditSignIn(trx, row.id, row.email, now, 'password+totp');
          return rotateSession(trx, session, { now, secondFactorDone: true });
        });
  if (token === null) {
    const locked = await countFailure(db, row.id, row.email, now);
    if (locked) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
    throw signInFailed('code');
  }
  return token;
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** The secret being enrolled on this session (made once per session), with its URI and QR code. */
export async function startTotpEnrolment(db: Kysely<DB>, session: StaffSession): Promise<TotpEnrolment> {
  let secret = session.pendingTotpSecret;
  if (!secret) {
    secret = newTotpSecret();
    await sessions.setPendingTotpSecret(db, session.id, secret);
  }
  const uri = totpUri(secret, session.email);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

/**
 * Finishes enrolment with a first code from the app: the secret moves to the staff row, the code's time
 * step is used up, other sessions end, and this one is rotated with the second factor done.
 */
export async function completeTotpEnrolment(
  db: Kysely<DB>,
  session: StaffSession,
  code: string,
  now: Date,
): Promise<string> {
  const secret = session.pendingTotpSecret;
  if (!secret) throw validationFailed([{ field: 'code', key: 'admin.totp.restart' }]);
  if (code.trim() === '') throw validationFailed([{ field: 'code', key: 'admin.totp.codeRequired' }]);
  const counter = totpCounterOf(secret, code, now);
  if (counter === null) throw validationFailed([{ field: 'code', key: 'admin.totp.codeWrong' }]);
  return db.transaction().execute(async (trx) => {
    const row = await accounts.selectStaffForUpdate(trx, session.staffId);
    if (!row) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
    await accounts.enableTotp(trx, row.id, secret, counter, now);
    await sessions.deleteSessionsOf(trx, row.id, session.id);
    await recordAudit(trx, {
      occurredAt: now,
      actorStaffId: row.id,
      actor: row.email,
      action: 'staff.totp_enrol',
      entityType: 'staff',
      entityId: String(row.id),
      officeCode: null,
      before: { totp: row.totp_enabled_at !== null },
      after: { totp: true },
    });
    if (!session.secondFactorDone) {
      await accounts.clearFailedAttempts(trx, row.id, now);
      await auditSignIn(trx, row.id, row.email, now, 'password+totp');
    }
    return rotateSession(trx, session, { now, secondFactorDone: true });
  });
}

/**
 * Replaces the password after checking the current one. Every other session of the person ends and this
 * one is rotated.
 */
export async function changePassword(
  db: Kysely<DB>,
  session: StaffSession,
  input: { current: string; next: string; confirm: string },
  now: Date,
): Promise<string> {
  const errors = [];
  if (input.current === '') errors.push({ field: 'current', key: 'admin.password.currentRequired' });
  if (input.next === '') errors.push({ field: 'next', key: 'admin.password.newRequired' });
  else {
    const problem = passwordProblem(input.next, session.email);
    if (problem) errors.push({ field: 'next', key: `admin.password.${problem}` });
    else if (input.next === input.current) errors.push({ field: 'next', key: 'admin.password.same' });
  }
  if (input.next !== '' && input.confirm !== input.next)
    errors.push({ field: 'confirm', key: 'admin.password.mismatch' });
  if (errors.length > 0) throw validationFailed(errors);

  const row = await accounts.selectStaffById(db, session.staffId);
  if (!row) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
  if (!(await verifyPassword(row.password_hash, input.current))) {
    const locked = await countFailure(db, row.id, row.email, now);
    if (locked) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
    throw validationFailed([{ field: 'current', key: 'admin.password.currentWrong' }]);
  }
  const hash = await hashPassword(input.next);
  return db.transaction().execute(async (trx) => {
    await accounts.setPassword(trx, row.id, { hash, mustChange: false, now });
    await sessions.deleteSessionsOf(trx, row.id, session.id);
    await recordAudit(trx, {
      occurredAt: now,
      actorStaffId: row.id,
      actor: row.email,
      action: 'staff.password_change',
      entityType: 'staff',
      entityId: String(row.id),
      officeCode: null,
      before: { mustChangePassword: row.must_change_password },
      after: { mustChangePassword: false },
    });
    return rotateSession(trx, session, { now, secondFactorDone: session.secondFactorDone });
  });
}

export async function signOut(db: Kysely<DB>, session: StaffSession, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, session.id);
    await recordAudit(trx, {
      occurredAt: now,
      actorStaffId: session.staffId,
      actor: session.email,
      action: 'staff.sign_out',
      entityType: 'staff',
      entityId: String(session.staffId),
      officeCode: null,
      before: null,
      after: null,
    });
  });
}
