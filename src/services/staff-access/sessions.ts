import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, StaffScope } from '../../domain/access.js';
import { type StaffRole, TOTP_REQUIRED } from '../../domain/roles.js';
import { selectScopes } from '../../repositories/staff-access/accounts.js';
import * as repo from '../../repositories/staff-access/sessions.js';

/** A session ends after 30 minutes without a request, and 12 hours after sign-in whatever happens. */
const IDLE_TIMEOUT_MS = 30 * 60_000;
const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often, so every page view is not a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Where a signed-in person stands: they still owe the second factor (`second-factor`), must enrol one
 * first (`enrol`, administrators), must replace a one-time password (`change-password`), or may work.
 */
export type SessionStage = 'second-factor' | 'enrol' | 'change-password' | 'ready';

export interface StaffSession {
  /** The SHA-256 of the cookie's token: what the database keeps. */
  id: string;
  staffId: number;
  email: string;
  name: string;
  role: StaffRole;
  scopes: StaffScope[];
  stage: SessionStage;
  totpEnabled: boolean;
  secondFactorDone: boolean;
  pendingTotpSecret: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A new session's cookie value: 256 random bits. Only its hash is stored. */
function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function stageOf(s: {
  role: StaffRole;
  totpEnabled: boolean;
  secondFactorDone: boolean;
  mustChangePassword: boolean;
}): SessionStage {
  const needsTotp = s.totpEnabled || TOTP_REQUIRED.has(s.role);
  if (needsTotp && !s.secondFactorDone) return s.totpEnabled ? 'second-factor' : 'enrol';
  if (s.mustChangePassword) return 'change-password';
  return 'ready';
}

export function actorOf(session: StaffSession): Actor {
  return { staffId: session.staffId, label: session.email, role: session.role, scopes: session.scopes };
}

/**
 * Opens a session and returns its cookie token. `expiresAt` carries the absolute time-out over when a
 * session is rotated (after the second factor, a password change): rotation never extends it.
 */
export async function openSession(
  db: Kysely<DB>,
  staffId: number,
  { now, secondFactorDone, expiresAt }: { now: Date; secondFactorDone: boolean; expiresAt?: Date },
): Promise<string> {
  const token = newSessionToken();
  await repo.insertSession(db, {
    id: sessionIdOf(token),
    staffId,
    secondFactorDone,
    now,
    expiresAt: expiresAt ?? new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  });
  return token;
}

/** Replaces a session by a new one with a new token (the old token stops working at once). */
export async function rotateSession(
  db: Kysely<DB>,
  session: StaffSession,
  { now, secondFactorDone }: { now: Date; secondFactorDone: boolean },
): Promise<string> {
  await repo.deleteSession(db, session.id);
  return openSession(db, session.staffId, { now, secondFactorDone, expiresAt: session.expiresAt });
}

/**
 * The live session of a cookie token, or null. An idle or expired session, or one of a deactivated
 * staff member, is deleted on the spot.
 */
export async function loadSession(db: Kysely<DB>, token: string, now: Date): Promise<StaffSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = sessionIdOf(token);
  const row = await repo.selectSessionWithStaff(db, id);
  if (!row) return null;
  const idle = now.getTime() - row.last_seen_at.getTime() >= IDLE_TIMEOUT_MS;
  if (idle || row.expires_at.getTime() <= now.getTime() || !row.active) {
    await repo.deleteSession(db, id);
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) await repo.touchSession(db, id, now);
  const scopes = await selectScopes(db, row.staff_id);
  const totpEnabled = row.totp_enabled_at !== null;
  return {
    id,
    staffId: row.staff_id,
    email: row.email,
    name: row.name,
    role: row.role,
    scopes: scopes.map((s) => ({ officeCode: s.office_code, channel: s.channel })),
    stage: stageOf({
      role: row.role,
      totpEnabled,
      secondFactorDone: row.second_factor_done,
      mustChangePassword: row.must_change_password,
    }),
    totpEnabled,
    secondFactorDone: row.second_factor_done,
    pendingTotpSecret: row.pending_totp_secret,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Removes sessions past either time-out (the guard refuses them anyway; this keeps the table small). */
export async function purgeExpiredSessions(db: Kysely<DB>, now: Date): Promise<void> {
  await repo.deleteExpiredSessions(db, now, new Date(now.getTime() - IDLE_TIMEOUT_MS));
}
