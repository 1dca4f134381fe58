import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import type { Logger } from 'pino';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { buildApp } from './http/app.js';
import { serveClusterMetrics } from './http/cluster-metrics.js';
import { createWorker, prepareDatabase } from './server.js';
import { ensureFirstAdmin } from './services/staff/accounts.js';

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
 * The primary of `WORKERS=N`: it prepares the database (migrations, first-run seed, first administrator)
 * and runs the job worker once, then forks N HTTP processes that share one port (node:cluster hands each
 * new connection to the next process in turn). Nothing is kept in process memory that another process
 * would need: sessions, holds, rate limits and jobs are in PostgreSQL. A process that dies is replaced.
 */
export async function startClusterPrimary(config: Config, logger: Logger): Promise<RunningCluster> {
  const database = await prepareDatabase(config, logger);
  const firstAdmin = await ensureFirstAdmin(database.db, systemClock());
  if (firstAdmin) logger.info({ email: firstAdmin.email }, 'first national administrator created');
  const jobs = config.runWorker ? createWorker(config, database, logger) : undefined;

  serveClusterMetrics();
  let stopping = false;
  const children = new Set<ClusterWorker>();
  const fork = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const child = cluster.fork({ AGENDA_CLUSTER_CHILD: '1' });
      children.add(child);
      let listening = false;
      child.on('message', (message: unknown) => {
        if (isListening(message)) {
          listening = true;
          resolve(message.port);
        }
      });
      child.on('exit', (code, signal) => {
        children.delete(child);
        if (!listening) {
          reject(new Error(`an HTTP process exited before listening (code ${code}, signal ${signal})`));
          return;
        }
        if (!stopping) {
          logger.error({ pid: child.process.pid, code, signal }, 'HTTP process died: starting another');
          fork().catch((err: unknown) => logger.error({ err }, 'could not replace an HTTP process'));
        }
      });
    });

  let ports: number[];
  try {
    ports = await Promise.all(Array.from({ length: config.workers }, fork));
  } catch (err) {
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await database.close();
    throw err;
  }
  jobs?.start();
  logger.info({ workers: config.workers, port: ports[0] }, 'HTTP processes serving');

  return {
    url: `http://localhost:${ports[0]}`,
    firstAdmin,
    pids: () => [...children].map((c) => c.process.pid ?? 0),
    stop: async () => {
      stopping = true;
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
