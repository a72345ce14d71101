import { defineConfig } from 'vitest/config';

// Each e2e file launches a real browser and its own sandbox on a free port.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
