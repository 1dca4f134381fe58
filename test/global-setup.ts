import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { seedCatalogue } from '../src/db/seed/seed.js';
import { chromiumPath, postgresUrl, requireAll } from './helpers/environment.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string | null;
    postgresAdminUrl: string | null;
    chromium: string | null;
  }
}

function banner(lines: string[]): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n\n`);
}

/** Checks what is reachable, prepares a migrated database with the catalogue for each engine once. */
export default async function setup(project: TestProject) {
  const missing: string[] = [];

  const snapshotPath = join(tmpdir(), `agenda-test-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  const pglite = await openPglite();
  await migrate(pglite);
  await seedCatalogue(pglite.db);
  if (!pglite.dumpDataDir) throw new Error('PGlite cannot dump its data directory');
  await writeFile(snapshotPath, Buffer.from(await (await pglite.dumpDataDir()).arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshot', snapshotPath);

  const url = postgresUrl();
  let template: string | null = null;
  if (url) {
    template = `agenda_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${template}`);
    } catch (err) {
      missing.push(`PostgreSQL at TEST_DATABASE_URL is not reachable (${(err as Error).message})`);
      template = null;
    } finally {
      await admin.end().catch(() => undefined);
    }
    if (template) {
      const { openPostgres } = await import('../src/db/database.js');
      const templateUrl = new URL(url);
      templateUrl.pathname = `/${template}`;
      const db = openPostgres({ url: templateUrl.toString(), poolSize: 2 });
      await migrate(db);
      await seedCatalogue(db.db);
      await db.close();
    }
  } else {
    missing.push('integration tests on PostgreSQL: TEST_DATABASE_URL is not set (they ran on PGlite only)');
  }
  project.provide('postgresTemplate', template);
  project.provide('postgresAdminUrl', template ? (url ?? null) : null);

  const chromium = chromiumPath();
  if (!chromium) missing.push('browser tests: no Chromium at /usr/bin/chromium or CHROMIUM_PATH');
  project.provide('chromium', chromium ?? null);

  if (missing.length > 0) {
    banner(['PARTS OF THE SUITE WERE LEFT OUT:', ...missing.map((m) => `  - ${m}`)]);
    if (requireAll) throw new Error(`REQUIRE_ALL=1 and parts of the suite cannot run: ${missing.join('; ')}`);
  } else {
    process.stderr.write(
      `\nEngines under test: PGlite and PostgreSQL (template ${template}); browser: ${chromium}\n\n`,
    );
  }

  return async () => {
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    }
  };
}
