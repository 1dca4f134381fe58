import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Procedure } from '../../../db/schema.js';
import { can } from '../../../domain/access.js';
import {
  createProcedure,
  setProcedureActive,
  updateProcedure,
} from '../../../services/catalogue/procedure-edit.js';
import { getProcedureForStaff, listProceduresForStaff } from '../../../services/catalogue/procedures.js';
import { ProcedureFormPage, ProcedureListPage } from '../../../views/admin/procedure-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type CodeParams = { Params: { code: string } };

function procedureValues(p: Procedure): Record<string, unknown> {
  return {
    nameEs: p.name_es,
    nameEn: p.name_en,
    category: p.category,
    summaryEs: p.summary_es,
    summaryEn: p.summary_en,
    audienceEs: p.audience_es,
    audienceEn: p.audience_en,
    requirementsEs: p.requirements_es.join('\n'),
    requirementsEn: p.requirements_en.join('\n'),
    servedBy: p.served_by,
    requiresAppointment: p.requires_appointment ? 'on' : '',
    channels: p.channels,
    durationMinutes: p.duration_minutes === null ? '' : String(p.duration_minutes),
    selfServiceUrl: p.self_service_url ?? '',
    selfServiceEs: p.self_service_es ?? '',
    selfServiceEn: p.self_service_en ?? '',
    active: p.active ? 'on' : '',
  };
}

/** The procedure catalogue (national): create, edit, take out of the citizen site. */
export async function procedureRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'catalogue.view' });
  const manage = requireStaff({ permission: 'catalogue.manage' });

  function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
    procedure?: Procedure,
  ) {
    return renderAdmin(
      reply,
      ProcedureFormPage({
        ctx: adminContext(request, reply),
        state,
        canManage: can(staffActor(request), 'catalogue.manage'),
        ...(procedure ? { code: procedure.code, active: procedure.active } : {}),
      }),
      status,
    );
  }

  app.get('/admin/tramites', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const procedures = await listProceduresForStaff(db, actor);
    return renderAdmin(
      reply,
      ProcedureListPage({
        ctx: adminContext(request, reply),
        procedures,
        canManage: can(actor, 'catalogue.manage'),
      }),
    );
  });

  app.get('/admin/tramites/nuevo', { preHandler: manage }, async (request, reply) =>
    renderForm(
      request,
      reply,
      emptyForm({
        active: 'on',
        requiresAppointment: 'on',
        servedBy: ['impuestos'],
        channels: ['presencial'],
      }),
      200,
    ),
  );

  app.post('/admin/tramites', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createProcedure(db, staffActor(request), input, app.deps.clock()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/tramites/${result.value}`, 'procedureCreated');
  });

  app.get<CodeParams>('/admin/tramites/:code', { preHandler: view }, async (request, reply) => {
    const procedure = await getProcedureForStaff(db, staffActor(request), request.params.code);
    return renderForm(request, reply, emptyForm(procedureValues(procedure)), 200, procedure);
  });

  app.post<CodeParams>('/admin/tramites/:code', { preHandler: manage }, async (request, reply) => {
    const actor = staffActor(request);
    const procedure = await getProcedureForStaff(db, actor, request.params.code);
    const input = formInput(request);
    const result = await submit(() => updateProcedure(db, actor, procedure.code, input, app.deps.clock()));
    if (!result.ok)
      return renderForm(request, reply, { values: input, errors: result.errors }, 400, procedure);
    return redirectWithNotice(reply, `/admin/tramites/${procedure.code}`, 'saved');
  });

  for (const [path, active] of [
    ['desactivar', false],
    ['activar', true],
  ] as const) {
    app.post<CodeParams>(`/admin/tramites/:code/${path}`, { preHandler: manage }, async (request, reply) => {
      await setProcedureActive(db, staffActor(request), request.params.code, active, app.deps.clock());
      return redirectWithNotice(
        reply,
        `/admin/tramites/${request.params.code}`,
        active ? 'activated' : 'deactivated',
      );
    });
  }
}
