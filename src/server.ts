import type { Logger } from 'pino';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seedIfEmpty } from './db/seed/seed.js';
import { buildApp } from './http/app.js';
import type { App } from './http/types.js';
import { ensureFirstAdmin } from './services/staff/accounts.js';

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  /** The first national administrator, when this start created it (its password is shown only now). */
  firstAdmin: { email: string; oneTimePassword: string } | null;
  stop(): Promise<void>;
}

/** Prepares the database (migrations, first-run seed) and returns it open. */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const seeded = await seedIfEmpty(database.db);
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
  const firstAdmin = await ensureFirstAdmin(db.db, new Date());
  if (firstAdmin) logger.info({ email: firstAdmin.email }, 'first national administrator created');
  const app = await buildApp({ config, database: db, logger });
  app.addHook('onClose', async () => {
    await db.close();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  return {
    app,
    database: db,
    url: `http://localhost:${port}`,
    firstAdmin,
    stop: () => app.close(),
  };
}
