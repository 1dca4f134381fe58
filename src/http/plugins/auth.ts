import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { type Actor, can, forbidden } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import type { Permission } from '../../domain/roles.js';
import {
  actorOf,
  loadSession,
  type SessionStage,
  type StaffSession,
} from '../../services/staff-access/sessions.js';
import { localPath } from '../local-path.js';
import type { App } from '../types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member's session on /admin pages, or null when nobody is signed in. */
    staffSession: StaffSession | null;
  }
}

export const ADMIN_PREFIX = '/admin';
export const LOGIN_PATH = '/admin/ingreso';

/** Where each unfinished stage of signing in is completed. */
export const STAGE_PATH: Readonly<Record<Exclude<SessionStage, 'ready'>, string>> = {
  'second-factor': '/admin/ingreso/codigo',
  enrol: '/admin/segundo-factor',
  'change-password': '/admin/contrasena',
};

function isAdminPath(url: string): boolean {
  return url === ADMIN_PREFIX || url.startsWith(`${ADMIN_PREFIX}/`) || url.startsWith(`${ADMIN_PREFIX}?`);
}

export function sessionCookieName(app: App): string {
  return app.deps.config.publicUrl.startsWith('https:') ? '__Host-agenda_staff' : 'agenda_staff';
}

/**
 * Loads the staff session of /admin requests from its cookie (the cookie holds a random token; the
 * database only its SHA-256). Idle and expired sessions are gone by the time a handler runs.
 */
export function registerAuth(app: App): void {
  app.decorateRequest('staffSession', null);
  const cookie = sessionCookieName(app);
  // A callback hook, not an async one: most requests are not for /admin and go on at once.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = isAdminPath(request.url) ? request.cookies[cookie] : undefined;
    if (!token) {
      done();
      return;
    }
    loadSession(app.deps.database.db, token, app.deps.clock()).then((session) => {
      request.staffSession = session;
      done();
    }, done);
  });
}

/** Sends the new session token: HttpOnly, SameSite=Lax, Secure over https, no lifetime (the server ends it). */
export function setSessionCookie(app: App, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(app), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.publicUrl.startsWith('https:'),
  });
}

export function clearSessionCookie(app: App, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(app), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.publicUrl.startsWith('https:'),
  });
}

export interface GuardOptions {
  /** What the route needs; absent means any signed-in staff member. */
  permission?: Permission;
  /** Unfinished sign-in stages the route serves (the sign-in steps themselves); default only `ready`. */
  stages?: readonly SessionStage[];
}

/**
 * The one guard of every back-office route (a preHandler): nobody signed in → the sign-in page; a
 * sign-in not finished → its next step; a role without the permission → 403. Office scope is checked by
 * the services (`requireOfficeInScope`), because only they know which office a request touches.
 */
export function requireStaff(options: GuardOptions = {}): preHandlerAsyncHookHandler {
  const stages = options.stages ?? ['ready'];
  return async (request, reply) => {
    const session = request.staffSession;
    if (!session) {
      const back = request.method === 'GET' ? `?volver=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`${LOGIN_PATH}${back}`, 303);
    }
    if (!stages.includes(session.stage)) {
      if (session.stage === 'ready') return reply.redirect(ADMIN_PREFIX, 303);
      return reply.redirect(STAGE_PATH[session.stage], 303);
    }
    if (options.permission && !can(actorOf(session), options.permission)) throw forbidden();
  };
}

/** The signed-in staff member of a guarded route, as the actor services take. */
export function staffActor(request: FastifyRequest): Actor {
  if (!request.staffSession) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
  return actorOf(request.staffSession);
}

export function staffSessionOf(request: FastifyRequest): StaffSession {
  if (!request.staffSession) throw new AppError('UNAUTHORIZED', 'admin.signIn.again');
  return request.staffSession;
}

/** A local /admin path to go back to after signing in, or the dashboard (never an open redirect). */
export function safeReturnPath(value: unknown): string {
  const path = localPath(value, 300);
  return path && isAdminPath(path) ? path : ADMIN_PREFIX;
}
