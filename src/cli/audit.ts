import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { verifyAuditChain } from '../services/audit/trail.js';

/** `agenda audit verify`: recomputes the hash chain; exits 1 at the first break. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The audit trail of staff actions');
  audit
    .command('verify')
    .description('Check that no audit event was changed, removed or reordered (exit code 1 if one was)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config);
      let broken = false;
      try {
        const result = await verifyAuditChain(database.db);
        if (result.break) {
          process.stderr.write(
            `Audit trail BROKEN at event ${result.break.id} (${
              result.break.reason === 'hash'
                ? 'its content does not match its hash'
                : 'it does not link to the event before it'
            }); ${result.events} events checked.\n`,
          );
          broken = true;
        } else {
          process.stdout.write(`Audit trail intact: ${result.events} events.\n`);
        }
      } finally {
        await database.close();
      }
      // Explicitly: the embedded engine resets process.exitCode when it closes.
      if (broken) process.exit(1);
    });
}
