import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import type { AuditAnchor } from '../domain/audit-chain.js';
import { verifyAuditChain } from '../services/audit/trail.js';

/** `events:head` as `audit anchor` prints it. */
function parseAnchor(text: string): AuditAnchor {
  const match = /^(\d{1,12}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new Error('--anchor takes what `agenda audit anchor` printed: <events>:<head hash>');
  return { events: Number(match[1]), head: match[2] as string };
}

/**
 * `agenda audit verify` recomputes the keyed hash chain and exits 1 at the first break, or when the
 * anchored event (kept outside the database) is gone or changed; `agenda audit anchor` prints the count
 * and head hash to keep elsewhere.
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The audit trail of staff actions');
  audit
    .command('verify')
    .description('Check that no audit event was changed, removed or reordered (exit code 1 if one was)')
    .option(
      '--anchor <events:head>',
      'an anchor printed earlier by `agenda audit anchor`: the newest events must still be there',
    )
    .action(async (options: { anchor?: string }) => {
      const anchor = options.anchor ? parseAnchor(options.anchor) : undefined;
      const database = await openDatabase(loadConfig());
      let broken = false;
      try {
        const result = await verifyAuditChain(database.db, anchor);
        if (result.break?.reason === 'anchor') {
          process.stderr.write(
            `Audit trail BROKEN: the anchored event ${anchor?.events} is missing or changed (events removed from the end?); ${result.events} events now, head ${result.head ?? 'none'}.\n`,
          );
          broken = true;
        } else if (result.break) {
          process.stderr.write(
            `Audit trail BROKEN at event ${result.break.id} (${
              result.break.reason === 'hash'
                ? 'its content does not match its hash'
                : 'it does not link to the event before it'
            }); ${result.events} events checked.\n`,
          );
          broken = true;
        } else {
          process.stdout.write(
            `Audit trail intact: ${result.events} events, head ${result.head ?? 'none'}.\n`,
          );
        }
      } finally {
        await database.close();
      }
      // Explicitly: the embedded engine resets process.exitCode when it closes.
      if (broken) process.exit(1);
    });
  audit
    .command('anchor')
    .description('Print the event count and head hash (keep them outside the database for `verify --anchor`)')
    .action(async () => {
      const database = await openDatabase(loadConfig());
      let broken = false;
      try {
        const result = await verifyAuditChain(database.db);
        if (result.break) {
          process.stderr.write('Audit trail BROKEN: run `agenda audit verify`; no anchor printed.\n');
          broken = true;
        } else {
          process.stdout.write(`${result.events}:${result.head ?? '0'.repeat(64)}\n`);
        }
      } finally {
        await database.close();
      }
      if (broken) process.exit(1);
    });
}
