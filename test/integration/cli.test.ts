import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite } from '../../src/db/database.js';
import { collect, ROOT, spawnCli, waitForUrl } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, engines } from '../helpers/db.js';

// Whole processes start here (build, migrate, seed): generous time, the machine may be busy.
vi.setConfig({ testTimeout: 240_000 });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agenda-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('start-up configuration errors', () => {
  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number from 0 to 65535 (got "abc")'],
    [
      { DATABASE_URL: 'mysql://db/x' },
      'Configuration error: DATABASE_URL must be a URL starting with postgres: or postgresql: (got "mysql:")',
    ],
  ])('%o ends start-up with one clear line', async (env, line) => {
    const { done } = collect(spawnCli(['serve'], { DATA_DIR: join(dir, 'never'), ...env }));
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(line);
  });

  it('an unreachable PostgreSQL ends start-up with one line naming DATABASE_URL', async () => {
    const { done } = collect(spawnCli(['serve'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }));
    const result = await done;
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot reach the database at DATABASE_URL \(127\.0\.0\.1:1\): /);
  });

  it('prints help for each command', async () => {
    const result = await collect(spawnCli(['seed', '--help'], {})).done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: agenda seed');
  });
});

async function serveAndCheck(env: Record<string, string>) {
  const child = spawnCli(['serve'], { PORT: '0', ...env });
  const { done } = collect(child);
  const url = await waitForUrl(child);
  const procedures = (await (await fetch(`${url}/api/v1/procedures`)).json()) as { items: unknown[] };
  const offices = (await (await fetch(`${url}/api/v1/offices`)).json()) as { items: unknown[] };
  const home = await fetch(`${url}/`);
  child.kill('SIGTERM');
  const finished = await done;
  return { procedures: procedures.items.length, offices: offices.items.length, home: home.status, finished };
}

describe('npm start on the embedded engine', () => {
  it('serves the seeded catalogue, keeps it across a restart and does not seed twice', async () => {
    const dataDir = join(dir, 'data');
    const first = await serveAndCheck({ DATA_DIR: dataDir });
    expect(first.home).toBe(200);
    expect(first.procedures).toBeGreaterThanOrEqual(20);
    expect(first.offices).toBeGreaterThanOrEqual(30);
    expect(first.finished.code).toBe(0);

    const second = await serveAndCheck({ DATA_DIR: dataDir });
    expect(second.procedures).toBe(first.procedures);
    expect(second.offices).toBe(first.offices);
    expect(second.finished.code).toBe(0);

    const database = await openPglite({ dataDir });
    const slots = await sql<{ n: number }>`SELECT count(*)::int AS n FROM slots`.execute(database.db);
    const lines = await sql<{ n: number }>`SELECT count(*)::int AS n FROM capacity_lines`.execute(
      database.db,
    );
    await database.close();
    expect(slots.rows[0]?.n).toBeGreaterThan(1000);
    // seeded once: one presencial line per office plus the remote lines, not twice that
    expect(lines.rows[0]?.n).toBeLessThan(first.offices + 20);
  });

  it('keeps a commit made just before the process is killed with SIGKILL', async () => {
    const dataDir = join(dir, 'durability');
    const marker = `m-${Date.now()}`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/durability-child.ts', dataDir, marker],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('committed')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const database = await openPglite({ dataDir });
    const found = await sql<{ marker: string }>`SELECT marker FROM durability_probe`.execute(database.db);
    await database.close();
    expect(found.rows.map((r) => r.marker)).toEqual([marker]);
  });
});

describe.runIf(engines().includes('postgres'))('npm start on PostgreSQL', () => {
  it('migrates, seeds an empty database once and serves it', async () => {
    const { url, drop } = await createPostgresDatabaseUrl({ empty: true });
    try {
      const first = await serveAndCheck({ DATABASE_URL: url });
      expect(first.procedures).toBeGreaterThanOrEqual(20);
      expect(first.offices).toBeGreaterThanOrEqual(30);
      expect(first.finished.code).toBe(0);
      const second = await serveAndCheck({ DATABASE_URL: url });
      expect(second.procedures).toBe(first.procedures);
    } finally {
      await drop();
    }
  });
});
