import { existsSync } from 'node:fs';

/** What the suite can reach on this machine; shared by the global setup and the helpers. */
export const requireAll = process.env.REQUIRE_ALL === '1';

export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url !== '' ? url : undefined;
}

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}
