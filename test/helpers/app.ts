import { type Config, testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import type { TestDatabase } from './db.js';

/** A settable clock for tests: time moves only when the test moves it. */
export class TestClock {
  constructor(private current: Date = new Date()) {}
  now = (): Date => new Date(this.current.getTime());
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function buildTestApp(
  database: TestDatabase,
  overrides: Partial<Config> = {},
  clock: () => Date = () => new Date(),
): Promise<App> {
  const app = await buildApp({ config: testConfig(overrides), database, clock });
  await app.ready();
  return app;
}
