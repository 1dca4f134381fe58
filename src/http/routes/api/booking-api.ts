import type { App } from '../../types.js';
import { appointmentsApi } from './appointments.js';
import { availabilityApi } from './availability.js';
import { holdsApi } from './holds.js';

/** The public booking API (DESIGN §5): each handler validates by schema and calls one service. */
export async function bookingApi(app: App): Promise<void> {
  holdsApi(app);
  availabilityApi(app);
  appointmentsApi(app);
}
