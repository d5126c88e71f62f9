import { defineConfig } from '@playwright/test';

// Real-browser suite: Debian Chromium (found on PATH) against the built adapter on loopback.
// Each test launches its own browser so it can pick its fake-camera clip (see e2e/fixtures.ts).
const port = Number(process.env.E2E_PORT ?? 8190);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  // No baseURL here: e2e/support/fixtures.ts points it at the host page's own origin (e2e/support/host.ts).
  webServer: {
    command: 'node packages/adapter/dist/main.js',
    url: `http://127.0.0.1:${port}/readyz`,
    // The suite's default adapter: the normal architecture with the embedded analysis service, and the
    // development-only trust of Chromium's fake camera (label = the clip's path) so suites see the normal
    // flow. e2e/trust.spec.ts starts strict adapters of its own to prove the fake camera is flagged.
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      OZ_ADAPTER_TRUSTED_TEST_DEVICES: '*.mjpeg',
      OZ_ADAPTER_RESULT_MODE: 'status',
    },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
