import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests only: pure logic, no browser. The real-browser suite lives in e2e/ (Playwright).
export default defineConfig({
  // Packages import the plugin by name; unit tests run before the build, so point it at the sources.
  resolve: {
    alias: {
      '@open-liveness/plugin': fileURLToPath(new URL('packages/plugin/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
