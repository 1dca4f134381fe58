import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import { listStaffReleases, releasableLines, staffRelease } from '../../../services/releases/back-office.js';
import { createReleaseFromForm } from '../../../services/releases/release-form.js';
import { ReleaseFormPage, ReleasePage, ReleasesPage } from '../../../views/admin/release-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

/**
 * Releases (sorteos) in the back office: the list of the viewer's offices, "Convertir cupos libres en
 * sorteo" (agenda.manage, as publishing) and one release's page with its report. Whoever reads the agenda
 * or the reports may look; each service keeps to the viewer's offices.
 */
export async function releaseRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const read = requireStaff();
  const manage = requireStaff({ permission: 'agenda.manage' });
  const now = () => app.deps.clock();

  app.get('/admin/sorteos', { preHandler: read }, async (request, reply) => {
    const actor = staffActor(request);
    const releases = await listStaffReleases(db, actor, {}, request.locale, now());
    return renderAdmin(
      reply,
      ReleasesPage({ ctx: adminContext(request, reply), releases, canManage: can(actor, 'agenda.manage') }),
    );
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, state: FormState, status: number) {
    const lines = await releasableLines(db, staffActor(request), request.locale);
    return renderAdmin(reply, ReleaseFormPage({ ctx: adminContext(request, reply), state, lines }), status);
  }

  app.get('/admin/sorteos/nuevo', { preHandler: manage }, (request, reply) =>
    renderForm(request, reply, emptyForm({ window: '2h' }), 200),
  );

  app.post('/admin/sorteos', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createReleaseFromForm(db, staffActor(request), input, now()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/sorteos/${result.value.id}`, 'releaseCreated');
  });

  app.get<{ Params: { id: string } }>('/admin/sorteos/:id', { preHandler: read }, async (request, reply) => {
    const release = await staffRelease(db, staffActor(request), request.params.id, request.locale, now());
    return renderAdmin(reply, ReleasePage({ ctx: adminContext(request, reply), release }));
  });
}
