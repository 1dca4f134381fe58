import { Type } from 'typebox';
import type { Channel } from '../../../../domain/channels.js';
import type { FieldError } from '../../../../domain/errors.js';
import { LIMITS } from '../../../../security/limits.js';
import { carryDraft } from '../../../../services/journey/carry-draft.js';
import { criteriaOf } from '../../../../services/journey/criteria.js';
import { submitForm } from '../../../forms.js';
import { holdForClient } from '../../../journey/hold-for-client.js';
import { searchNit } from '../../../journey/nit-cookie.js';
import { ownHold } from '../../../journey/own-hold.js';
import { routeLimit } from '../../../plugins/rate-limit.js';
import type { App } from '../../../types.js';
import { holdHref } from './held.js';
import { criteriaFields, slotIdOf, text } from './journey-schemas.js';
import { timesPage } from './times-step.js';

const HoldPost = Type.Object(
  { horario: text(300), altcha: text(4000), ...criteriaFields(300), _csrf: text(300) },
  { additionalProperties: false },
);

/**
 * Step 6: choosing a time holds it. What was typed for an earlier hold of this browser (`reserva`, from
 * the review's change links) follows to the new one.
 */
export function holdStep(app: App): void {
  app.post(
    '/reservar/horario',
    { schema: { hide: true, body: HoldPost }, config: { rateLimit: routeLimit(app, LIMITS.hold) } },
    async (request, reply) => {
      const body = request.body;
      const criteria = criteriaOf(body);
      const slotId = slotIdOf(body.horario);
      const again = (errors: FieldError[], status: number) =>
        timesPage(app, request, reply, criteria, {
          state: { values: { horario: body.horario ?? '' }, errors },
          status,
        });
      if (!slotId) return again([{ field: 'horario', key: 'journey.times.required' }], 400);
      const previous = await ownHold(app, request, reply, criteria.reserva);
      const nit = searchNit(app, request, criteria);
      const held = await submitForm(
        () =>
          holdForClient(app, request, reply, {
            slotId,
            procedure: criteria.tramite ?? '',
            channel: (criteria.canal ?? '') as Channel,
            nit,
            altcha: body.altcha || undefined,
            allowWithoutProof: true,
          }),
        {
          shows: ['SLOT_FULL', 'NOT_FOUND', 'VALIDATION', 'CAPTCHA_REQUIRED'],
          field: 'horario',
          oneQuestion: true,
        },
      );
      if (!held.ok) return again(held.errors, held.status);
      const { holdId } = held.value;
      const next = await carryDraft(app.deps.database.db, previous, holdId, nit, app.deps.clock());
      return reply.redirect(
        holdHref(next === 'review' ? '/reservar/revisar' : '/reservar/datos', holdId),
        303,
      );
    },
  );
}
