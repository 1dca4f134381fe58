import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobDefinition } from './define.js';
import { enqueue } from './queue.js';

/** A job queued every `seconds`, once per period whatever the number of workers. */
export interface PeriodicJob {
  name: string;
  seconds: number;
}

export function every(seconds: number, job: JobDefinition): PeriodicJob {
  return { name: job.name, seconds };
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
  for (const job of periodic) {
    const periodMs = job.seconds * 1000;
    const period = Math.floor(now.getTime() / periodMs);
    if (seen.get(job.name) === period) continue;
    const start = new Date(period * periodMs);
    await enqueue(db, {
      name: job.name,
      payload: {},
      runAt: start,
      dedupeKey: `every:${job.name}:${start.toISOString()}`,
    });
    seen.set(job.name, period);
  }
}
