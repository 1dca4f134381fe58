import type { FastifyRequest } from 'fastify';
import { formatNit } from '../../../domain/nit.js';
import { formatCivilDate } from '../../../i18n/format.js';
import { deadlineDaysOf } from '../../../services/availability.js';
import type { Criteria } from '../../../views/booking/criteria.js';
import type { DeadlineNit } from '../../../views/booking/deadline-nit.js';
import { emptyForm, type FormState } from '../../../views/components/form.js';
import { journeyNit } from '../../journey-nit.js';
import type { App } from '../../types.js';

/**
 * The NIT the search steps search with: the one this browser gave, except while choosing a new time for
 * an existing appointment (a reschedule takes no hold, so it could not take a reserved place anyway).
 */
export function searchNit(app: App, request: FastifyRequest, criteria: Criteria): string | undefined {
  return criteria.cambio ? undefined : journeyNit(request, app.deps.clock());
}

/**
 * What the NIT box of a search page says: the form when no NIT was given; otherwise the NIT, whether
 * this page (the calendar, or one day's times) includes its reserved places, and its deadlines.
 */
export async function deadlineNitView(
  app: App,
  request: FastifyRequest,
  nit: string | undefined,
  { state = emptyForm(), date }: { state?: FormState; date?: string } = {},
): Promise<DeadlineNit> {
  if (!nit) return { kind: 'ask', state };
  const due = await deadlineDaysOf(
    { db: app.deps.database.db, config: app.deps.config, now: app.deps.clock() },
    nit,
  );
  return {
    kind: 'given',
    nit: formatNit(nit),
    included: date ? due.includes(date) : due.length > 0,
    dueDates: due.map((d) => formatCivilDate(d, request.locale)),
  };
}
