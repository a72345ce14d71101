import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    setupFiles: ['tests/setup/i18n.ts'],
    // The test build's mode (utils/build.ts): the sandbox on loopback stands in for the API.
    env: { MODE: 'testing' },
  },
});
