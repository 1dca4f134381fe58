import type { App } from '../../../types.js';
import { confirmStep } from './confirm-step.js';
import { confirmationStep } from './confirmation-step.js';
import { consentStep } from './consent-step.js';
import { dataStep } from './data-step.js';
import { holdStep } from './hold-step.js';
import { reviewStep } from './review-step.js';

/** The steps after a time is chosen: hold, data, consent, review, confirmation (all POST → redirect → GET). */
export async function bookingHoldPages(app: App): Promise<void> {
  holdStep(app);
  dataStep(app);
  consentStep(app);
  reviewStep(app);
  confirmStep(app);
  confirmationStep(app);
}
