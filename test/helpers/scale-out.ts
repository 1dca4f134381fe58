import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { eventually } from './http.js';

/**
 * HAProxy and PgBouncer as the operator runs them (Debian's packages, docs/scaling.md): real processes
 * of the test's own, on free ports, configured in a temporary directory.
 */

/** Where an installed program is (PATH, then the sbin directories Debian puts daemons in). */
export function binaryPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, name)).find((path) => path.startsWith('/') && existsSync(path));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function accepts(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(undefined));
  });
}

export interface Daemon {
  port: number;
  /** What it printed, for the failure message of a test. */
  output(): string;
  /** Ends it (SIGTERM) and removes its files. */
  stop(): Promise<void>;
}

async function runDaemon(name: string, command: string, args: string[], port: number, dir: string) {
  const child: ChildProcess = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const stop = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await eventually(`${name} listens on ${port}`, async () => {
      if (gone) throw new Error(`${name} exited: ${output}`);
      return accepts(port);
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, output: () => output, stop };
}

/**
 * PgBouncer in transaction pooling in front of the PostgreSQL of `upstream`, every client logged in as
 * that URL's user (`auth_type = any`: the test's server trusts local connections). PgBouncer refuses to
 * run as root: as root it is started with `-u nobody` and drops to that user once its port is open.
 */
export async function startPgBouncer(upstream: string, poolSize: number): Promise<Daemon> {
  const command = binaryPath('pgbouncer');
  if (!command) throw new Error('pgbouncer is not installed');
  const server = new URL(upstream);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'agenda-pgbouncer-'));
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432} user=${decodeURIComponent(server.username || 'postgres')}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 500',
      // node-postgres sends none of these today; listed so a driver update cannot lock every client out.
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  return runDaemon('pgbouncer', command, [...(asRoot ? ['-u', 'nobody'] : []), ini], port, dir);
}

/**
 * HAProxy spreading requests round robin over `backends` (ports on 127.0.0.1), each checked on
 * `/health/ready` every 500 ms and taken out after two failures. A request whose connection to a
 * backend fails is sent to another one (`retries`, `option redispatch`), as in docs/scaling.md.
 */
export async function startHaproxy(backends: readonly number[]): Promise<Daemon> {
  const command = binaryPath('haproxy');
  if (!command) throw new Error('haproxy is not installed');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'agenda-haproxy-'));
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(
    cfg,
    [
      'global',
      '  maxconn 1000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      // A busy process may take a moment to answer its check: only one that does not answer at all (or
      // answers 503) is taken out.
      '  timeout check 2s',
      '  retries 3',
      '  option redispatch',
      'frontend web',
      `  bind 127.0.0.1:${port}`,
      '  default_backend app',
      'backend app',
      '  balance roundrobin',
      '  option forwardfor',
      '  option httpchk',
      '  http-check send meth GET uri /health/ready',
      '  http-check expect status 200',
      ...backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 500ms fall 2 rise 2`),
      '',
    ].join('\n'),
  );
  return runDaemon('haproxy', command, ['-db', '-f', cfg], port, dir);
}
