import type { Logger } from 'pino';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateAsOwner } from './db/migrate.js';
import { seedIfEmpty } from './db/seed/seed.js';
import { buildApp } from './http/app.js';
import type { App } from './http/types.js';
import { Worker } from './jobs/worker.js';
import { ensureFirstAdmin } from './services/staff-access/accounts.js';

export interface RunningServer {
  app: App;
  database: Database;
  /** The background worker running in this process (RUN_WORKER=on), if any. */
  worker: Worker | undefined;
  url: string;
  /** The first national administrator, when this start created it (its password is shown only now). */
  firstAdmin: { email: string; oneTimePassword: string } | null;
  stop(): Promise<void>;
}

/**
 * The background job worker for this process. Several can run against PostgreSQL (each job is claimed
 * by one); on the embedded engine, which has one connection, one job runs at a time.
 */
export function createWorker(config: Config, database: Database, logger: Logger): Worker {
  return new Worker({
    db: database.db,
    config,
    clock: systemClock,
    logger: logger.child({ component: 'worker' }),
    concurrency: database.concurrent ? 2 : 1,
  });
}

/** Prepares the database (migrations, first-run seed) and returns it open. */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config);
  try {
    const applied = await migrateAsOwner(config, database);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const seeded = await seedIfEmpty(database.db, { now: systemClock() });
    if (seeded.seeded)
      logger.info(
        { procedures: seeded.procedures, offices: seeded.offices, slots: seeded.slots },
        'demo data seeded',
      );
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Opens, listens, and closes in order on stop: no new requests, in-flight ones finish, then the database. */
export async function startServer(
  config: Config,
  logger: Logger,
  database?: Database,
): Promise<RunningServer> {
  const db = database ?? (await prepareDatabase(config, logger));
  const firstAdmin = await ensureFirstAdmin(db.db, systemClock());
  if (firstAdmin) logger.info({ email: firstAdmin.email }, 'first national administrator created');
  const app = await buildApp({ config, database: db, logger });
  const worker = config.runWorker ? createWorker(config, db, logger) : undefined;
  // Stop taking jobs first (the job in hand finishes), then close the database.
  app.addHook('preClose', async () => {
    await worker?.stop();
  });
  app.addHook('onClose', async () => {
    await db.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  worker?.start();
  const port = new URL(address).port;
  return {
    app,
    database: db,
    worker,
    url: `http://localhost:${port}`,
    firstAdmin,
    stop: () => app.close(),
  };
}
