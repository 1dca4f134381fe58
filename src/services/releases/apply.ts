import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { statement } from '../../db/transaction.js';
import { AppError, notFound } from '../../domain/errors.js';
import { releaseStatus } from '../../domain/release.js';
import { type EntryInput, validateEntry } from '../../domain/release-entry.js';
import type { Locale } from '../../i18n/index.js';
import { MAIL_RELEASE_ENTRY } from '../../jobs/definitions/mail-release-entry.js';
import { insertApplication } from '../../repositories/releases/entries.js';
import { selectRelease, selectReleaseDays } from '../../repositories/releases/releases.js';
import { cacheOf } from '../availability-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A release by its public id; NOT_FOUND for anything else, malformed ids included. */
export async function releaseById(db: Kysely<DB>, id: string) {
  const release = UUID.test(id) ? await selectRelease(db, id) : undefined;
  if (!release) throw notFound('releases.error.notFound');
  return release;
}

/** What validating an application needs of its release: asked of the database at most once a second. */
async function releaseFacts(db: Kysely<DB>, id: string, ttlMs: number) {
  const load = async () => {
    const release = await releaseById(db, id);
    return { release, days: await selectReleaseDays(db, release.id) };
  };
  const cache = cacheOf<Awaited<ReturnType<typeof load>>>(db, 'release-facts', ttlMs);
  return cache ? cache.get(id, load) : load();
}

/**
 * An application to a release during its window: one statement, one insert, no row that other
 * applicants write, so a rush of applications never queues on a lock (the release's days come from a
 * one-second cache). It counts once the link e-mailed to the person is followed; asking again with
 * another e-mail replaces the entry only when that new link is followed. Someone with an appointment of
 * the procedure still to come is told so and not entered.
 */
export async function applyForRelease(
  ctx: { db: Kysely<DB>; now: Date; cacheMs?: number },
  releaseId: string,
  input: EntryInput,
  locale: Locale,
): Promise<{ entryId: string; status: 'pending' }> {
  const { release, days } = await releaseFacts(ctx.db, releaseId, ctx.cacheMs ?? 0);
  const window = { opensAt: release.opens_at, closesAt: release.closes_at, drawnAt: release.drawn_at };
  if (releaseStatus(window, ctx.now) !== 'open')
    throw new AppError('RELEASE_CLOSED', 'releases.error.closed');
  const checked = validateEntry(input, days);
  if (!checked.ok)
    throw new AppError('VALIDATION', 'error.validation', { count: checked.errors.length }, checked.errors);
  const entry = checked.value;
  const recorded = await statement(() =>
    insertApplication(ctx.db, {
      id: randomUUID(),
      releaseId: release.id,
      procedure: release.procedure_code,
      personKey: entry.personKey,
      email: entry.email,
      locale,
      dates: entry.preferences.dates,
      partOfDay: entry.preferences.partOfDay,
      now: ctx.now,
      linkJob: MAIL_RELEASE_ENTRY.name,
    }),
  );
  if (!recorded.open) throw new AppError('RELEASE_CLOSED', 'releases.error.closed');
  if (recorded.booked || !recorded.entryId)
    throw new AppError('LIMIT_REACHED', 'releases.entry.alreadyBooked');
  return { entryId: recorded.entryId, status: 'pending' };
}
