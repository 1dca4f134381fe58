import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access.js';
import { notFound } from '../../../domain/errors.js';
import { cityOptions } from '../../../services/catalogue/cities.js';
import {
  createKiosk,
  getKioskForStaff,
  listKiosksForStaff,
  updateKiosk,
} from '../../../services/catalogue/kiosks.js';
import { KioskFormPage, KioskListPage } from '../../../views/admin/kiosk-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type IdParams = { Params: { id: string } };

function kioskId(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw notFound();
  return Number(raw);
}

/** Self-service kiosks shown in the citizen kiosk locator. */
export async function kioskRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'site.view' });
  const manage = requireStaff({ permission: 'site.manage' });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
    id?: number,
  ) {
    return renderAdmin(
      reply,
      KioskFormPage({
        ctx: adminContext(request, reply),
        state,
        cities: await cityOptions(db),
        canManage: can(staffActor(request), 'site.manage'),
        ...(id === undefined ? {} : { id }),
      }),
      status,
    );
  }

  app.get('/admin/quioscos', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const kiosks = await listKiosksForStaff(db, actor);
    return renderAdmin(
      reply,
      KioskListPage({ ctx: adminContext(request, reply), kiosks, canManage: can(actor, 'site.manage') }),
    );
  });

  app.get('/admin/quioscos/nuevo', { preHandler: manage }, async (request, reply) =>
    renderForm(request, reply, emptyForm({ active: 'on' }), 200),
  );

  app.post('/admin/quioscos', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createKiosk(db, staffActor(request), input, app.deps.clock()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, '/admin/quioscos', 'kioskCreated');
  });

  app.get<IdParams>('/admin/quioscos/:id', { preHandler: view }, async (request, reply) => {
    const k = await getKioskForStaff(db, staffActor(request), kioskId(request.params.id));
    const state = emptyForm({
      placeType: k.place_type,
      name: k.name,
      address: k.address,
      city: k.city_code,
      hoursEs: k.hours_es,
      hoursEn: k.hours_en,
      active: k.active ? 'on' : '',
    });
    return renderForm(request, reply, state, 200, k.id);
  });

  app.post<IdParams>('/admin/quioscos/:id', { preHandler: manage }, async (request, reply) => {
    const actor = staffActor(request);
    const k = await getKioskForStaff(db, actor, kioskId(request.params.id));
    const input = formInput(request);
    const result = await submit(() => updateKiosk(db, actor, k.id, input, app.deps.clock()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400, k.id);
    return redirectWithNotice(reply, '/admin/quioscos', 'saved');
  });
}
