import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../../domain/errors.js';
import { listProcedures } from '../../../../services/catalogue/procedures.js';
import { type Choice, choiceOf } from '../../../../services/journey/choice.js';
import { type Criteria, journeyBase, journeyHref } from '../../../../services/journey/criteria.js';
import { ChannelPage, ProcedurePage } from '../../../../views/booking/choose.js';
import { sendPage } from '../../../page.js';
import type { App } from '../../../types.js';

/**
 * The first two answers of the journey (procedure, channel), which every later step needs: a step
 * reached without them, or with one that is not valid, sends the person back to answer it.
 */
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
      state: { values: { tramite: criteria.tramite ?? '' }, errors },
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
        state: {
          values: { canal: criteria.canal ?? '' },
          errors: [
            {
              field: 'canal',
              key: criteria.canal ? 'booking.channel.notOffered' : 'journey.channel.required',
            },
          ],
        },
        criteria,
      }),
      400,
    );
  }
  return undefined;
}

/** As requireChoice, for the steps of a place: a remote channel has none to choose, and goes to its calendar. */
export async function requireInPersonChoice(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  criteria: Criteria,
): Promise<Choice | undefined> {
  const choice = await requireChoice(app, request, reply, criteria);
  if (!choice?.channel.remote) return choice;
  await reply.redirect(journeyHref('/reservar/dias', journeyBase(criteria)), 303);
  return undefined;
}
