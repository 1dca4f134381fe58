import type { Command } from 'commander';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateAsOwner } from '../db/migrate.js';
import { systemActor } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import { parseWindow } from '../domain/release.js';
import { translate } from '../i18n/index.js';
import { createRelease, lineOfPlace } from '../services/releases/create.js';
import { viewRelease } from '../services/releases/view.js';
import { releaseJson } from '../views/releases/json.js';

interface ReleaseOptions {
  line?: string;
  office?: string;
  procedure?: string;
  channel: string;
  from: string;
  to: string;
  opensAt?: string;
  window: string;
  json?: boolean;
}

/** `agenda release create`: a line's free places of some days go to a draw (DESIGN.md §7). */
export function registerReleaseCommands(program: Command): void {
  const release = program.command('release').description('Releases: scarce places given by a draw');
  release
    .command('create')
    .description('Turn the free places of a line’s days into a release with an application window')
    .option('--line <id>', 'the capacity line')
    .option('--office <code>', 'the office (instead of --line, with --procedure)')
    .option('--procedure <code>', 'the procedure (required with --office, or when the line has several)')
    .option('--channel <channel>', 'the channel of the line, with --office', 'presencial')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--opens-at <instant>', 'when applications open (ISO 8601; default now)')
    .requiredOption('--window <duration>', 'how long applications stay open: 45s, 30m, 2h, 3d')
    .option('--json', 'print the release as the API shows it')
    .action(async (options: ReleaseOptions) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      let failed = false;
      try {
        await migrateAsOwner(config, database);
        const now = systemClock();
        const lineId = options.line
          ? Number(options.line)
          : await lineOfPlace(database.db, {
              officeCode: options.office ?? '',
              procedure: options.procedure ?? '',
              channel: options.channel,
            });
        const opensAt = options.opensAt ? new Date(options.opensAt) : undefined;
        if (opensAt && Number.isNaN(opensAt.getTime()))
          throw new AppError('VALIDATION', 'error.validation', {}, [
            { field: 'opensAt', key: 'releases.create.opensAt' },
          ]);
        const created = await createRelease(
          database.db,
          systemActor('cli'),
          {
            lineId,
            procedure: options.procedure,
            from: options.from,
            to: options.to,
            opensAt,
            windowMs: parseWindow(options.window) ?? Number.NaN,
          },
          now,
        );
        if (options.json) {
          const view = await viewRelease(database.db, created.id, now);
          process.stdout.write(`${JSON.stringify(releaseJson(view), null, 2)}\n`);
        } else {
          process.stdout.write(`${created.id}\n`);
        }
      } catch (err) {
        if (!(err instanceof AppError) || err.fieldErrors.length === 0) throw err;
        for (const e of err.fieldErrors)
          process.stderr.write(`--${cliOption(e.field)}: ${translate('en', e.key, e.params)}\n`);
        failed = true;
      } finally {
        await database.close();
      }
      // Explicitly: the embedded engine resets process.exitCode when it closes.
      if (failed) process.exit(1);
    });
}

function cliOption(field: string): string {
  return { lineId: 'line', opensAt: 'opens-at', window: 'window' }[field] ?? field;
}
