import type { JobDefinition } from './define.js';
import { ALERTS_END_FINISHED } from './definitions/alerts-end-finished.js';
import { ALERTS_MATCH } from './definitions/alerts-match.js';
import { ALERTS_OFFER_EXPIRED } from './definitions/alerts-offer-expired.js';
import { HOLDS_RECLAIM_EXPIRED } from './definitions/holds-reclaim-expired.js';
import { JOBS_PRUNE } from './definitions/jobs-prune.js';
import { MAIL_ALERT_CONFIRM } from './definitions/mail-alert-confirm.js';
import { MAIL_ALERT_OFFER } from './definitions/mail-alert-offer.js';
import { MAIL_APPOINTMENT_CANCELLED } from './definitions/mail-appointment-cancelled.js';
import { MAIL_APPOINTMENT_CONFIRMED } from './definitions/mail-appointment-confirmed.js';
import { MAIL_APPOINTMENT_REMINDER } from './definitions/mail-appointment-reminder.js';
import { MAIL_APPOINTMENT_RESCHEDULED } from './definitions/mail-appointment-rescheduled.js';
import { MAIL_DATA_SUBJECT_LINK } from './definitions/mail-data-subject-link.js';
import { MAIL_SCHEDULE_REMINDERS } from './definitions/mail-schedule-reminders.js';
import { PRIVACY_RETENTION } from './definitions/privacy-retention.js';
import { every, type PeriodicJob } from './periodic.js';

/** Every kind of job the worker runs. A job whose name is not here fails as unknown. */
export const JOBS: readonly JobDefinition[] = [
  MAIL_APPOINTMENT_CONFIRMED,
  MAIL_APPOINTMENT_RESCHEDULED,
  MAIL_APPOINTMENT_CANCELLED,
  MAIL_APPOINTMENT_REMINDER,
  MAIL_ALERT_CONFIRM,
  MAIL_ALERT_OFFER,
  ALERTS_OFFER_EXPIRED,
  ALERTS_MATCH,
  ALERTS_END_FINISHED,
  HOLDS_RECLAIM_EXPIRED,
  MAIL_SCHEDULE_REMINDERS,
  JOBS_PRUNE,
  MAIL_DATA_SUBJECT_LINK,
  PRIVACY_RETENTION,
] as readonly JobDefinition[];

/** Periodic jobs: adding one is one line here (its definition must be in JOBS). */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  every(60, HOLDS_RECLAIM_EXPIRED),
  every(60, ALERTS_MATCH),
  every(900, MAIL_SCHEDULE_REMINDERS),
  every(3600, ALERTS_END_FINISHED),
  every(86_400, JOBS_PRUNE),
  every(86_400, PRIVACY_RETENTION),
];
