import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue } from '../../jobs/queue.js';

export const REMINDER_JOB = 'mail.appointment-reminder';

/** The same key for one appointment at one time, however often it is scheduled. */
export function reminderKey(appointmentId: number, startsAt: Date): string {
  return `${REMINDER_JOB}:${appointmentId}:${startsAt.toISOString()}`;
}

/** When the reminder goes: `hours` before the start, or never when the booking came after that moment. */
export function reminderTime(
  appointment: { startsAt: Date; createdAt: Date },
  hours: number,
): Date | undefined {
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
  await enqueue(db, {
    name: REMINDER_JOB,
    payload: { appointmentId: appointment.id, startsAt: appointment.startsAt.toISOString() },
    runAt,
    dedupeKey: reminderKey(appointment.id, appointment.startsAt),
  });
  return true;
}

/**
 * The periodic safety net: reminders for booked appointments starting within the next `hours` + a day
 * that have none yet (their confirmation job failed, or they were created another way).
 */
export async function scheduleMissingReminders(db: Kysely<DB>, now: Date, hours: number): Promise<number> {
  const until = new Date(now.getTime() + (hours + 24) * 3_600_000);
  const rows = await db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'created_at'])
    .where('status', '=', 'booked')
    .where('starts_at', '>', now)
    .where('starts_at', '<=', until)
    .execute();
  const wanted = rows
    .map((r) => ({ id: r.id, startsAt: r.starts_at, createdAt: r.created_at }))
    .filter((a) => reminderTime(a, hours) !== undefined);
  if (wanted.length === 0) return 0;
  const keys = wanted.map((a) => reminderKey(a.id, a.startsAt));
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const found = await db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const f of found) if (f.dedupe_key) existing.add(f.dedupe_key);
  }
  let queued = 0;
  for (const a of wanted) {
    if (existing.has(reminderKey(a.id, a.startsAt))) continue;
    await scheduleReminder(db, a, hours);
    queued += 1;
  }
  return queued;
}
