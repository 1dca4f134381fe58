import { can } from '../../../domain/access.js';
import {
  getChannelForStaff,
  listChannelsForStaff,
  updateChannel,
} from '../../../services/catalogue/channels.js';
import { ChannelFormPage, ChannelListPage } from '../../../views/admin/channel-pages.js';
import { emptyForm } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type CodeParams = { Params: { code: string } };

/** The four attention channels: their names and the descriptions citizens read. */
export async function channelRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'catalogue.view' });
  const manage = requireStaff({ permission: 'catalogue.manage' });

  app.get('/admin/canales', { preHandler: view }, async (request, reply) => {
    const channels = await listChannelsForStaff(db, staffActor(request));
    return renderAdmin(reply, ChannelListPage({ ctx: adminContext(request, reply), channels }));
  });

  app.get<CodeParams>('/admin/canales/:code', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const c = await getChannelForStaff(db, actor, request.params.code);
    const state = emptyForm({
      nameEs: c.name_es,
      nameEn: c.name_en,
      descriptionEs: c.description_es,
      descriptionEn: c.description_en,
    });
    return renderAdmin(
      reply,
      ChannelFormPage({
        ctx: adminContext(request, reply),
        state,
        code: c.code,
        canManage: can(actor, 'catalogue.manage'),
      }),
    );
  });

  app.post<CodeParams>('/admin/canales/:code', { preHandler: manage }, async (request, reply) => {
    const actor = staffActor(request);
    const c = await getChannelForStaff(db, actor, request.params.code);
    const input = formInput(request);
    const result = await submit(() => updateChannel(db, actor, c.code, input, app.deps.clock()));
    if (!result.ok) {
      return renderAdmin(
        reply,
        ChannelFormPage({
          ctx: adminContext(request, reply),
          state: { values: input, errors: result.errors },
          code: c.code,
          canManage: true,
        }),
        400,
      );
    }
    return redirectWithNotice(reply, '/admin/canales', 'saved');
  });
}
