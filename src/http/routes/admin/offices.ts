import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Office } from '../../../db/schema.js';
import { can } from '../../../domain/access.js';
import type { FieldError } from '../../../domain/errors.js';
import { createOffice, setOfficeActive, updateOffice } from '../../../services/catalogue/office-edit.js';
import {
  getOfficeForStaff,
  listOfficesForStaff,
  officeFormOptions,
} from '../../../services/catalogue/offices.js';
import { OfficeFormPage, OfficeListPage } from '../../../views/admin/office-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type CodeParams = { Params: { code: string } };

function officeValues(o: Office): Record<string, string> {
  return {
    name: o.name,
    kind: o.kind,
    seccional: o.seccional_code,
    city: o.city_code,
    address: o.address,
    addressIllustrative: o.address_illustrative ? 'on' : '',
    hoursEs: o.hours_es,
    hoursEn: o.hours_en,
    desks: String(o.desks),
    phone: o.phone ?? '',
    email: o.email ?? '',
    active: o.active ? 'on' : '',
  };
}

/** Offices: every office for national administrators, their seccionales' for seccional ones. */
export async function officeRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const view = requireStaff({ permission: 'offices.view' });
  const manage = requireStaff({ permission: 'offices.manage' });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
    office?: Office,
  ) {
    const actor = staffActor(request);
    const options = await officeFormOptions(db, actor);
    return renderAdmin(
      reply,
      OfficeFormPage({
        ctx: adminContext(request, reply),
        state,
        options,
        canManage: can(actor, 'offices.manage'),
        ...(office ? { code: office.code, active: office.active } : {}),
      }),
      status,
    );
  }

  app.get('/admin/oficinas', { preHandler: view }, async (request, reply) => {
    const actor = staffActor(request);
    const offices = await listOfficesForStaff(db, actor);
    return renderAdmin(
      reply,
      OfficeListPage({ ctx: adminContext(request, reply), offices, canManage: can(actor, 'offices.manage') }),
    );
  });

  app.get('/admin/oficinas/nueva', { preHandler: manage }, async (request, reply) =>
    renderForm(request, reply, emptyForm({ active: 'on', addressIllustrative: '' }), 200),
  );

  app.post('/admin/oficinas', { preHandler: manage }, async (request, reply) => {
    const input = formInput(request);
    const result = await submit(() => createOffice(db, staffActor(request), input, app.deps.clock()));
    if (!result.ok) return renderForm(request, reply, { values: input, errors: result.errors }, 400);
    return redirectWithNotice(reply, `/admin/oficinas/${result.value}`, 'officeCreated');
  });

  app.get<CodeParams>('/admin/oficinas/:code', { preHandler: view }, async (request, reply) => {
    const office = await getOfficeForStaff(db, staffActor(request), request.params.code);
    return renderForm(request, reply, emptyForm(officeValues(office)), 200, office);
  });

  app.post<CodeParams>('/admin/oficinas/:code', { preHandler: manage }, async (request, reply) => {
    const actor = staffActor(request);
    const input = formInput(request);
    const result = await submit(() => updateOffice(db, actor, request.params.code, input, app.deps.clock()));
    if (!result.ok) {
      const office = await getOfficeForStaff(db, actor, request.params.code);
      return renderForm(request, reply, { values: input, errors: result.errors }, 400, office);
    }
    return redirectWithNotice(reply, `/admin/oficinas/${request.params.code}`, 'saved');
  });

  for (const [path, active] of [
    ['desactivar', false],
    ['activar', true],
  ] as const) {
    app.post<CodeParams>(`/admin/oficinas/:code/${path}`, { preHandler: manage }, async (request, reply) => {
      const actor = staffActor(request);
      const { code } = request.params;
      const result = await submit(() => setOfficeActive(db, actor, code, active, app.deps.clock()));
      if (!result.ok) {
        const office = await getOfficeForStaff(db, actor, code);
        const errors: readonly FieldError[] = result.errors;
        return renderForm(request, reply, { values: officeValues(office), errors }, 400, office);
      }
      return redirectWithNotice(reply, `/admin/oficinas/${code}`, active ? 'activated' : 'deactivated');
    });
  }
}
