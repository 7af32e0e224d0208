import { defineConfig } from 'vitest/config';

// Browser journeys: playwright-core drives Debian's Chromium against a real server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
