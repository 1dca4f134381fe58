import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../domain/errors.js';
import type { FormInput } from '../../../domain/form-reader.js';
import { idParam } from '../../../services/agenda/access.js';
import {
  lineDeactivation,
  lineEditForm,
  setLineActive,
  updateLine,
} from '../../../services/agenda/line-edit.js';
import { setTemplateActive, updateTemplate } from '../../../services/agenda/template-edit.js';
import { templateForActor, templateView } from '../../../services/agenda/templates.js';
import {
  LineDeactivatePage,
  LineEditPage,
  TemplateEditPage,
} from '../../../views/admin/agenda-edit-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type IdParams = { Params: { id: string } };

const ACTIVE_PATHS = [
  ['desactivar', false],
  ['activar', true],
] as const;

/**
 * Changing capacity lines and weekly templates once created: edit, deactivate, reactivate. Every route
 * needs `agenda.manage`; each service checks the office scope of the line it touches.
 */
export async function agendaEditRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const manage = requireStaff({ permission: 'agenda.manage' });
  const now = () => app.deps.clock();

  async function renderLineForm(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    state: FormState | null,
    status: number,
  ) {
    const form = await lineEditForm(db, staffActor(request), idParam(request.params.id), request.locale);
    return renderAdmin(
      reply,
      LineEditPage({
        ctx: adminContext(request, reply),
        state: state ?? emptyForm({ name: form.line.name, procedures: form.procedures }),
        line: form.line,
        options: form.options,
      }),
      status,
    );
  }

  app.get<IdParams>('/admin/agenda/lineas/:id/editar', { preHandler: manage }, (request, reply) =>
    renderLineForm(request, reply, null, 200),
  );

  app.post<IdParams>('/admin/agenda/lineas/:id', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const lineId = idParam(request.params.id);
    const result = await submit(() => updateLine(db, staffActor(request), lineId, input, now()));
    if (!result.ok) return renderLineForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/agenda/lineas/${lineId}`, 'lineUpdated');
  });

  app.get<IdParams>('/admin/agenda/lineas/:id/desactivar', { preHandler: manage }, async (request, reply) => {
    const { line, upcomingBooked } = await lineDeactivation(
      db,
      staffActor(request),
      idParam(request.params.id),
      now(),
    );
    if (!line.active) return reply.redirect(`/admin/agenda/lineas/${line.id}`, 303);
    return renderAdmin(
      reply,
      LineDeactivatePage({ ctx: adminContext(request, reply), line, upcomingBooked }),
    );
  });

  for (const [path, active] of ACTIVE_PATHS) {
    app.post<IdParams>(`/admin/agenda/lineas/:id/${path}`, { preHandler: manage }, async (request, reply) => {
      const lineId = idParam(request.params.id);
      await setLineActive(db, staffActor(request), lineId, active, now());
      return redirectWithNotice(
        reply,
        `/admin/agenda/lineas/${lineId}`,
        active ? 'lineActivated' : 'lineDeactivated',
      );
    });
  }

  /** The template's form: as stored, or as posted; with the messages of a refused change. */
  async function renderTemplateForm(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    posted: FormInput | null,
    errors: readonly FieldError[],
    status: number,
  ) {
    const actor = staffActor(request);
    const { line, template } = await templateForActor(db, actor, idParam(request.params.id), 'agenda.manage');
    const view = templateView(template);
    const values = {
      name: view.name,
      weekdays: view.weekdays.map(String),
      opens: view.opens,
      closes: view.closes,
      slotMinutes: String(view.slotMinutes),
      places: String(view.places),
      breaks: view.breaks.join('\n'),
    };
    return renderAdmin(
      reply,
      TemplateEditPage({
        ctx: adminContext(request, reply),
        state: { values: posted ?? values, errors },
        line,
        template: view,
      }),
      status,
    );
  }

  app.get<IdParams>('/admin/agenda/plantillas/:id/editar', { preHandler: manage }, (request, reply) =>
    renderTemplateForm(request, reply, null, [], 200),
  );

  app.post<IdParams>('/admin/agenda/plantillas/:id', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const templateId = idParam(request.params.id);
    const result = await submit(() => updateTemplate(db, staffActor(request), templateId, input, now()));
    if (!result.ok) return renderTemplateForm(request, reply, input, result.errors, 400);
    return redirectWithNotice(reply, `/admin/agenda/plantillas/${templateId}/editar`, 'templateUpdated');
  });

  for (const [path, active] of ACTIVE_PATHS) {
    app.post<IdParams>(
      `/admin/agenda/plantillas/:id/${path}`,
      { preHandler: manage },
      async (request, reply) => {
        const templateId = idParam(request.params.id);
        const result = await submit(() =>
          setTemplateActive(db, staffActor(request), templateId, active, now()),
        );
        // A reactivation refused for overlapping hours: the form as stored, with the message.
        if (!result.ok) return renderTemplateForm(request, reply, null, result.errors, 400);
        return redirectWithNotice(
          reply,
          `/admin/agenda/plantillas/${templateId}/editar`,
          active ? 'templateActivated' : 'templateDeactivated',
        );
      },
    );
  }
}
