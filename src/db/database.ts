import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import {
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  sql,
  type Transaction,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema.js';
import { isDatabaseUnavailable } from './unavailable.js';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Whether the engine can run several connections at once (PGlite has exactly one). */
  concurrent: boolean;
  /** Runs a script of several statements (a migration) inside the given transaction. */
  execScript(trx: Transaction<DB>, script: string): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start from such a snapshot). */
  dumpDataDir?(): Promise<Blob>;
  /** PostgreSQL only: the connection pool's state, for metrics. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

interface PoolStats {
  size: number;
  total: number;
  idle: number;
  waiting: number;
}

const OID = { int8: 20, date: 1082, dateArray: 1182, textArray: 1009, numeric: 1700 } as const;

/**
 * Both engines return the same JavaScript types: 64-bit integers as numbers (ids and counts stay far
 * below 2^53), `date` as its `YYYY-MM-DD` text (a civil date must never pass through a zoned Date),
 * `numeric` as text, `timestamptz` as Date.
 */
const asText = (value: string) => value;

export interface PostgresOptions {
  url: string;
  poolSize: number;
  applicationName?: string;
  /** Send PREPARED_MARK queries as named prepared statements (default). See PREPARED_MARK. */
  preparedStatements?: boolean;
}

/**
 * Put at the start of a hot query's text (after any white space), it makes the query a named prepared statement on PostgreSQL:
 * each connection parses and plans it once instead of on every call. Measured with pgbench on the
 * national agenda, a day's slots went from about 2,200 to 7,800 queries per second (docs/scaling.md).
 * Only for a bounded set of query texts: each distinct text stays prepared on every connection.
 *
 * A named statement lives in one server session. A pooler in transaction mode (PgBouncer before 1.21)
 * hands the next transaction of this client to another session, where the name is unknown (or already
 * taken): behind one, `PREPARED_STATEMENTS=off` sends these queries unnamed like the rest, and nothing
 * else in the application names a statement (docs/scaling.md).
 */
export const PREPARED_MARK = '/* prepared */';

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `q${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * The pg pool as Kysely sees it, with queries marked PREPARED_MARK sent as named prepared statements,
 * and clients whose connection was lost thrown away when they are released.
 *
 * A connection the server drops (a restart, a failover, `pg_terminate_backend`) makes its client emit
 * `error`. While the client is idle the pool's own listener discards it; while a request holds it, pg
 * leaves it without a listener and the event would end the whole process. So every client gets a
 * listener for its whole life: the request using the client fails through its query (503, see
 * `unavailable.ts`), and the client is closed instead of going back to the pool.
 */
function preparingPool(pool: pg.Pool, prepare: boolean): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const lost = new WeakSet<pg.PoolClient>();
  pool.on('connect', (client) => {
    client.on('error', () => lost.add(client as pg.PoolClient));
  });
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        const send = (text: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (prepare && typeof text === 'string' && text.trimStart().startsWith(PREPARED_MARK)) {
            return client.query({ name: statementName(text), text, values: parameters as unknown[] });
          }
          return client.query(text as string, parameters as unknown[]);
        };
        // The server answers a terminated session's query with an error before the socket closes: the
        // client must not go back to the pool in between and fail the next request too.
        const query = (text: unknown, parameters?: ReadonlyArray<unknown>) =>
          send(text, parameters).catch((err: unknown) => {
            if (isDatabaseUnavailable(err)) lost.add(client);
            throw err;
          });
        wrapper = {
          query,
          release: () => client.release(lost.has(client)),
        } as unknown as PostgresPoolClient;
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

export function openPostgres({
  url,
  poolSize,
  applicationName = 'agenda',
  preparedStatements = true,
}: PostgresOptions): Database {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === OID.int8) return Number;
      if (oid === OID.date) return asText;
      // pg would parse date[] into zoned Dates, element by element: read it as text[], as PGlite does.
      const parser = oid === OID.dateArray ? OID.textArray : oid;
      // biome-ignore lint/suspicious/noExplicitAny: pg's parser table is typed per format
      return pg.types.getTypeParser(parser, format as any);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: applicationName,
    types,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // The pool re-emits the error of an idle client the server dropped (it discards that client and opens
  // another on the next query); without a listener the event would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, preparedStatements) }),
  });
  return {
    db,
    engine: 'postgres',
    concurrent: true,
    // With no parameters pg uses the simple query protocol, which accepts several statements.
    execScript: async (trx, script) => {
      await sql.raw(script).execute(trx);
    },
    poolStats: () => ({
      size: poolSize,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => db.destroy(),
  };
}

export interface PgliteOptions {
  /** A directory to persist into; absent means in memory. */
  dataDir?: string;
  /** A data directory tarball to start from (tests start from a migrated snapshot). */
  loadDataDir?: Blob;
}

export async function openPglite({ dataDir, loadDataDir }: PgliteOptions = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [OID.int8]: Number, [OID.date]: asText, [OID.numeric]: asText },
  });
  await client.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    concurrent: false,
    // PGlite's query() takes one statement; exec() takes a script. PGlite is a single session, so the
    // script runs inside the transaction the caller holds.
    execScript: async (_trx, script) => {
      await client.exec(script);
    },
    dumpDataDir: () => client.dumpDataDir('none'),
    close: () => db.destroy(),
  };
}

export interface DatabaseConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  preparedStatements?: boolean;
}

export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

/** Opens the configured engine and checks it answers, so a wrong DATABASE_URL fails at start, clearly. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (!config.databaseUrl) return openPglite({ dataDir: config.dataDir });
  const database = openPostgres({
    url: config.databaseUrl,
    poolSize: config.dbPoolSize,
    preparedStatements: config.preparedStatements ?? true,
  });
  try {
    await sql`SELECT 1`.execute(database.db);
  } catch (err) {
    await database.close().catch(() => undefined);
    const { hostname, port } = new URL(config.databaseUrl);
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatabaseUnreachable(
      `Cannot reach the database at DATABASE_URL (${hostname}:${port || 5432}): ${reason}`,
    );
  }
  return database;
}
