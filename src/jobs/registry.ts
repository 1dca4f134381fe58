import { ALERTS_END_FINISHED } from './definitions/alerts-end-finished.js';
import { ALERTS_MATCH } from './definitions/alerts-match.js';
import { HOLDS_RECLAIM_EXPIRED } from './definitions/holds-reclaim-expired.js';
import { JOBS_PRUNE } from './definitions/jobs-prune.js';
import { MAIL_SCHEDULE_REMINDERS } from './definitions/mail-schedule-reminders.js';
import { PRIVACY_RETENTION } from './definitions/privacy-retention.js';
import type { JobHandler } from './handler.js';
import { ALERTS_END_FINISHED_HANDLER } from './handlers/alerts-end-finished.js';
import { ALERTS_MATCH_HANDLER } from './handlers/alerts-match.js';
import { ALERTS_OFFER_EXPIRED_HANDLER } from './handlers/alerts-offer-expired.js';
import { HOLDS_RECLAIM_EXPIRED_HANDLER } from './handlers/holds-reclaim-expired.js';
import { JOBS_PRUNE_HANDLER } from './handlers/jobs-prune.js';
import { MAIL_ALERT_CONFIRM_HANDLER } from './handlers/mail-alert-confirm.js';
import { MAIL_ALERT_OFFER_HANDLER } from './handlers/mail-alert-offer.js';
import { MAIL_APPOINTMENT_CANCELLED_HANDLER } from './handlers/mail-appointment-cancelled.js';
import { MAIL_APPOINTMENT_CONFIRMED_HANDLER } from './handlers/mail-appointment-confirmed.js';
import { MAIL_APPOINTMENT_REMINDER_HANDLER } from './handlers/mail-appointment-reminder.js';
import { MAIL_APPOINTMENT_RESCHEDULED_HANDLER } from './handlers/mail-appointment-rescheduled.js';
import { MAIL_DATA_SUBJECT_LINK_HANDLER } from './handlers/mail-data-subject-link.js';
import {
  MAIL_RELEASE_ENTRY_HANDLER,
  MAIL_RELEASE_OFFER_HANDLER,
  MAIL_RELEASE_RESULT_HANDLER,
} from './handlers/mail-release.js';
import { MAIL_SCHEDULE_REMINDERS_HANDLER } from './handlers/mail-schedule-reminders.js';
import { PRIVACY_RETENTION_HANDLER } from './handlers/privacy-retention.js';
import { RELEASES_DRAW_HANDLER } from './handlers/releases-draw.js';
import { RELEASES_OFFER_EXPIRED_HANDLER } from './handlers/releases-offer-expired.js';
import { every, type PeriodicJob } from './periodic.js';

/** What the worker runs for each kind of job. A job whose name is not here fails as unknown. */
export const JOB_HANDLERS: readonly JobHandler[] = [
  MAIL_APPOINTMENT_CONFIRMED_HANDLER,
  MAIL_APPOINTMENT_RESCHEDULED_HANDLER,
  MAIL_APPOINTMENT_CANCELLED_HANDLER,
  MAIL_APPOINTMENT_REMINDER_HANDLER,
  MAIL_ALERT_CONFIRM_HANDLER,
  MAIL_ALERT_OFFER_HANDLER,
  ALERTS_OFFER_EXPIRED_HANDLER,
  ALERTS_MATCH_HANDLER,
  ALERTS_END_FINISHED_HANDLER,
  HOLDS_RECLAIM_EXPIRED_HANDLER,
  MAIL_SCHEDULE_REMINDERS_HANDLER,
  JOBS_PRUNE_HANDLER,
  MAIL_DATA_SUBJECT_LINK_HANDLER,
  PRIVACY_RETENTION_HANDLER,
  RELEASES_DRAW_HANDLER,
  RELEASES_OFFER_EXPIRED_HANDLER,
  MAIL_RELEASE_ENTRY_HANDLER,
  MAIL_RELEASE_OFFER_HANDLER,
  MAIL_RELEASE_RESULT_HANDLER,
] as readonly JobHandler[];

/** Periodic jobs: adding one is one line here (its handler must be in JOB_HANDLERS). */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  every(60, HOLDS_RECLAIM_EXPIRED),
  every(60, ALERTS_MATCH),
  every(900, MAIL_SCHEDULE_REMINDERS),
  every(3600, ALERTS_END_FINISHED),
  every(86_400, JOBS_PRUNE),
  every(86_400, PRIVACY_RETENTION),
];
