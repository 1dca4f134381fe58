import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { seedCatalogue } from '../../src/db/seed/seed.js';
import { addDays, civilDateOf, instantAt } from '../../src/domain/civil-time.js';
import { collect, spawnCli } from '../helpers/cli.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agenda-release-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string>) => collect(spawnCli(args, env)).done;

describe('agenda release create', () => {
  it('turns a line’s free places into a release, prints it as the API does, and refuses bad options', {
    timeout: 240_000,
  }, async () => {
    const env = { DATA_DIR: join(dir, 'release') };
    // The command line works on the host's clock: the places are a few days from today.
    const from = addDays(civilDateOf(new Date()), 3);
    const to = addDays(from, 6);
    const database = await openPglite({ dataDir: env.DATA_DIR });
    try {
      await migrate(database);
      await seedCatalogue(database.db);
      const line = await aCapacityLine(database.db, { procedures: ['orientacion-tributaria'] });
      for (let d = 0; d < 3; d++)
        await aSlot(database.db, { line, startsAt: instantAt(addDays(from, d), '08:00'), capacity: 4 });
    } finally {
      await database.close();
    }
    const created = await run(
      [
        'release',
        'create',
        '--office',
        '11',
        '--procedure',
        'orientacion-tributaria',
        '--from',
        from,
        '--to',
        to,
        '--window',
        '45s',
        '--json',
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const release = JSON.parse(created.stdout);
    expect(release).toMatchObject({
      procedure: 'orientacion-tributaria',
      channel: 'presencial',
      officeCode: '11',
      from,
      to,
      status: 'open',
      seed: null,
    });
    expect(release.places).toBe(12);
    expect(release.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(release.opensAt).toMatch(/-05:00$/);
    expect(Date.parse(release.closesAt) - Date.parse(release.opensAt)).toBe(45_000);

    // The same days again: their places belong to the first release already.
    const again = await run(
      [
        'release',
        'create',
        '--office',
        '11',
        '--procedure',
        'orientacion-tributaria',
        '--from',
        from,
        '--to',
        to,
        '--window',
        '30m',
      ],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--from: There are no free places on those days');

    const bad = await run(
      [
        'release',
        'create',
        '--office',
        '11',
        '--procedure',
        'orientacion-tributaria',
        '--from',
        to,
        '--to',
        from,
        '--window',
        '1w',
      ],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--to: The last date must be the same as or after the first.');
    expect(bad.stderr).toContain('--window: The application window must last between 10 seconds and 30 days');
  });
});
