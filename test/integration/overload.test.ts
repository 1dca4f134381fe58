import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

const CAP = 4;
const EXTRA = 3;
const SPANISH = 'Hay mucha demanda en este momento. Intente de nuevo en unos segundos.';
const ENGLISH = 'There is a lot of demand right now. Please try again in a few seconds.';

interface Answer {
  status: number;
  retryAfter: string | null;
  type: string | null;
  body: string;
}

async function answer(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { headers });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    type: res.headers.get('content-type'),
    body: await res.text(),
  };
}

async function until(what: string, condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(engines())('a process past its cap of requests in flight (%s)', (engine) => {
  let database: TestDatabase;
  let app: App;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { maxInFlight: CAP });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  /**
   * Makes every request that reads the catalogue wait, as a slow database would: a lock on the table
   * (PostgreSQL), or the one connection held by a transaction (PGlite). Returns what lets them go.
   */
  async function slowDatabase(): Promise<() => Promise<void>> {
    if (engine === 'postgres') {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('BEGIN');
      await client.query('LOCK TABLE procedures IN ACCESS EXCLUSIVE MODE');
      return async () => {
        await client.query('COMMIT');
        await client.end();
      };
    }
    let open: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const held = database.db.transaction().execute(async () => {
      entered();
      await gate;
    });
    await inside;
    return async () => {
      open();
      await held;
    };
  }

  it(`answers ${CAP} of ${CAP + EXTRA} slow requests and sheds ${EXTRA} at once with 503 and Retry-After, in the page's language`, async () => {
    const release = await slowDatabase();
    const settled: Answer[] = [];
    let all: Promise<Answer[]> = Promise.resolve([]);
    try {
      all = Promise.all(
        Array.from({ length: CAP + EXTRA }, () =>
          answer(`${base}/api/v1/procedures`, { 'accept-language': 'en' }).then((a) => {
            settled.push(a);
            return a;
          }),
        ),
      );
      // The ones past the cap are answered while the others still wait for the database.
      await until(`${EXTRA} requests were answered`, () => settled.length >= EXTRA);
      await new Promise((r) => setTimeout(r, 200));
      expect(settled).toHaveLength(EXTRA);
      for (const shed of settled) {
        expect(shed.status).toBe(503);
        expect(Number(shed.retryAfter)).toBeGreaterThan(0);
        expect(shed.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(shed.body)).toMatchObject({ status: 503, code: 'UNAVAILABLE', detail: ENGLISH });
      }

      // Pages say so in Spanish, and in English to whoever chose it, on the site's error page.
      const spanish = await answer(`${base}/tramites`);
      expect(spanish.status).toBe(503);
      expect(Number(spanish.retryAfter)).toBeGreaterThan(0);
      expect(spanish.type).toMatch(/^text\/html/);
      expect(spanish.body).toContain(SPANISH);
      expect(spanish.body).toContain('<html lang="es-CO"');
      expect(spanish.body).toContain('/assets/css/site.css');
      const english = await answer(`${base}/tramites`, { cookie: 'lang=en' });
      expect(english.status).toBe(503);
      expect(english.body).toContain(ENGLISH);
      expect(english.body).toContain('<html lang="en"');

      // Probes and assets are never shed.
      expect((await answer(`${base}/health/live`)).status).toBe(200);
      expect((await answer(`${base}/assets/css/site.css`)).status).toBe(200);
    } finally {
      await release();
    }
    const answers = await all;
    expect(answers.filter((a) => a.status === 200)).toHaveLength(CAP);
    expect(answers.filter((a) => a.status === 503)).toHaveLength(EXTRA);
    // The count went back down: the process answers again.
    expect((await answer(`${base}/api/v1/procedures`)).status).toBe(200);
    expect((await answer(`${base}/tramites`)).status).toBe(200);
  });

  it('counts only what is in flight: requests one after another, and clients that left, do not add up', async () => {
    for (let i = 0; i < CAP * 3; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/v1/procedures' })).statusCode).toBe(200);
      expect((await answer(`${base}/api/v1/procedures`)).status).toBe(200);
    }
    const release = await slowDatabase();
    try {
      const leaving = Array.from({ length: CAP }, () => new AbortController());
      const abandoned = leaving.map((c) =>
        fetch(`${base}/api/v1/procedures`, { signal: c.signal }).catch(() => undefined),
      );
      await new Promise((r) => setTimeout(r, 200));
      for (const c of leaving) c.abort();
      await Promise.all(abandoned);
    } finally {
      await release();
    }
    // The abandoned requests' work may still be finishing; then nothing is left counted.
    const deadline = performance.now() + 5_000;
    let after: number[] = [];
    for (;;) {
      after = (await Promise.all(Array.from({ length: CAP }, () => answer(`${base}/api/v1/procedures`)))).map(
        (a) => a.status,
      );
      if (after.every((status) => status === 200) || performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(after).toEqual(Array(CAP).fill(200));
  });

  it.runIf(engine === 'postgres')(
    'answers 503 with Retry-After when no pooled connection frees up within DB_ACQUIRE_TIMEOUT_MS',
    async () => {
      const url = database.url ?? '';
      const onePool = openPostgres({ url, poolSize: 1, acquireTimeoutMs: 300 });
      const small = await buildTestApp(
        { ...onePool, url, destroy: () => onePool.close() },
        { maxInFlight: 0 },
      );
      const release = await slowDatabase();
      try {
        // The first request takes the only connection and waits on the lock; the second waits for it.
        const first = small.inject({ method: 'GET', url: '/api/v1/procedures' });
        await new Promise((r) => setTimeout(r, 100));
        const started = performance.now();
        const second = await small.inject({
          method: 'GET',
          url: '/api/v1/procedures',
          headers: { 'accept-language': 'en' },
        });
        expect(performance.now() - started).toBeLessThan(3_000);
        expect(second.statusCode).toBe(503);
        expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
        expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(second.json()).toMatchObject({ code: 'UNAVAILABLE' });
        await release();
        expect((await first).statusCode).toBe(200);
      } finally {
        await release().catch(() => undefined);
        await small.close();
        await onePool.close();
      }
    },
  );
});
