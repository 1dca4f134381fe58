import { defineConfig } from 'vitest/config';

/**
 * Three kinds of tests: unit (pure domain, no I/O), integration (services and HTTP on PGlite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL too), e2e (a real Chromium through playwright-core).
 * `test/global-setup.ts` says loudly what was left out, and fails instead under REQUIRE_ALL=1.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
