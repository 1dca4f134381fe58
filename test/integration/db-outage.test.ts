import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collect, ROOT, spawnCli, waitForUrl } from '../helpers/cli.js';
import { requireAll } from '../helpers/environment.js';
import { eventually, type FreshResponse, getFresh, httpProcessIds, isAlive } from '../helpers/http.js';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from '../helpers/private-postgres.js';

// A PostgreSQL server of its own and a whole cluster (three processes through tsx): generous time.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const binDir = postgresBinDir();
if (!binDir) {
  process.stderr.write(
    '\n!! database outage test left out: no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql or PG_BIN_DIR\n\n',
  );
  if (requireAll)
    throw new Error('REQUIRE_ALL=1 and no PostgreSQL server binaries to run a private instance');
}

const SPANISH = 'Intente de nuevo en unos instantes';
const ENGLISH = 'Please try again shortly';

/** `n` requests on fresh connections, so both HTTP processes answer some of them. */
async function several(n: number, url: string, headers: Record<string, string> = {}) {
  const out: FreshResponse[] = [];
  for (let i = 0; i < n; i++) out.push(await getFresh(url, headers));
  return out;
}

describe.runIf(binDir !== undefined)('PostgreSQL stopped and started again under WORKERS=2', () => {
  let postgres: PrivatePostgres;
  beforeAll(async () => {
    postgres = await startPrivatePostgres(binDir ?? '');
    await postgres.createDatabase('agenda');
  });
  afterAll(async () => {
    await postgres?.destroy();
  });

  it('answers 503 and "try again shortly" while it is down, replaces a dead process, and is back by itself', async () => {
    const child = spawnCli(['serve'], {
      DATABASE_URL: postgres.url('agenda'),
      WORKERS: '2',
      PORT: '0',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '3',
    });
    const { done, output } = collect(child);
    try {
      const url = await waitForUrl(child);
      for (const res of await several(4, `${url}/health/ready`)) expect(res.status).toBe(200);
      const before = await eventually('both HTTP processes report', async () => {
        const pids = await httpProcessIds(url);
        return pids.length === 2 ? pids : undefined;
      });

      await postgres.stop();

      // Every process says it is not ready, and asks to be tried again in a moment.
      for (const res of await several(6, `${url}/health/ready`)) {
        expect(res.status).toBe(503);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      // A page that needs the database: the error page says to try again shortly, in either language.
      for (const res of await several(4, `${url}/tramites`)) {
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body).toContain(SPANISH);
      }
      for (const res of await several(4, `${url}/tramites`, { cookie: 'lang=en' })) {
        expect(res.status).toBe(503);
        expect(res.body).toContain(ENGLISH);
      }
      // The API: problem+json with a stable code.
      for (const res of await several(4, `${url}/api/v1/procedures`, { 'accept-language': 'en' })) {
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(JSON.parse(res.body)).toMatchObject({
          status: 503,
          code: 'UNAVAILABLE',
          detail: expect.any(String),
        });
      }
      // Pages that need no database still serve.
      expect((await getFresh(`${url}/`)).status).toBe(200);

      // An HTTP process dies while the database is down: its replacement cannot open the database, exits
      // before listening, and is tried again (with back-off) instead of being given up.
      const [killed, survivor] = before as [number, number];
      process.kill(killed, 'SIGKILL');
      await eventually(
        'a replacement failed',
        // The logs (pino, on standard output) say so.
        async () => (/exited before listening/.test(output().stdout) ? true : undefined),
        { timeoutMs: 120_000, everyMs: 100 },
      );

      await postgres.start();

      // Ready again by itself: several answers in a row, through both processes.
      await eventually(
        'ready again',
        async () =>
          (await several(6, `${url}/health/ready`)).every((r) => r.status === 200) ? true : undefined,
        { timeoutMs: 60_000, everyMs: 100 },
      );
      // The replacement that kept failing is serving now beside the process that never stopped.
      const after = await eventually(
        'two HTTP processes again',
        async () => {
          const pids = await httpProcessIds(url);
          return pids.length === 2 && pids.includes(survivor) && !pids.includes(killed) ? pids : undefined;
        },
        { timeoutMs: 120_000, everyMs: 250 },
      );
      expect(after).toContain(survivor);
      for (const res of await several(4, `${url}/tramites`)) expect(res.status).toBe(200);
      for (const res of await several(4, `${url}/api/v1/procedures`)) expect(res.status).toBe(200);
      expect(isAlive(child.pid ?? 0)).toBe(true);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
    const finished = await done;
    expect(finished.code).toBe(0);
  });

  it('goes down whole with its primary, and starting it again (as deploy/agenda.service does) brings it all back', async () => {
    // The shipped unit starts `serve` again whatever ended it, for as long as it takes.
    const unit = readFileSync(join(ROOT, 'deploy/agenda.service'), 'utf8');
    expect(unit).toMatch(/^ExecStart=\S*node dist\/cli\/main\.js serve$/m);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^StartLimitIntervalSec=0$/m);

    const env = {
      DATABASE_URL: postgres.url('agenda'),
      WORKERS: '2',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '3',
    };
    const first = spawnCli(['serve'], { ...env, PORT: '0' });
    const firstRun = collect(first);
    const url = await waitForUrl(first);
    const children = await eventually('both HTTP processes report', async () => {
      const pids = await httpProcessIds(url);
      return pids.length === 2 ? pids : undefined;
    });
    first.kill('SIGKILL');
    await firstRun.done;
    // No HTTP process is left behind holding the port or the database.
    await eventually('the HTTP processes ended with their primary', async () =>
      children.some(isAlive) ? undefined : true,
    );

    const again = spawnCli(['serve'], { ...env, PORT: new URL(url).port });
    const againRun = collect(again);
    try {
      expect(await waitForUrl(again)).toBe(url);
      for (const res of await several(4, `${url}/health/ready`)) expect(res.status).toBe(200);
      for (const res of await several(4, `${url}/tramites`)) expect(res.status).toBe(200);
    } finally {
      again.kill('SIGTERM');
    }
    expect((await againRun.done).code).toBe(0);
  });
});
