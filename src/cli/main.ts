#!/usr/bin/env node
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { systemClock } from '../clock.js';
import { startClusterChild, startClusterPrimary } from '../cluster.js';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseUnreachable, openDatabase } from '../db/database.js';
import { migrateAsOwner } from '../db/migrate.js';
import { analyze, eraseAllData, hasData } from '../db/seed/erase.js';
import { seedNational } from '../db/seed/national.js';
import { seedIfEmpty } from '../db/seed/seed.js';
import { createLogger } from '../log.js';
import { countJobsByStatus, requeueFailedJob, selectJobs } from '../repositories/jobs.js';
import { createWorker, startServer } from '../server.js';
import { useAuditKey } from '../services/audit/audit-key.js';
import { registerAuditCommands } from './audit.js';
import { progressBar } from './progress.js';
import { registerReleaseCommands } from './release.js';
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
    if (cluster.isWorker) {
      const child = await startClusterChild(config, logger.child({ worker: cluster.worker?.id }));
      const stop = async () => {
        await child.stop();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
      return;
    }
    const server =
      config.workers > 1 ? await startClusterPrimary(config, logger) : await startServer(config, logger);
    const stop = async (signal: string) => {
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      await server.stop();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
    const processes = config.workers > 1 ? `, ${config.workers} HTTP processes` : '';
    if (server.firstAdmin) {
      process.stdout.write(
        `\nFirst national administrator created: ${server.firstAdmin.email}\n` +
          `One-time password (shown only now; change it at first sign-in): ${server.firstAdmin.oneTimePassword}\n`,
      );
    }
    process.stdout.write(
      `\nAgendamiento de Citas is running (${where}${processes}).\n` +
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
      const applied = await migrateAsOwner(config, database);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply.\n');
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description(
    'Load the catalogue, offices and agenda into an empty database: the demo (4 weeks) or the national scale (over a million slots); never touches a database with data unless --force',
  )
  .option('--scale <scale>', 'demo (4 weeks of agenda) or national (every office and procedure)', 'demo')
  .option('--days <n>', 'national scale: working days of agenda', '60')
  .option('--force', 'erase every row of every table first: ALL DATA IS LOST (load tests only)')
  .action(async (options: { scale: string; days: string; force?: boolean }) => {
    if (options.scale !== 'demo' && options.scale !== 'national') {
      throw new ConfigError(`--scale must be demo or national (got "${options.scale}")`);
    }
    const days = Number(options.days);
    if (!/^\d+$/.test(options.days) || days < 1 || days > 250) {
      throw new ConfigError(`--days must be a whole number from 1 to 250 (got "${options.days}")`);
    }
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrateAsOwner(config, database);
      if (await hasData(database.db)) {
        if (!options.force) {
          throw new Error(
            'the database already has data: nothing was seeded. Use --force to erase all of it and seed again.',
          );
        }
        await eraseAllData(database.db);
      }
      if (options.scale === 'demo') {
        const result = await seedIfEmpty(database.db, { now: systemClock() });
        process.stdout.write(
          `Seeded ${result.procedures} procedures, ${result.offices} offices and ${result.slots} slots.\n`,
        );
        return;
      }
      const started = performance.now();
      const bar = progressBar('slots');
      const result = await database.db
        .transaction()
        .execute((trx) =>
          seedNational(trx, { now: systemClock(), workingDays: days, onProgress: bar.update }),
        );
      bar.finish();
      await analyze(database.db);
      process.stdout.write(
        `Seeded the national agenda: ${result.procedures} procedures, ${result.offices} offices, ` +
          `${result.capacityLines} capacity lines, ${result.days} working days, ${result.slots} slots ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('worker')
  .description(
    'Run the background jobs (e-mail, reminders, alerts, clean-up) without serving HTTP; several may run at once',
  )
  .option('--once', 'run the jobs that are due now, then exit')
  .action(async (options: { once?: boolean }) => {
    const config = loadConfig();
    if (!config.databaseUrl && !options.once) {
      throw new ConfigError(
        'agenda worker needs DATABASE_URL: the embedded database serves one process, and `npm start` already runs the jobs (RUN_WORKER=on)',
      );
    }
    const logger = createLogger(config.logLevel);
    const database = await openDatabase(config);
    await migrateAsOwner(config, database);
    const worker = createWorker(config, database, logger);
    if (options.once) {
      const outcomes = await worker.runDue();
      worker.mail.close();
      await database.close();
      const count = (result: string) => outcomes.filter((o) => o.result === result).length;
      process.stdout.write(
        `Ran ${outcomes.length} jobs: ${count('done')} done, ${count('retry')} to try again, ${count('failed')} failed.\n`,
      );
      return;
    }
    const stop = async (signal: string) => {
      logger.info({ signal }, 'worker stopping: finishing the jobs in hand');
      await worker.stop();
      await database.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
    worker.start();
    process.stdout.write(`Job worker running (${worker.mail.kind === 'smtp' ? 'SMTP' : 'local mailbox'}).\n`);
  });

const jobs = program.command('jobs').description('Look at the background jobs');
jobs
  .command('list', { isDefault: true })
  .description('Count the jobs by status and show the latest failed ones with their errors')
  .option('--limit <n>', 'how many failed jobs to show', '20')
  .action(async (options: { limit: string }) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      const counts = await countJobsByStatus(database.db);
      process.stdout.write(
        `queued ${counts.queued}, running ${counts.running}, done ${counts.done}, failed ${counts.failed}\n`,
      );
      const failed = await selectJobs(database.db, { status: 'failed', limit: Number(options.limit) || 20 });
      for (const j of failed) {
        process.stdout.write(
          `#${j.id} ${j.name} after ${j.attempts} tries, ${j.finishedAt?.toISOString() ?? ''}: ${j.lastError ?? ''}\n`,
        );
      }
    } finally {
      await database.close();
    }
  });
jobs
  .command('retry <id>')
  .description('Give a failed job a new set of tries, now')
  .action(async (id: string) => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      const ok = await requeueFailedJob(database.db, Number(id), systemClock());
      process.stdout.write(ok ? `Job ${id} queued again.\n` : `Job ${id} is not a failed job.\n`);
      if (!ok) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });
registerStaffCommands(program);
registerAuditCommands(program);
registerReleaseCommands(program);
// Every command that records or checks audit events signs them with the configured key.
program.hook('preAction', () => useAuditKey(loadConfig().auditKey));

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
