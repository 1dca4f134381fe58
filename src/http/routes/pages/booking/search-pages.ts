import type { App } from '../../../types.js';
import { calendarStep } from './calendar-step.js';
import { nitStep } from './nit-step.js';
import { placeStep } from './place-step.js';
import { procedureStep } from './procedure-step.js';
import { searchModeStep } from './search-mode-step.js';
import { timesStep } from './times-step.js';

/** The search pages of /reservar: procedure → channel → place or date → days → times. */
export async function bookingSearchPages(app: App): Promise<void> {
  procedureStep(app);
  searchModeStep(app);
  placeStep(app);
  calendarStep(app);
  timesStep(app);
  nitStep(app);
}
