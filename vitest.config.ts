import { defineConfig } from 'vitest/config';

// Unit and integration tests (domain, server on SQLite and, with TEST_DATABASE_URL, PostgreSQL).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
