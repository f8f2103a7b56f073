import { defineConfig } from 'vitest/config';

// Two projects, both run by `npm test`:
// - unit:    Node, tfjs CPU backend and the float64 reference.
// - browser: real Chromium through playwright-core (WebGL backend, the real app).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          // a safety net, not a timing: CI's 2 cores are shared with Chromium while the unit tests run
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
