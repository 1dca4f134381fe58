import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.holdSeconds).toBe(600);
    expect(config.maxActivePerPerson).toBe(3);
    expect(config.captcha).toBe(true);
    expect(config.rateLimit).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must be/],
    [
      { DATABASE_URL: 'mysql://localhost/x' },
      /^DATABASE_URL must be a URL starting with postgres: or postgresql:/,
    ],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ CAPTCHA: 'maybe' }, /^CAPTCHA must be "on" or "off"/],
    [{ HOLD_SECONDS: '5' }, /^HOLD_SECONDS must be a whole number from 10/],
    [{ WORKERS: '2' }, /^WORKERS above 1 needs DATABASE_URL/],
    [{ NODE_ENV: 'production' }, /^SESSION_SECRET must be set/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN must be 16 to 200 characters/],
    [{ METRICS_TOKEN: 'has spaces in it, sixteen+' }, /^METRICS_TOKEN must be/],
    [{ CALENDAR_CACHE_MS: '5000' }, /^CALENDAR_CACHE_MS must be a whole number from 0 to 2000/],
    [{ SLOTS_CACHE_MS: '-1' }, /^SLOTS_CACHE_MS must be a whole number from 0 to 2000/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
