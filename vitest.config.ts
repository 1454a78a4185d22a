// Test projects: `unit` (engine, CLI), `db` (server against PGlite, or PostgreSQL when
// DATABASE_URL is set), `web` (components in jsdom), `e2e` (Chromium against the real server).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine that runs every
    // file one after another while the main process idles. Two workers overlap a database file
    // with a component file (each test file still has its own database; e2e files stay serial).
    maxWorkers: Number(process.env.PANTAU_TEST_WORKERS ?? 2),
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/core/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'methodologies/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['src/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['src/web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/web/test/setup.ts'],
          // user-event typing into Mantine inputs is slow in jsdom; under a loaded CI machine the
          // default 5 s is too tight for the longer form tests.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
