import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface JobRequest {
  name: string;
  payload: Record<string, unknown>;
  /** When it is due: the caller's `now` (from the app's clock) or later, never the database's `now()`. */
  runAt: Date;
  /** A job with the same key is queued once, whoever asks for it again. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Queues a background job in the caller's transaction (outbox): it exists if and only if the change
 * that asked for it commits. The worker (`src/jobs/worker.ts`) runs it.
 */
export async function enqueue(db: Kysely<DB>, job: JobRequest): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt,
      created_at: job.runAt,
      ...(job.dedupeKey ? { dedupe_key: job.dedupeKey } : {}),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
