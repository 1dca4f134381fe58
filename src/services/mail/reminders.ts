import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { MAIL_APPOINTMENT_REMINDER } from '../../jobs/definitions/mail-appointment-reminder.js';
import { selectBookedStartingBetween } from '../../repositories/appointments.js';
import { enqueue, selectQueuedDedupeKeys } from '../../repositories/jobs.js';

/** The same key for one appointment at one time, however often it is scheduled. */
function reminderKey(appointmentId: number, startsAt: Date): string {
  return `${MAIL_APPOINTMENT_REMINDER.name}:${appointmentId}:${startsAt.toISOString()}`;
}

/** When the reminder goes: `hours` before the start, or never when the booking came after that moment. */
function reminderTime(appointment: { startsAt: Date; createdAt: Date }, hours: number): Date | undefined {
  const at = new Date(appointment.startsAt.getTime() - hours * 3_600_000);
  return at.getTime() > appointment.createdAt.getTime() ? at : undefined;
}

/**
 * Queues the reminder of an appointment for `hours` before it starts (once: the dedupe key names the
 * appointment and its time, so a moved appointment gets a reminder for its new time).
 */
export async function scheduleReminder(
  db: Kysely<DB>,
  appointment: { id: number; startsAt: Date; createdAt: Date },
  hours: number,
): Promise<boolean> {
  const runAt = reminderTime(appointment, hours);
  if (!runAt) return false;
  await enqueue(
    db,
    MAIL_APPOINTMENT_REMINDER,
    { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() },
    { runAt, dedupeKey: reminderKey(appointment.id, appointment.startsAt) },
  );
  return true;
}

/**
 * The periodic safety net: reminders for booked appointments starting within the next `hours` + a day
 * that have none yet (their confirmation job failed, or they were created another way).
 */
export async function scheduleMissingReminders(db: Kysely<DB>, now: Date, hours: number): Promise<number> {
  const until = new Date(now.getTime() + (hours + 24) * 3_600_000);
  const wanted = (await selectBookedStartingBetween(db, now, until)).filter(
    (a) => reminderTime(a, hours) !== undefined,
  );
  if (wanted.length === 0) return 0;
  const existing = await selectQueuedDedupeKeys(
    db,
    wanted.map((a) => reminderKey(a.id, a.startsAt)),
  );
  let queued = 0;
  for (const a of wanted) {
    if (existing.has(reminderKey(a.id, a.startsAt))) continue;
    await scheduleReminder(db, a, hours);
    queued += 1;
  }
  return queued;
}
