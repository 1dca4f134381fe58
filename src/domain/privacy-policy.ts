/**
 * The personal-data policy in force (Ley 1581 de 2012). A consent records the version it was given
 * for; a new version of the text gets a new version string here.
 */
export const POLICY_VERSION = '2026-11-01';
export const POLICY_EFFECTIVE_DATE = '2026-11-01';

/** What the data collected at booking is used for; every consent lists them. */
export const BOOKING_PURPOSES = ['agendamiento', 'notificaciones', 'atencion'] as const;
