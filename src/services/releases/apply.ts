import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../domain/errors.js';
import { releaseStatus } from '../../domain/release.js';
import { type EntryInput, validateEntry } from '../../domain/release-entry.js';
import type { Locale } from '../../i18n/index.js';
import { MAIL_RELEASE_ENTRY } from '../../jobs/definitions/mail-release-entry.js';
import { enqueue } from '../../repositories/jobs.js';
import { hasActiveAppointment, upsertPendingEntry } from '../../repositories/releases/entries.js';
import { selectRelease, selectReleaseDays } from '../../repositories/releases/releases.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A release by its public id; NOT_FOUND for anything else, malformed ids included. */
export async function releaseById(db: Kysely<DB>, id: string) {
  const release = UUID.test(id) ? await selectRelease(db, id) : undefined;
  if (!release) throw notFound('releases.error.notFound');
  return release;
}

/**
 * An application to a release during its window: one insert, no row that other applicants write, so
 * a rush of applications never queues on a lock. It counts once the link e-mailed to the person is
 * followed; asking again with another e-mail replaces the entry only when that new link is followed.
 * Someone with an appointment of the procedure still to come is told so and not entered.
 */
export async function applyForRelease(
  ctx: { db: Kysely<DB>; now: Date },
  releaseId: string,
  input: EntryInput,
  locale: Locale,
): Promise<{ entryId: string; status: 'pending' }> {
  const release = await releaseById(ctx.db, releaseId);
  if (
    releaseStatus(
      { opensAt: release.opens_at, closesAt: release.closes_at, drawnAt: release.drawn_at },
      ctx.now,
    ) !== 'open'
  )
    throw new AppError('RELEASE_CLOSED', 'releases.error.closed');
  const checked = validateEntry(input, await selectReleaseDays(ctx.db, release.id));
  if (!checked.ok)
    throw new AppError('VALIDATION', 'error.validation', { count: checked.errors.length }, checked.errors);
  const entry = checked.value;
  if (await hasActiveAppointment(ctx.db, entry.personKey, release.procedure_code, ctx.now))
    throw new AppError('LIMIT_REACHED', 'releases.entry.alreadyBooked');
  return transaction(ctx.db, async (trx) => {
    const entryId = await upsertPendingEntry(trx, {
      id: randomUUID(),
      releaseId: release.id,
      personKey: entry.personKey,
      email: entry.email,
      locale,
      dates: entry.preferences.dates,
      partOfDay: entry.preferences.partOfDay,
      now: ctx.now,
    });
    await enqueue(trx, MAIL_RELEASE_ENTRY, { entryId }, { runAt: ctx.now });
    return { entryId, status: 'pending' as const };
  });
}
