import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import pRetry from 'p-retry';
import type { Logger } from 'pino';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { buildApp } from './http/app.js';
import { serveClusterMetrics } from './http/cluster-metrics.js';
import { createWorker, prepareDatabase } from './server.js';
import { ensureFirstAdmin } from './services/staff-access/accounts.js';

/** What a child process tells the primary once it accepts connections. */
interface ListeningMessage {
  type: 'agenda:listening';
  port: number;
}

function isListening(message: unknown): message is ListeningMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'agenda:listening' &&
    typeof (message as { port?: unknown }).port === 'number'
  );
}

export interface RunningCluster {
  url: string;
  firstAdmin: { email: string; oneTimePassword: string } | null;
  /** The ids of the HTTP processes serving now. */
  pids(): number[];
  stop(): Promise<void>;
}

/**
 * How an HTTP process that died is replaced: at once, then, while replacements keep failing (one exits
 * before it listens, e.g. because the database is down, or soon after), after about 0.25 s, 0.5 s, 1 s…
 * up to 10 s between tries, with jitter so several primaries do not retry in step.
 */
const REPLACEMENT_BACKOFF = { minTimeout: 250, maxTimeout: 10_000, factor: 2, randomize: true } as const;

/** A replacement serving this long has recovered: if it dies later, the back-off starts afresh. */
const RECOVERED_AFTER_MS = 10_000;

interface HttpProcess {
  port: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * The primary of `WORKERS=N`: it prepares the database (migrations, first-run seed, first administrator)
 * and runs the job worker once, then forks N HTTP processes that share one port (node:cluster hands each
 * new connection to the next process in turn). Nothing is kept in process memory that another process
 * would need: sessions, holds, rate limits and jobs are in PostgreSQL. A process that dies is replaced,
 * with back-off while replacements fail (see REPLACEMENT_BACKOFF), for as long as the primary runs.
 */
export async function startClusterPrimary(config: Config, logger: Logger): Promise<RunningCluster> {
  const database = await prepareDatabase(config, logger);
  const firstAdmin = await ensureFirstAdmin(database.db, systemClock());
  if (firstAdmin) logger.info({ email: firstAdmin.email }, 'first national administrator created');
  const jobs = config.runWorker ? createWorker(config, database, logger) : undefined;

  serveClusterMetrics();
  const stopping = new AbortController();
  const children = new Set<ClusterWorker>();

  /** Starts an HTTP process; rejects if it exits before it listens. */
  const fork = (): Promise<HttpProcess> =>
    new Promise((resolve, reject) => {
      if (stopping.signal.aborted) {
        reject(new Error('the cluster is stopping'));
        return;
      }
      const worker = cluster.fork({ AGENDA_CLUSTER_CHILD: '1' });
      children.add(worker);
      let listening = false;
      const exited = new Promise<void>((done) => {
        worker.once('exit', (code, signal) => {
          children.delete(worker);
          done();
          if (!listening) {
            reject(new Error(`an HTTP process exited before listening (code ${code}, signal ${signal})`));
          } else if (!stopping.signal.aborted) {
            logger.error({ pid: worker.process.pid, code, signal }, 'HTTP process died: starting another');
          }
        });
      });
      worker.on('message', (message: unknown) => {
        if (isListening(message)) {
          listening = true;
          resolve({ port: message.port, exited });
        }
      });
    });

  /** Rejects if the process exits before it has served for RECOVERED_AFTER_MS. */
  const recovered = (child: HttpProcess): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, RECOVERED_AFTER_MS);
      timer.unref();
      void child.exited.then(() => {
        clearTimeout(timer);
        reject(new Error('the HTTP process died soon after it started'));
      });
    });

  /** Keeps one HTTP process serving: each time it dies, starts another until one lasts. */
  const keepServing = async (first: HttpProcess): Promise<void> => {
    let current = first;
    while (!stopping.signal.aborted) {
      await current.exited;
      if (stopping.signal.aborted) return;
      try {
        current = await pRetry(
          async () => {
            const next = await fork();
            await recovered(next);
            return next;
          },
          {
            ...REPLACEMENT_BACKOFF,
            retries: Number.POSITIVE_INFINITY,
            signal: stopping.signal,
            onFailedAttempt: ({ error, attemptNumber }) => {
              if (stopping.signal.aborted) return;
              logger.error(
                { err: error.message, attempt: attemptNumber },
                'replacement HTTP process failed: trying again',
              );
            },
          },
        );
      } catch {
        // Only the stop aborts the retries.
        return;
      }
    }
  };

  let started: HttpProcess[];
  try {
    started = await Promise.all(Array.from({ length: config.workers }, fork));
  } catch (err) {
    stopping.abort();
    for (const child of children) child.kill('SIGTERM');
    await database.close();
    throw err;
  }
  for (const child of started) void keepServing(child);
  jobs?.start();
  const port = started[0]?.port;
  logger.info({ workers: config.workers, port }, 'HTTP processes serving');

  return {
    url: `http://localhost:${port}`,
    firstAdmin,
    pids: () => [...children].map((c) => c.process.pid ?? 0),
    stop: async () => {
      stopping.abort();
      // Each child stops taking connections and finishes the requests in flight, then exits.
      await Promise.all(
        [...children].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.isDead()) return resolve();
              child.once('exit', () => resolve());
              child.process.kill('SIGTERM');
            }),
        ),
      );
      await jobs?.stop();
      await database.close();
    },
  };
}

/** One HTTP process of the cluster: the database is ready (the primary prepared it); it only serves. */
export async function startClusterChild(config: Config, logger: Logger): Promise<{ stop(): Promise<void> }> {
  const database = await openDatabase(config);
  const app = await buildApp({ config, database, logger });
  app.addHook('onClose', async () => {
    await database.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const message: ListeningMessage = { type: 'agenda:listening', port: Number(new URL(address).port) };
  process.send?.(message);
  return { stop: () => app.close() };
}
