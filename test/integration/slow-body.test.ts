import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

const REQUEST_TIMEOUT_MS = 1_000;
const CONNECTION_TIMEOUT_MS = 1_500;

interface Watched {
  socket: Socket;
  /** Resolves with what the server sent and how long after the start the connection closed. */
  closed: Promise<{ received: string; afterMs: number }>;
}

function open(port: number): Promise<Watched> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      const started = performance.now();
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        received += chunk;
      });
      // The server may reset the connection while bytes are still being written to it.
      socket.on('error', () => undefined);
      const closed = new Promise<{ received: string; afterMs: number }>((done) => {
        socket.once('close', () => done({ received, afterMs: performance.now() - started }));
      });
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

describe.each(engines())('slow clients are cut (%s)', (engine) => {
  let database: TestDatabase;
  let app: App;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    port = address.port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('closes a request whose body trickles in (a byte every 200 ms) after REQUEST_TIMEOUT_MS, and keeps serving others', async () => {
    const slow = await open(port);
    slow.socket.write(
      'POST /api/v1/holds HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    // Each byte arrives well within CONNECTION_TIMEOUT_MS of the last: only the whole request's
    // deadline can end this one.
    const trickle = setInterval(() => {
      if (!slow.socket.destroyed) slow.socket.write('{');
    }, 200);
    try {
      await new Promise((r) => setTimeout(r, 400));
      const meanwhile = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(meanwhile.status).toBe(200);

      const outcome = await Promise.race([
        slow.closed,
        new Promise<undefined>((r) => setTimeout(r, REQUEST_TIMEOUT_MS + 4_000)),
      ]);
      expect(outcome, 'the slow request was still open long after its deadline').toBeDefined();
      expect(outcome?.afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(outcome?.received).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
      slow.socket.destroy();
    }
    const after = await fetch(`http://127.0.0.1:${port}/api/v1/procedures`);
    expect(after.status).toBe(200);
  });

  it('closes a connection that sends nothing', async () => {
    const silent = await open(port);
    try {
      const outcome = await Promise.race([
        silent.closed,
        new Promise<undefined>((r) => setTimeout(r, CONNECTION_TIMEOUT_MS + 4_000)),
      ]);
      expect(outcome, 'the silent connection was still open long after its deadline').toBeDefined();
      expect(outcome?.afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    } finally {
      silent.socket.destroy();
    }
  });
});
