import { AppError } from './errors.js';
import { type Permission, roleCan, type StaffRole } from './roles.js';

/** An office (and, for desk officers, optionally one channel of it) a staff member works on. */
export interface StaffScope {
  officeCode: string;
  channel: string | null;
}

/**
 * Who is acting: a signed-in staff member, or the system itself (the command line, start-up). Every
 * service that changes data takes one, checks it, and writes it into the audit trail.
 */
export interface Actor {
  staffId: number | null;
  /** What the audit trail shows: the staff member's e-mail, or `cli` / `system`. */
  label: string;
  role: StaffRole | 'system';
  scopes: readonly StaffScope[];
}

export function systemActor(label: 'cli' | 'system' = 'system'): Actor {
  return { staffId: null, label, role: 'system', scopes: [] };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.role === 'system' || roleCan(actor.role, permission);
}

export const forbidden = () => new AppError('FORBIDDEN', 'admin.error.forbidden');

/** Throws FORBIDDEN unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/**
 * Which offices an actor may see and act on:
 * - national roles (and the system) every office;
 * - a seccional administrator the offices of the seccionales in its scope (the seccional itself and its
 *   puntos de contacto, i.e. every office whose `seccional_code` is in scope);
 * - a desk officer exactly the offices in its scope.
 */
export type OfficeScope =
  | { kind: 'all' }
  | { kind: 'seccionales'; codes: readonly string[] }
  | { kind: 'offices'; codes: readonly string[] };

export function officeScopeOf(actor: Actor): OfficeScope {
  switch (actor.role) {
    case 'admin_seccional':
      return { kind: 'seccionales', codes: unique(actor.scopes.map((s) => s.officeCode)) };
    case 'funcionario':
      return { kind: 'offices', codes: unique(actor.scopes.map((s) => s.officeCode)) };
    default:
      return { kind: 'all' };
  }
}

export interface ScopedOffice {
  code: string;
  seccionalCode: string;
}

export function officeInScope(actor: Actor, office: ScopedOffice): boolean {
  const scope = officeScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'seccionales':
      return scope.codes.includes(office.seccionalCode);
    case 'offices':
      return scope.codes.includes(office.code);
  }
}

/** Whether the actor may place offices under a Dirección Seccional (national roles, or its administrator). */
export function seccionalInScope(actor: Actor, seccionalCode: string): boolean {
  const scope = officeScopeOf(actor);
  return scope.kind === 'all' || (scope.kind === 'seccionales' && scope.codes.includes(seccionalCode));
}

/**
 * Whether a desk officer may work a channel of an office: a scope without a channel covers every channel
 * of its office. Other roles follow `officeInScope`.
 */
export function channelInScope(actor: Actor, office: ScopedOffice, channel: string): boolean {
  if (actor.role !== 'funcionario') return officeInScope(actor, office);
  return actor.scopes.some(
    (s) => s.officeCode === office.code && (s.channel === null || s.channel === channel),
  );
}

/** Throws FORBIDDEN when the office lies outside the actor's scope. */
export function requireOfficeInScope(actor: Actor, office: ScopedOffice): void {
  if (!officeInScope(actor, office)) throw forbidden();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
