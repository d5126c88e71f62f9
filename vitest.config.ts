import { defineConfig } from 'vitest/config';

// Unit tests only: pure logic, no browser. The real-browser suite lives in e2e/ (Playwright).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
