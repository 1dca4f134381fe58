import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration of the bounds on waiting and of the database roles', () => {
  it('bounds every wait by default', () => {
    const config = loadConfig({});
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(config.connectionTimeoutMs).toBe(30_000);
    expect(config.dbAcquireTimeoutMs).toBe(5_000);
    expect(config.maxInFlight).toBe(100);
    expect(config.migrationDatabaseUrl).toBeUndefined();
  });

  it('takes the values given', () => {
    const config = loadConfig({
      REQUEST_TIMEOUT_MS: '2000',
      CONNECTION_TIMEOUT_MS: '3000',
      DB_ACQUIRE_TIMEOUT_MS: '250',
      MAX_IN_FLIGHT: '0',
      DATABASE_URL: 'postgres://agenda_app@db/agenda',
      MIGRATION_DATABASE_URL: 'postgres://agenda_owner@db/agenda',
    });
    expect(config).toMatchObject({
      requestTimeoutMs: 2_000,
      connectionTimeoutMs: 3_000,
      dbAcquireTimeoutMs: 250,
      maxInFlight: 0,
      migrationDatabaseUrl: 'postgres://agenda_owner@db/agenda',
    });
  });

  it.each([
    [{ REQUEST_TIMEOUT_MS: '0' }, /^REQUEST_TIMEOUT_MS must be a whole number from 100 to 600000/],
    [{ CONNECTION_TIMEOUT_MS: 'soon' }, /^CONNECTION_TIMEOUT_MS must be a whole number/],
    [{ MAX_IN_FLIGHT: '-1' }, /^MAX_IN_FLIGHT must be a whole number from 0/],
    [
      { MIGRATION_DATABASE_URL: 'postgres://agenda_owner@db/agenda' },
      /^MIGRATION_DATABASE_URL needs DATABASE_URL/,
    ],
    [
      { DATABASE_URL: 'postgres://a@db/x', MIGRATION_DATABASE_URL: 'mysql://db/x' },
      /^MIGRATION_DATABASE_URL must be a URL starting with postgres:/,
    ],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
