#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseUnreachable, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { seedIfEmpty } from '../db/seed/seed.js';
import { createLogger } from '../log.js';
import { startServer } from '../server.js';
import { registerAuditCommands } from './audit.js';
import { registerStaffCommands } from './staff.js';

const program = new Command();
program
  .name('agenda')
  .description('Agendamiento de Citas: the appointment system of the tax and customs authority')
  .showHelpAfterError();

program
  .command('serve')
  .description(
    'Migrate, seed an empty database with the demo catalogue and agenda, and serve the site and API',
  )
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const server = await startServer(config, logger);
    const stop = async (signal: string) => {
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      await server.stop();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
    if (server.firstAdmin) {
      process.stdout.write(
        `\nFirst national administrator created: ${server.firstAdmin.email}\n` +
          `One-time password (shown only now; change it at first sign-in): ${server.firstAdmin.oneTimePassword}\n`,
      );
    }
    process.stdout.write(
      `\nAgendamiento de Citas is running (${where}).\n` +
        `  Citizen site: ${server.url}/\n` +
        `  Back office:  ${server.url}/admin\n` +
        `  Public API:   ${server.url}/api/v1/openapi.json\n\n`,
    );
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      const applied = await migrate(database);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply.\n');
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description(
    'Load the demo catalogue, offices and 4 weeks of agenda into an empty database (never touches one with data)',
  )
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const result = await seedIfEmpty(database.db);
      process.stdout.write(
        result.seeded
          ? `Seeded ${result.procedures} procedures, ${result.offices} offices and ${result.slots} slots.\n`
          : 'The database already has data: nothing was seeded.\n',
      );
    } finally {
      await database.close();
    }
  });

registerStaffCommands(program);
registerAuditCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
    process.exit(1);
  }
  if (err instanceof DatabaseUnreachable) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`agenda: ${message}\n`);
  process.exit(1);
}
