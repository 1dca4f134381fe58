import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, notFound } from '../../../domain/errors.js';
import {
  changeDeskStatus,
  DESK_ACTIONS,
  type DeskAction,
  deskList,
  saveDeskNote,
} from '../../../services/desk/desk.js';
import { DeskPage } from '../../../views/admin/desk-pages.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { requireStaff, staffActor } from '../../plugins/auth.js';
import type { App } from '../../types.js';
import { adminContext, formInput, redirectWithNotice, renderAdmin, submit } from './context.js';

type ActionParams = { Params: { code: string; action: string } };

const DESK_NOTICE: Record<DeskAction, string> = {
  'check-in': 'checkedIn',
  attended: 'attended',
  'no-show': 'noShow',
};

/** Where to go back after a desk action: the desk page it came from, nothing else (no open redirect). */
function backTo(input: Record<string, unknown>): string {
  const raw = typeof input.volver === 'string' ? input.volver : '';
  const path = raw.replace(/[?&]aviso=[^&]*/g, '');
  return /^\/admin\/mesa(\?[\w=&%.-]*)?$/.test(path) ? path : '/admin/mesa';
}

/** The attention desk (/admin/mesa): the day's appointments of my offices or channel, and their status. */
export async function deskRoutes(app: App): Promise<void> {
  const db = app.deps.database.db;
  const attend = requireStaff({ permission: 'desk.attend' });

  async function renderDesk(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    status: number,
    query?: Record<string, unknown>,
  ) {
    const q = query ?? ((request.query ?? {}) as Record<string, unknown>);
    const list = await deskList(
      db,
      staffActor(request),
      {
        date: typeof q.fecha === 'string' ? q.fecha : undefined,
        search: typeof q.buscar === 'string' ? q.buscar : undefined,
      },
      { now: app.deps.clock(), locale: request.locale, videoBaseUrl: app.deps.config.videoBaseUrl },
    );
    return renderAdmin(reply, DeskPage({ ctx: adminContext(request, reply), ...list, state }), status);
  }

  app.get('/admin/mesa', { preHandler: attend }, (request, reply) =>
    renderDesk(request, reply, emptyForm(), 200),
  );

  app.post<ActionParams>('/admin/mesa/:code/:action', { preHandler: attend }, async (request, reply) => {
    const { code, action } = request.params;
    const input = formInput(request);
    if (action === 'nota') {
      const result = await submit(() => saveDeskNote(db, staffActor(request), code, input, app.deps.clock()));
      if (!result.ok)
        return renderDesk(
          request,
          reply,
          { values: input, errors: onRow(code, result.errors) },
          400,
          queryOf(backTo(input)),
        );
      return redirectWithNotice(reply, backTo(input), 'noteSaved');
    }
    if (!(action in DESK_ACTIONS)) throw notFound();
    const result = await submit(() =>
      changeDeskStatus(db, staffActor(request), code, action as DeskAction, app.deps.clock()),
    );
    if (!result.ok)
      return renderDesk(
        request,
        reply,
        { values: input, errors: onRow(code, result.errors) },
        400,
        queryOf(backTo(input)),
      );
    return redirectWithNotice(reply, backTo(input), DESK_NOTICE[action as DeskAction]);
  });
}

/** The desk's messages point at the row's note or its actions, which is what the summary links to. */
function onRow(code: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field === 'note' ? `note-${code}` : `actions-${code}` }));
}

function queryOf(path: string): Record<string, unknown> {
  const q = path.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(q));
}
