import type { FastifyRequest } from 'fastify';
import { TOTP_REQUIRED } from '../../../domain/roles.js';
import { LIMITS } from '../../../security/limits.js';
import {
  changePassword,
  completeTotpEnrolment,
  signIn,
  signOut,
  startTotpEnrolment,
  verifySecondFactor,
} from '../../../services/staff-access/sign-in.js';
import {
  AccountPage,
  ChangePasswordPage,
  EnrolPage,
  LoginPage,
  SecondFactorPage,
} from '../../../views/admin/sign-in-pages.js';
import { emptyForm } from '../../../views/components/form.js';
import { submitForm } from '../../forms.js';
import {
  clearSessionCookie,
  requireStaff,
  safeReturnPath,
  setSessionCookie,
  staffSessionOf,
} from '../../plugins/auth.js';
import { limitKey } from '../../plugins/rate-limit.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Failed sign-ins, shared by every process: per client address (LIMITS.login), so a script trying one
 * password on many accounts is held up; and per account and address (LIMITS.loginPerAccount), so guessing
 * one account's password is held up at the guesser's address while its owner, elsewhere, signs in as
 * usual (wrong passwords never lock the account: decision 005). Only failures count, so an office whose
 * staff all sign in at 8:00 through one address is never held up.
 */
function failureLimit(app: App) {
  const on = app.deps.config.rateLimit;
  const keys = (request: FastifyRequest, email: string | undefined) => [
    { limit: LIMITS.login, key: limitKey(LIMITS.login, request.ip) },
    ...(email === undefined
      ? []
      : [
          {
            limit: LIMITS.loginPerAccount,
            key: limitKey(LIMITS.loginPerAccount, `${email.trim().toLowerCase()}|${request.ip}`),
          },
        ]),
  ];
  return {
    async exceeded(request: FastifyRequest, email?: string): Promise<boolean> {
      if (!on) return false;
      for (const { limit, key } of keys(request, email))
        if ((await app.counters.peek(key, limit.windowMs, app.deps.clock())) >= limit.max) return true;
      return false;
    },
    async count(request: FastifyRequest, email?: string): Promise<void> {
      if (!on) return;
      for (const { limit, key } of keys(request, email))
        await app.counters.hit(key, limit.windowMs, app.deps.clock());
    },
  };
}

const TOO_MANY = [{ field: 'email', key: 'admin.signIn.tooMany' }];

/** Signing in (password, then the TOTP code or its enrolment), the password change and signing out. */
export async function signInRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const now = () => app.deps.clock();
  const failures = failureLimit(app);

  app.get('/admin/ingreso', async (request, reply) => {
    if (request.staffSession?.stage === 'ready') return reply.redirect('/admin', 303);
    const back = safeReturnPath((request.query as Record<string, unknown>).volver);
    return renderAdmin(reply, LoginPage({ ctx: adminContext(request, reply), state: emptyForm(), back }));
  });

  app.post('/admin/ingreso', async (request, reply) => {
    const input = formInput(request);
    const back = safeReturnPath(input.volver);
    if (await failures.exceeded(request, text(input.email))) {
      const state = { values: { email: text(input.email) }, errors: TOO_MANY };
      return renderAdmin(reply, LoginPage({ ctx: adminContext(request, reply), state, back }), 429);
    }
    const result = await submit(() =>
      signIn(
        db,
        {
          email: text(input.email),
          password: text(input.password),
          previousSessionId: request.staffSession?.id ?? null,
        },
        now(),
      ),
    );
    if (!result.ok) {
      await failures.count(request, text(input.email));
      const state = { values: { email: text(input.email) }, errors: result.errors };
      return renderAdmin(reply, LoginPage({ ctx: adminContext(request, reply), state, back }), 400);
    }
    setSessionCookie(app, reply, result.value.token);
    return reply.redirect(back, 303);
  });

  app.get(
    '/admin/ingreso/codigo',
    { preHandler: requireStaff({ stages: ['second-factor'] }) },
    async (request, reply) =>
      renderAdmin(reply, SecondFactorPage({ ctx: adminContext(request, reply), state: emptyForm() })),
  );

  app.post(
    '/admin/ingreso/codigo',
    { preHandler: requireStaff({ stages: ['second-factor'] }) },
    async (request, reply) => {
      const session = staffSessionOf(request);
      if (await failures.exceeded(request)) {
        const state = { values: {}, errors: [{ field: 'code', key: 'admin.signIn.tooMany' }] };
        return renderAdmin(reply, SecondFactorPage({ ctx: adminContext(request, reply), state }), 429);
      }
      const result = await submitForm(
        () => verifySecondFactor(db, session, text(formInput(request).code), now()),
        {
          shows: ['VALIDATION', 'UNAUTHORIZED'],
        },
      );
      if (result.ok) {
        setSessionCookie(app, reply, result.value);
        return reply.redirect('/admin', 303);
      }
      await failures.count(request);
      if (result.code === 'VALIDATION') {
        const state = { values: {}, errors: result.errors };
        return renderAdmin(reply, SecondFactorPage({ ctx: adminContext(request, reply), state }), 400);
      }
      // Locked out meanwhile: the session is gone; start again from the password.
      clearSessionCookie(app, reply);
      request.staffSession = null;
      const state = { values: {}, errors: [{ field: 'email', key: 'admin.signIn.failed' }] };
      return renderAdmin(reply, LoginPage({ ctx: adminContext(request, reply), state, back: '/admin' }), 400);
    },
  );

  const enrolGuard = requireStaff({ stages: ['enrol', 'ready'] });

  app.get('/admin/segundo-factor', { preHandler: enrolGuard }, async (request, reply) => {
    const session = staffSessionOf(request);
    if (session.totpEnabled) return reply.redirect('/admin/cuenta', 303);
    const enrolment = await startTotpEnrolment(db, session);
    return renderAdmin(
      reply,
      EnrolPage({
        ctx: adminContext(request, reply),
        state: emptyForm(),
        secret: enrolment.secret,
        qrSvg: enrolment.qrSvg,
        required: TOTP_REQUIRED.has(session.role),
      }),
    );
  });

  app.post('/admin/segundo-factor', { preHandler: enrolGuard }, async (request, reply) => {
    const session = staffSessionOf(request);
    if (session.totpEnabled) return reply.redirect('/admin/cuenta', 303);
    const result = await submit(() =>
      completeTotpEnrolment(db, session, text(formInput(request).code), now()),
    );
    if (!result.ok) {
      const enrolment = await startTotpEnrolment(db, session);
      return renderAdmin(
        reply,
        EnrolPage({
          ctx: adminContext(request, reply),
          state: { values: {}, errors: result.errors },
          secret: enrolment.secret,
          qrSvg: enrolment.qrSvg,
          required: TOTP_REQUIRED.has(session.role),
        }),
        400,
      );
    }
    setSessionCookie(app, reply, result.value);
    return redirectWithNotice(reply, '/admin', 'totpEnabled');
  });

  const passwordGuard = requireStaff({ stages: ['change-password', 'ready'] });

  app.get('/admin/contrasena', { preHandler: passwordGuard }, async (request, reply) =>
    renderAdmin(
      reply,
      ChangePasswordPage({
        ctx: adminContext(request, reply),
        state: emptyForm(),
        forced: staffSessionOf(request).stage === 'change-password',
      }),
    ),
  );

  app.post('/admin/contrasena', { preHandler: passwordGuard }, async (request, reply) => {
    const session = staffSessionOf(request);
    const input = formInput(request);
    const result = await submit(() =>
      changePassword(
        db,
        session,
        { current: text(input.current), next: text(input.next), confirm: text(input.confirm) },
        now(),
      ),
    );
    if (!result.ok) {
      return renderAdmin(
        reply,
        ChangePasswordPage({
          ctx: adminContext(request, reply),
          state: { values: {}, errors: result.errors },
          forced: session.stage === 'change-password',
        }),
        400,
      );
    }
    setSessionCookie(app, reply, result.value);
    return redirectWithNotice(reply, '/admin', 'passwordChanged');
  });

  app.get('/admin/cuenta', { preHandler: requireStaff() }, async (request, reply) =>
    renderAdmin(reply, AccountPage({ ctx: adminContext(request, reply), session: staffSessionOf(request) })),
  );

  app.post(
    '/admin/salir',
    { preHandler: requireStaff({ stages: ['second-factor', 'enrol', 'change-password', 'ready'] }) },
    async (request, reply) => {
      await signOut(db, staffSessionOf(request), now());
      clearSessionCookie(app, reply);
      return redirectWithNotice(reply, '/admin/ingreso', 'signedOut');
    },
  );
}
