import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (no database, fast) and `db` (files named
 * `*.int.test.ts`, each against its own fresh PostgreSQL database cloned from
 * a migrated template; see server/src/testing/global-setup.ts).
 */
const shared = {
  exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**', '.closer/**'],
};

export default defineConfig({
  test: {
    reporters: process.env.CLOSER_TEST_JSON
      ? ['default', ['json', { outputFile: process.env.CLOSER_TEST_JSON }]]
      : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,widget,portal,shopify-app,prisma,scripts,bench}/**/*.test.ts'],
          exclude: [...shared.exclude, '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['{server,widget,portal,shopify-app,prisma,scripts,bench}/**/*.int.test.ts'],
          exclude: shared.exclude,
          globalSetup: ['server/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
