import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import type { FieldError } from '../../../domain/errors.js';
import { idParam } from '../../../services/agenda/access.js';
import { createLine, getLine, lineFormOptions, listLines } from '../../../services/agenda/capacity-lines.js';
import { lineDetail } from '../../../services/agenda/line-detail.js';
import { previewPublication, publicationRefusal, publishTemplate } from '../../../services/agenda/publish.js';
import { createTemplate, templateForActor, templateView } from '../../../services/agenda/templates.js';
import { lineProcedureOptions } from '../../../services/releases/back-office.js';
import {
  AgendaHomePage,
  LineFormPage,
  LinePage,
  TemplateFormPage,
} from '../../../views/admin/agenda-pages.js';
import { PublishPage } from '../../../views/admin/agenda-publish-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { submitForm } from '../../forms.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type IdParams = { Params: { id: string } };

/**
 * Agenda administration under /admin/agenda: capacity lines, weekly templates and publication with a
 * preview (days: agenda-days.ts; closures and the tax calendar: closures.ts). Each route names its
 * permission; each service checks the office scope of the line or office it touches.
 */
export async function agendaRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'agenda.view' });
  const manage = requireStaff({ permission: 'agenda.manage' });
  const now = () => app.deps.clock();

  app.get('/admin/agenda', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const lines = await listLines(db, actor);
    return renderAdmin(
      reply,
      AgendaHomePage({ ctx: adminContext(request, reply), lines, canManage: can(actor, 'agenda.manage') }),
    );
  });

  async function renderLineForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
  ) {
    const options = await lineFormOptions(db, staffActor(request), request.locale);
    return renderAdmin(reply, LineFormPage({ ctx: adminContext(request, reply), state, options }), status);
  }

  app.get('/admin/agenda/lineas/nueva', { preHandler: manage }, (request, reply) =>
    renderLineForm(request, reply, emptyForm(), 200),
  );

  app.post('/admin/agenda/lineas', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createLine(db, staffActor(request), input, now()));
    if (!result.ok) return renderLineForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/agenda/lineas/${result.value}`, 'lineCreated');
  });

  app.get<IdParams>('/admin/agenda/lineas/:id', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const data = await lineDetail(db, actor, idParam(request.params.id), now());
    return renderAdmin(
      reply,
      LinePage({ ctx: adminContext(request, reply), data, canManage: can(actor, 'agenda.manage') }),
    );
  });

  async function renderTemplateForm(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    state: FormState,
    status: number,
  ) {
    const { line } = await getLine(db, staffActor(request), idParam(request.params.id));
    return renderAdmin(reply, TemplateFormPage({ ctx: adminContext(request, reply), state, line }), status);
  }

  app.get<IdParams>(
    '/admin/agenda/lineas/:id/plantillas/nueva',
    { preHandler: manage },
    async (request, reply) => {
      // The scope is checked before anything of the line is shown.
      await getLine(db, staffActor(request), idParam(request.params.id));
      return renderTemplateForm(
        request,
        reply,
        emptyForm({
          weekdays: ['1', '2', '3', '4', '5'],
          opens: '08:00',
          closes: '16:00',
          slotMinutes: '30',
        }),
        200,
      );
    },
  );

  app.post<IdParams>(
    '/admin/agenda/lineas/:id/plantillas',
    { preHandler: manage },
    async (request, reply) => {
      const input = formInput(request);
      const lineId = idParam(request.params.id);
      const result = await submit(() => createTemplate(db, staffActor(request), lineId, input, now()));
      if (!result.ok)
        return renderTemplateForm(request, reply, { values: input, errors: result.errors }, 400);
      return redirectWithNotice(
        reply,
        `/admin/agenda/plantillas/${result.value}/publicar`,
        'templateCreated',
      );
    },
  );

  async function renderPublish(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    input: Record<string, unknown>,
    status: number,
    refused: readonly FieldError[] = [],
  ) {
    const actor = staffActor(request);
    const { line, template } = await templateForActor(db, actor, idParam(request.params.id), 'agenda.view');
    const refusal = publicationRefusal(line, template);
    const asked = typeof input.from === 'string' || typeof input.to === 'string';
    const values = {
      from: input.from ?? '',
      to: input.to ?? '',
      draw: input.draw ?? '',
      procedure: input.procedure ?? '',
      opensDate: input.opensDate ?? '',
      opensTime: input.opensTime ?? '',
      window: input.window ?? '',
    };
    const preview =
      asked && !refusal
        ? await submit(() => previewPublication(db, actor, template.id, values, now()))
        : null;
    // What publishing refused (a release with no place to draw) when the preview itself finds nothing wrong.
    const state: FormState = { values, errors: preview && !preview.ok ? preview.errors : refused };
    const ctx = adminContext(request, reply);
    return renderAdmin(
      reply,
      PublishPage({
        ctx,
        state,
        line,
        template: templateView(template),
        plan: preview?.ok ? preview.value : null,
        procedures: await lineProcedureOptions(db, line.id, request.locale),
        canManage: can(actor, 'agenda.manage'),
        refusal: refusal ? ctx.t(refusal.key, refusal.params) : null,
      }),
      (preview && !preview.ok) || refused.length > 0 ? 400 : status,
    );
  }

  app.get<IdParams>('/admin/agenda/plantillas/:id/publicar', { preHandler: view }, (request, reply) =>
    renderPublish(request, reply, (request.query ?? {}) as Record<string, unknown>, 200),
  );

  app.post<IdParams>(
    '/admin/agenda/plantillas/:id/publicar',
    { preHandler: manage },
    async (request, reply) => {
      const input = formInput(request);
      const templateId = idParam(request.params.id);
      const result = await submitForm(
        () => publishTemplate(db, staffActor(request), templateId, input, now()),
        {
          shows: ['VALIDATION', 'CONFLICT'],
        },
      );
      // An inactive line or template: the page says so, with nothing to publish.
      if (!result.ok && result.code === 'CONFLICT') return renderPublish(request, reply, {}, result.status);
      if (!result.ok) return renderPublish(request, reply, input, 400, result.errors);
      if (result.value.release)
        return redirectWithNotice(reply, `/admin/sorteos/${result.value.release.id}`, 'releasePublished');
      const { line } = await templateForActor(db, staffActor(request), templateId, 'agenda.view');
      return redirectWithNotice(
        reply,
        `/admin/agenda/lineas/${line.id}?publicados=${result.value.slots}`,
        result.value.slots > 0 ? 'published' : 'publishedNothing',
      );
    },
  );
}
