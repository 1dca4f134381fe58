import type { Command } from 'commander';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateAsOwner } from '../db/migrate.js';
import { systemActor } from '../domain/access.js';
import { isValidationError } from '../domain/errors.js';
import { STAFF_ROLES } from '../domain/roles.js';
import { translate } from '../i18n/index.js';
import { createStaff } from '../services/staff-access/accounts.js';

/** `agenda staff add`: an account with a one-time password, printed once. */
export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description('Staff accounts of the back office');
  staff
    .command('add')
    .description('Create a staff account and print its one-time password (to be changed at first sign-in)')
    .requiredOption('--email <email>', 'the person’s e-mail (their sign-in name)')
    .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`)
    .option('--name <name>', 'the person’s name (default: the part of the e-mail before @)')
    .option(
      '--office <code...>',
      'offices in scope: seccional codes for admin_seccional, office codes (optionally code:channel) for funcionario',
    )
    .action(async (options: { email: string; role: string; name?: string; office?: string[] }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      let failed = false;
      try {
        await migrateAsOwner(config, database);
        const created = await createStaff(
          database.db,
          systemActor('cli'),
          {
            email: options.email,
            role: options.role,
            ...(options.name ? { name: options.name } : {}),
            offices: (options.office ?? []).join(','),
          },
          systemClock(),
        );
        process.stdout.write(
          `Created ${options.role} ${created.email} (id ${created.id}).\n` +
            `One-time password (shown once; it must be changed at first sign-in): ${created.oneTimePassword}\n`,
        );
      } catch (err) {
        if (!isValidationError(err)) throw err;
        for (const e of err.fieldErrors)
          process.stderr.write(
            `--${e.field === 'offices' ? 'office' : e.field}: ${translate('en', e.key, e.params)}\n`,
          );
        failed = true;
      } finally {
        await database.close();
      }
      // Explicitly: the embedded engine resets process.exitCode when it closes.
      if (failed) process.exit(1);
    });
}
