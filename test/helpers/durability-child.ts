// Started by the durability test: commits one row on the embedded engine, says so, then waits to be
// killed with SIGKILL (no chance to close or flush anything).
import { sql } from 'kysely';
import { openPglite } from '../../src/db/database.js';

const [dataDir, marker] = process.argv.slice(2);
if (!dataDir || !marker) throw new Error('usage: durability-child <dataDir> <marker>');
const database = await openPglite({ dataDir });
await sql`CREATE TABLE IF NOT EXISTS durability_probe (marker text PRIMARY KEY)`.execute(database.db);
await sql`INSERT INTO durability_probe (marker) VALUES (${marker})`.execute(database.db);
process.stdout.write('committed\n');
setInterval(() => undefined, 1_000);
