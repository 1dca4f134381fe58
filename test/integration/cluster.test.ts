import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collect, spawnCli, waitForUrl } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, engines } from '../helpers/db.js';
import { getFresh } from '../helpers/http.js';

// A whole cluster starts here (three processes through tsx): generous time on a busy machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 60_000 });

describe.runIf(engines().includes('postgres'))('WORKERS=2 on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await createPostgresDatabaseUrl();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('serves one port from two HTTP processes other than the primary, and stops cleanly', async () => {
    const child = spawnCli(['serve'], {
      DATABASE_URL: database.url,
      WORKERS: '2',
      PORT: '0',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: '3',
    });
    const { done } = collect(child);
    try {
      const url = await waitForUrl(child);
      // the API answers from whichever process takes the connection
      for (let i = 0; i < 10; i++) expect((await getFresh(`${url}/api/v1/procedures`)).status).toBe(200);
      // one scrape, whichever process takes it, reports both HTTP processes (never the primary) and the
      // requests they served between them
      for (let scrape = 0; scrape < 4; scrape++) {
        const res = await getFresh(`${url}/metrics`);
        expect(res.status).toBe(200);
        const pids = [...res.body.matchAll(/agenda_process_info\{pid="(\d+)",worker="([1-9]\d*)"\} 1/g)].map(
          (m) => m[1],
        );
        expect(new Set(pids).size).toBe(2);
        expect(pids).not.toContain(String(child.pid));
        const served =
          /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/procedures",status_code="200"\} (\d+)/.exec(
            res.body,
          );
        expect(Number(served?.[1])).toBe(10);
        expect(res.body.match(/^agenda_jobs_pending\{status="queued"\}/gm)).toHaveLength(1);
      }
    } finally {
      child.kill('SIGTERM');
    }
    const finished = await done;
    expect(finished.code).toBe(0);
    expect(finished.stderr).not.toMatch(/error/i);
  });
});
