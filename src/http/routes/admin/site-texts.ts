import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import {
  builtInSiteText,
  deleteSiteText,
  listSiteTexts,
  saveSiteText,
} from '../../../services/catalogue/site-texts.js';
import { SiteTextsPage } from '../../../views/admin/site-text-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

/** Editable texts of the micro-site (help, contact lines), per key and language. */
export async function siteTextRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'site.view' });
  const manage = requireStaff({ permission: 'site.manage' });

  async function render(request: FastifyRequest, reply: FastifyReply, state: FormState, status: number) {
    const actor = staffActor(request);
    const texts = await listSiteTexts(db, actor);
    return renderAdmin(
      reply,
      SiteTextsPage({
        ctx: adminContext(request, reply),
        texts,
        state,
        canManage: can(actor, 'site.manage'),
      }),
      status,
    );
  }

  app.get('/admin/textos', { preHandler: view }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const key = typeof query.clave === 'string' ? query.clave : '';
    const locale = query.idioma === 'en' ? 'en' : 'es';
    const texts = await listSiteTexts(db, staffActor(request));
    const current = texts.find((x) => x.key === key && x.locale === locale);
    // A key the site reads starts from its built-in text, so staff edit rather than retype it.
    const value = current?.value ?? builtInSiteText(key, locale);
    return render(request, reply, emptyForm({ key, locale, value }), 200);
  });

  app.post('/admin/textos', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => saveSiteText(db, staffActor(request), input, app.deps.clock()));
    if (!result.ok) return render(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, '/admin/textos', 'saved');
  });

  app.post('/admin/textos/eliminar', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    await deleteSiteText(
      db,
      staffActor(request),
      typeof input.key === 'string' ? input.key : '',
      typeof input.locale === 'string' ? input.locale : '',
      app.deps.clock(),
    );
    return redirectWithNotice(reply, '/admin/textos', 'siteTextDeleted');
  });
}
