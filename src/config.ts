/**
 * All configuration comes from environment variables and is validated here, once, at start. A bad value
 * stops start-up with a message naming the variable and what it accepts.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  nodeEnv: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded engine (PGlite) in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  /**
   * Whether the hot queries go to PostgreSQL as named prepared statements (PREPARED_STATEMENTS, default
   * on). Off behind a pooler in transaction mode that cannot keep them, such as PgBouncer before 1.21.
   */
  preparedStatements: boolean;
  smtpUrl: string | undefined;
  publicUrl: string;
  captcha: boolean;
  rateLimit: boolean;
  redisUrl: string | undefined;
  /** Which proxies' X-Forwarded-For to believe for the client address (rate limits key on it). */
  trustProxy: boolean | number | string[];
  /** Proof-of-work: the counter range at normal load, and the hold rate that raises it. */
  powDifficulty: number;
  powSurgePerMinute: number;
  /** The wait imposed on a hold made without the proof-of-work (no JavaScript). */
  holdWithoutProofDelayMs: number;
  holdSeconds: number;
  /** Upper bound of the random delay before a cancelled place returns to public search. */
  releaseDelaySeconds: number;
  maxActivePerPerson: number;
  /** Months after their last appointment before an applicant's data is anonymised. */
  retentionMonths: number;
  minLeadMinutes: number;
  bookingWindowDays: number;
  workers: number;
  logLevel: LogLevel;
  sessionSecret: string;
  /** Keys the audit chain's hashes (AUDIT_KEY): kept outside the database, so its rows cannot be re-chained. */
  auditKey: string;
  /** Whether `npm start` also runs the background worker in the same process. */
  runWorker: boolean;
  /** How long before an appointment its reminder e-mail goes out. */
  reminderHours: number;
  /** How long a subscriber has to claim a place an alert offers them. */
  alertClaimMinutes: number;
  /** How long an entry drawn for a release has to claim the place offered (never past an hour before it). */
  drawClaimHours: number;
  /** How long a worker keeps a job it claimed before another worker may take it over (crash recovery). */
  jobLeaseSeconds: number;
  /** The From of every e-mail. */
  mailFrom: string;
  /** Where video appointments meet: every meeting address is this plus the appointment's room id (`videoMeetingUrl`). */
  videoBaseUrl: string;
  /** Bearer token a Prometheus scrape of /metrics must present; without it /metrics is off in production. */
  metricsToken: string | undefined;
  /** How long a process may answer the days-with-room calendar from memory (0: always ask the database). */
  calendarCacheMs: number;
  /** How long a process may answer the times of a day from memory (0: always ask the database). */
  slotsCacheMs: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(`${name} must be "on" or "off" (got "${raw}")`);
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be a URL starting with ${protocols.join(' or ')} (got an unparsable value)`,
    );
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `${name} must be a URL starting with ${protocols.join(' or ')} (got "${parsed.protocol}")`,
    );
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

/** An address for From: `name <local@domain>` or `local@domain`, one line. */
function mailbox(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim();
  if (!/^([^<>\r\n]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value)) {
    throw new ConfigError(`${name} must be an e-mail address, optionally as "Name <address>" (got "${raw}")`);
  }
  return value;
}

function trustProxy(env: Env): boolean | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'off') return false;
  if (raw === 'on') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  if (
    entries.every((e) => /^[0-9a-fA-F.:/]+$/.test(e) || ['loopback', 'linklocal', 'uniquelocal'].includes(e))
  ) {
    return entries;
  }
  throw new ConfigError(
    `TRUST_PROXY must be "off", "on", a number of proxy hops, or a comma-separated list of proxy addresses (got "${raw}")`,
  );
}

const DEV_SESSION_SECRET = 'development-only-session-secret-change-me-0000';
/** The audit chain's key outside production, as the tests use it. */
export const DEVELOPMENT_AUDIT_KEY = 'development-only-audit-key-change-me-00000000';

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['production', 'development', 'test'], 'development');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const workers = integer(env, 'WORKERS', 1, 1, 64);
  if (workers > 1 && !databaseUrl) {
    throw new ConfigError(
      'WORKERS above 1 needs DATABASE_URL: the embedded database serves one process only',
    );
  }
  const sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long');
  }
  if (nodeEnv === 'production' && sessionSecret === '') {
    throw new ConfigError('SESSION_SECRET must be set when NODE_ENV=production (32 characters or more)');
  }
  const auditKey = env.AUDIT_KEY ?? '';
  if (auditKey !== '' && auditKey.length < 32)
    throw new ConfigError('AUDIT_KEY must be at least 32 characters long');
  if (nodeEnv === 'production' && auditKey === '') {
    throw new ConfigError(
      'AUDIT_KEY must be set when NODE_ENV=production (32 characters or more, kept outside the database)',
    );
  }
  const metricsToken = env.METRICS_TOKEN && env.METRICS_TOKEN !== '' ? env.METRICS_TOKEN : undefined;
  if (metricsToken !== undefined && !/^[A-Za-z0-9._~+/=-]{16,200}$/.test(metricsToken)) {
    throw new ConfigError('METRICS_TOKEN must be 16 to 200 characters of letters, digits or ._~+/=-');
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  return {
    nodeEnv,
    port,
    host: env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0',
    databaseUrl,
    dataDir: env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data',
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 12, 1, 200),
    preparedStatements: onOff(env, 'PREPARED_STATEMENTS', true),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    publicUrl: publicUrl.replace(/\/$/, ''),
    captcha: onOff(env, 'CAPTCHA', true),
    rateLimit: onOff(env, 'RATE_LIMIT', true),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    trustProxy: trustProxy(env),
    powDifficulty: integer(env, 'POW_DIFFICULTY', 50_000, 100, 100_000_000),
    powSurgePerMinute: integer(env, 'POW_SURGE_PER_MINUTE', 600, 1, 10_000_000),
    holdWithoutProofDelayMs: integer(env, 'HOLD_WITHOUT_PROOF_DELAY_MS', 3_000, 0, 60_000),
    holdSeconds: integer(env, 'HOLD_SECONDS', 600, 10, 3600),
    releaseDelaySeconds: integer(env, 'RELEASE_DELAY_SECONDS', 900, 0, 86_400),
    maxActivePerPerson: integer(env, 'MAX_ACTIVE_PER_PERSON', 3, 1, 50),
    retentionMonths: integer(env, 'RETENTION_MONTHS', 12, 1, 120),
    minLeadMinutes: integer(env, 'MIN_LEAD_MINUTES', 60, 0, 10_080),
    bookingWindowDays: integer(env, 'BOOKING_WINDOW_DAYS', 45, 1, 366),
    workers,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    sessionSecret: sessionSecret === '' ? DEV_SESSION_SECRET : sessionSecret,
    auditKey: auditKey === '' ? DEVELOPMENT_AUDIT_KEY : auditKey,
    runWorker: onOff(env, 'RUN_WORKER', true),
    reminderHours: integer(env, 'REMINDER_HOURS', 24, 1, 168),
    alertClaimMinutes: integer(env, 'ALERT_CLAIM_MINUTES', 30, 5, 1440),
    drawClaimHours: integer(env, 'DRAW_CLAIM_HOURS', 24, 1, 168),
    jobLeaseSeconds: integer(env, 'JOB_LEASE_SECONDS', 300, 1, 3600),
    videoBaseUrl: (url(env, 'VIDEO_BASE_URL', ['https:', 'http:']) ?? 'https://meet.jit.si').replace(
      /\/$/,
      '',
    ),
    mailFrom: mailbox(env, 'MAIL_FROM', 'Agendamiento de Citas DIAN <no-responder@citas.localhost>'),
    metricsToken,
    calendarCacheMs: integer(env, 'CALENDAR_CACHE_MS', 1_000, 0, 2_000),
    slotsCacheMs: integer(env, 'SLOTS_CACHE_MS', 1_000, 0, 2_000),
  };
}

/** A configuration for tests: quiet, no captcha or rate limits unless a test turns them on. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      CAPTCHA: 'off',
      RATE_LIMIT: 'off',
      RELEASE_DELAY_SECONDS: '0',
      HOLD_WITHOUT_PROOF_DELAY_MS: '0',
      // Tests look at availability right after changing the agenda; the caches have a test of their own.
      CALENDAR_CACHE_MS: '0',
      SLOTS_CACHE_MS: '0',
    }),
    runWorker: false,
    ...overrides,
  };
}
