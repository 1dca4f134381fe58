import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { enqueue } from '../repositories/jobs.js';
import type { JobDefinition } from './define.js';

/** A job queued every `seconds`, once per period whatever the number of workers. Its payload is empty. */
export interface PeriodicJob {
  job: JobDefinition;
  seconds: number;
}

export function every(seconds: number, job: JobDefinition): PeriodicJob {
  return { job, seconds };
}

/**
 * Queues each periodic job for the current period, with the period in its dedupe key: every worker may
 * try, one row results. `seen` remembers per process which period was queued already, so a worker asks
 * the database once per period, not on every poll.
 */
export async function enqueuePeriodicJobs(
  db: Kysely<DB>,
  periodic: readonly PeriodicJob[],
  now: Date,
  seen: Map<string, number>,
): Promise<void> {
  for (const { job, seconds } of periodic) {
    const periodMs = seconds * 1000;
    const period = Math.floor(now.getTime() / periodMs);
    if (seen.get(job.name) === period) continue;
    const start = new Date(period * periodMs);
    await enqueue(db, job, {}, { runAt: start, dedupeKey: `every:${job.name}:${start.toISOString()}` });
    seen.set(job.name, period);
  }
}
