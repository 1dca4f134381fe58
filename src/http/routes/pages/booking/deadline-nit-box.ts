import type { FastifyRequest } from 'fastify';
import { formatNit } from '../../../../domain/nit.js';
import { formatCivilDate } from '../../../../i18n/format.js';
import { deadlineDaysOf } from '../../../../services/availability.js';
import type { DeadlineNit } from '../../../../views/booking/deadline-nit.js';
import { emptyForm, type FormState } from '../../../../views/components/form.js';
import { serviceContext } from '../../../journey/service-context.js';
import type { App } from '../../../types.js';

/**
 * What the NIT box of a search page says: the form when no NIT was given; otherwise the NIT, whether
 * this page (the calendar, or one day's times) includes its reserved places, and its deadlines.
 */
export async function deadlineNitBox(
  app: App,
  request: FastifyRequest,
  nit: string | undefined,
  { state = emptyForm(), date }: { state?: FormState | undefined; date?: string } = {},
): Promise<DeadlineNit> {
  if (!nit) return { kind: 'ask', state };
  const due = await deadlineDaysOf(serviceContext(app), nit);
  return {
    kind: 'given',
    nit: formatNit(nit),
    included: date ? due.includes(date) : due.length > 0,
    dueDates: due.map((d) => formatCivilDate(d, request.locale)),
  };
}
