import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import { notFound } from '../../../domain/errors.js';
import {
  type CredentialReset,
  createStaff,
  getStaff,
  listStaff,
  resetCredentials,
  type StaffDetail,
  updateStaff,
} from '../../../services/staff-access/accounts.js';
import { OneTimePasswordPage, StaffFormPage, StaffListPage } from '../../../views/admin/staff-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type IdParams = { Params: { id: string } };

function staffId(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw notFound();
  return Number(raw);
}

const RESETS: readonly [string, CredentialReset][] = [
  ['restablecer-contrasena', 'password'],
  ['restablecer-segundo-factor', 'totp'],
  ['desbloquear', 'unlock'],
];

/** Staff accounts (national administrators): create, change role and scope, reset credentials. */
export async function staffRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'staff.view' });
  const manage = requireStaff({ permission: 'staff.manage' });

  function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
    staff?: StaffDetail,
  ) {
    return renderAdmin(
      reply,
      StaffFormPage({
        ctx: adminContext(request, reply),
        state,
        canManage: can(staffActor(request), 'staff.manage'),
        now: app.deps.clock(),
        ...(staff ? { staff } : {}),
      }),
      status,
    );
  }

  /** A page showing a one-time password must not be kept by any cache or the browser's history. */
  function showPassword(request: FastifyRequest, reply: FastifyReply, email: string, password: string) {
    reply.header('cache-control', 'no-store');
    return renderAdmin(reply, OneTimePasswordPage({ ctx: adminContext(request, reply), email, password }));
  }

  app.get('/admin/funcionarios', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const staff = await listStaff(db, actor);
    return renderAdmin(
      reply,
      StaffListPage({
        ctx: adminContext(request, reply),
        staff,
        canManage: can(actor, 'staff.manage'),
        now: app.deps.clock(),
      }),
    );
  });

  app.get('/admin/funcionarios/nuevo', { preHandler: manage }, async (request, reply) =>
    renderForm(request, reply, emptyForm(), 200),
  );

  app.post('/admin/funcionarios', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createStaff(db, staffActor(request), input, app.deps.clock()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400);
    return showPassword(request, reply, result.value.email, result.value.oneTimePassword);
  });

  app.get<IdParams>('/admin/funcionarios/:id', { preHandler: view }, async (request, reply) => {
    const staff = await getStaff(db, staffActor(request), staffId(request.params.id));
    const state = emptyForm({
      name: staff.name,
      role: staff.role,
      offices: staff.scopeText,
      active: staff.active ? 'on' : '',
    });
    return renderForm(request, reply, state, 200, staff);
  });

  app.post<IdParams>('/admin/funcionarios/:id', { preHandler: manage }, async (request, reply) => {
    const actor = staffActor(request);
    const staff = await getStaff(db, actor, staffId(request.params.id));
    const input = formInput(request);
    const result = await submit(() => updateStaff(db, actor, staff.id, input, app.deps.clock()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400, staff);
    return redirectWithNotice(reply, `/admin/funcionarios/${staff.id}`, 'saved');
  });

  for (const [path, what] of RESETS) {
    app.post<IdParams>(`/admin/funcionarios/:id/${path}`, { preHandler: manage }, async (request, reply) => {
      const actor = staffActor(request);
      const staff = await getStaff(db, actor, staffId(request.params.id));
      const password = await resetCredentials(db, actor, staff.id, what, app.deps.clock());
      if (password) return showPassword(request, reply, staff.email, password);
      return redirectWithNotice(
        reply,
        `/admin/funcionarios/${staff.id}`,
        what === 'totp' ? 'totpReset' : 'unlocked',
      );
    });
  }
}
