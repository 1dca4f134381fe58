import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../domain/errors.js';
import { listProcedures } from '../../../services/catalogue/procedures.js';
import { ChannelPage, ProcedurePage } from '../../../views/booking/choose.js';
import type { Criteria } from '../../../views/booking/criteria.js';
import type { FormState } from '../../../views/components/form.js';
import { sendPage } from '../../page.js';
import type { App } from '../../types.js';
import { type Choice, choiceOf } from './journey-data.js';

/**
 * The first two answers of the journey (procedure, channel), which every later step needs: a step
 * reached without them, or with one that is not valid, sends the person back to answer it.
 */

export const fieldState = (values: Record<string, unknown>, errors: FieldError[] = []): FormState => ({
  values,
  errors,
});

export async function procedurePage(
  app: App,
  reply: FastifyReply,
  request: FastifyRequest,
  criteria: Criteria,
  errors: FieldError[] = [],
) {
  const procedures = await listProcedures(app.deps.database.db, request.locale);
  return sendPage(
    reply,
    ProcedurePage({
      locale: request.locale,
      procedures,
      state: fieldState({ tramite: criteria.tramite ?? '' }, errors),
      criteria,
    }),
    errors.length > 0 ? 400 : 200,
  );
}

/** Sends the person back to the step whose answer is missing or wrong, or gives the choice. */
export async function requireChoice(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  criteria: Criteria,
): Promise<Choice | undefined> {
  const found = await choiceOf(app.deps.database.db, criteria, request.locale);
  if (found.ok) return found.choice;
  if (found.missing === 'procedure') {
    await procedurePage(
      app,
      reply,
      request,
      criteria,
      criteria.tramite ? [{ field: 'tramite', key: 'booking.procedure.unknown' }] : [],
    );
    return undefined;
  }
  if (found.procedure && found.channels) {
    await sendPage(
      reply,
      ChannelPage({
        locale: request.locale,
        procedure: found.procedure,
        channels: found.channels,
        state: fieldState({ canal: criteria.canal ?? '' }, [
          { field: 'canal', key: criteria.canal ? 'booking.channel.notOffered' : 'journey.channel.required' },
        ]),
        criteria,
      }),
      400,
    );
  }
  return undefined;
}
