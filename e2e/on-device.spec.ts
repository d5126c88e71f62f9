import { execFileSync } from 'node:child_process';
import { type Browser, test as base, type Page } from '@playwright/test';
import { strictCsp } from './support/csp.js';
import { openWith, waitForEvent } from './support/demo.js';
import { adapterURL } from './support/env.js';
import { expect, launchCamera } from './support/fixtures.js';
import { type HostServer, hostPage, startHost } from './support/host.js';
import { serverSpoofConfidence } from './support/server-liveness.js';
import {
  ANTISPOOF_STILLS,
  type AntispoofStill,
  liveWebcamStill,
  stillClip,
  stillSource,
} from './support/still-clips.js';
import { scoreInWorkers } from './support/worker-harness.js';

interface OnDevice {
  resolution: 'success' | 'declined';
  confidence_spoofing: number;
  model: string;
  duration_ms: number;
}
interface Capture {
  on_device?: OnDevice;
  additional_info: string | null;
  frame_list: string[] | null;
  from_virtual_camera: { additional_info: string; frame_list: string[] } | null;
}

const test = base.extend<{ still: AntispoofStill }, { host: HostServer }>({
  still: ['live', { option: true }],
  host: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
});

type FlowStill = 'live_webcam' | 'screen' | 'screen_hyperfas';
const clipOf = (still: FlowStill | AntispoofStill): string =>
  still === 'live_webcam' ? liveWebcamStill() : stillClip(still);

/** A page whose fake camera shows the still, with every URL it requests recorded. */
async function pageFor(
  still: FlowStill | AntispoofStill,
  host: HostServer,
): Promise<{ browser: Browser; page: Page; urls: string[] }> {
  const browser = await launchCamera(clipOf(still));
  const context = await browser.newContext({ viewport: { width: 960, height: 720 }, baseURL: host.url });
  const page = await context.newPage();
  const urls: string[] = [];
  // The context sees the page's requests and its workers' (the on-device worker's runtime and models).
  context.on('request', (r) => {
    if (!urls.includes(r.url())) urls.push(r.url());
  });
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return { browser, page, urls };
}

const ORT = /\/plugin\/ondevice_worker|\/assets\/ort\/|MiniFASNet/;

/** The policy an integrator sets (docs/integration.md), the adapter being the suite's. */
const suiteCsp = (): string => strictCsp(new URL(adapterURL).origin);

const EXPECTED: Record<AntispoofStill | FlowStill, OnDevice['resolution']> = {
  live: 'success',
  live_webcam: 'success',
  print: 'declined',
  screen: 'declined',
  screen_hyperfas: 'declined',
};

// The flow needs a still the capture guidance accepts: the live T1 still (yaw 23°) and the print F1 (yaw −32°)
// never start a capture, so they are scored in the workers below instead. The live one runs under the strict
// CSP of docs/integration.md: the on-device worker needs nothing beyond it.
for (const still of ['live_webcam', 'screen'] as const) {
  test(`on device, ${still} still: ${EXPECTED[still]}, in on_capture_complete and additional_info, agreeing with the server's path`, async ({
    host,
  }) => {
    test.setTimeout(120_000);
    const { browser, page, urls } = await pageFor(still, host);
    try {
      const csp = still === 'live_webcam' ? suiteCsp() : null;
      await page.addInitScript(() => {
        const w = window as unknown as { violations: string[] };
        w.violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const response = await page.goto(hostPage(adapterURL, csp ? { csp } : {}));
      if (csp) expect(response?.headers()['content-security-policy']).toBe(csp);
      await page.waitForFunction(() => typeof (window as { OzLiveness?: unknown }).OzLiveness === 'object');
      await openWith(page, { action: ['video_selfie_blank'], on_device: true });
      const capture = (await waitForEvent(page, 'on_capture_complete', 60_000)).data as Capture;
      const onDevice = capture.on_device;
      console.log(`[on-device] ${still}: ${JSON.stringify(onDevice)}`);
      expect(onDevice?.resolution).toBe(EXPECTED[still]);
      expect(onDevice?.model).toBe('MiniFASNetV2+MiniFASNetV1SE');
      expect(onDevice?.duration_ms).toBeGreaterThan(0);
      const info = capture.additional_info ?? capture.from_virtual_camera?.additional_info ?? '';
      expect(JSON.parse(info).on_device).toEqual(onDevice);
      // The runtime, both models and the detector came from the adapter. Headless Chromium without a GPU has no WebGPU
      // adapter: the wasm build, not the 26 MB WebGPU one.
      expect(urls.some((u) => u.endsWith('/assets/ort/ort-wasm-simd-threaded.wasm'))).toBe(true);
      expect(urls.filter((u) => u.includes('asyncify') || u.includes('ondevice_worker_webgpu'))).toEqual([]);
      expect(urls.filter((u) => u.includes('/assets/models/MiniFASNet')).length).toBe(2);
      expect(urls.some((u) => u.endsWith('/assets/models/fr_detect.onnx'))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(
        [],
      );
      // Agreement: the server's own path (fr_detect box, its preprocessing, onnxruntime-node) on the same frames.
      const frames = capture.frame_list ?? capture.from_virtual_camera?.frame_list ?? [];
      const server = await serverSpoofConfidence(frames);
      console.log(`[agreement] ${still}: device ${onDevice?.confidence_spoofing} server ${server}`);
      expect(Math.abs((onDevice?.confidence_spoofing ?? 2) - server)).toBeLessThanOrEqual(0.02);
    } finally {
      await browser.close();
    }
  });
}

test('without on_device nothing of onnxruntime is loaded', async ({ host }) => {
  test.setTimeout(90_000);
  const { browser, page, urls } = await pageFor('live_webcam', host);
  try {
    await page.goto(hostPage());
    await openWith(page, { action: ['video_selfie_blank'] });
    const capture = (await waitForEvent(page, 'on_capture_complete', 60_000)).data as Capture;
    expect(capture.on_device).toBeUndefined();
    expect(urls.some((u) => u.includes('/plugin/vision_worker.js'))).toBe(true);
    expect(urls.filter((u) => ORT.test(u))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('on_device_precheck: a confident on-device decline asks to try again and uploads nothing', async ({
  host,
}, testInfo) => {
  test.setTimeout(90_000);
  const { browser, page, urls } = await pageFor('screen', host);
  try {
    await page.goto(hostPage());
    await openWith(page, { action: ['video_selfie_blank'], on_device_precheck: true });
    const error = (await waitForEvent(page, 'on_error', 60_000)).data as { code: string; retryable: boolean };
    expect(error.code).toBe('on_device_declined');
    expect(error.retryable).toBe(true);
    const screen = page.locator('[data-oz-liveness] .ol-error');
    await expect(screen).toHaveAttribute('data-code', 'on_device_declined');
    await expect(page.locator('[data-oz-liveness] .ol-error .ol-advice')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('precheck-retry.png') });
    // Nothing went up: no media upload, no sealed container.
    expect(urls.filter((u) => /\/api\/v1\/sessions\/[^/]+\/(media|container)/.test(u))).toEqual([]);
  } finally {
    await browser.close();
  }
});

/** The still as the camera path delivers it: fitted into 640x480 (EXIF applied) and JPEG-encoded. */
function frameJpeg(still: AntispoofStill): string {
  const vf = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2';
  const jpeg = execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-i',
    stillSource(still),
    '-vf',
    vf,
    '-q:v',
    '3',
    '-f',
    'mjpeg',
    '-',
  ]);
  return jpeg.toString('base64');
}

test("every antispoof still in the plugin's workers: live success, print and screens declined, within 0.02 of the server", async ({
  host,
}) => {
  test.setTimeout(120_000);
  const { browser, page } = await pageFor('screen', host);
  try {
    await page.goto(hostPage());
    for (const still of Object.keys(ANTISPOOF_STILLS) as AntispoofStill[]) {
      const jpeg = frameJpeg(still);
      const verdict = await scoreInWorkers(page, jpeg);
      const device = 1 - (verdict.frames[0]?.real ?? Number.NaN);
      const server = await serverSpoofConfidence([`data:image/jpeg;base64,${jpeg}`]);
      console.log(
        `[agreement] ${still}: device ${device.toFixed(4)} server ${server.toFixed(4)} (${verdict.backend})`,
      );
      expect(verdict.box, still).not.toBeNull();
      expect(device >= 0.5 ? 'declined' : 'success', still).toBe(EXPECTED[still]);
      expect(Math.abs(device - server), still).toBeLessThanOrEqual(0.02);
    }
  } finally {
    await browser.close();
  }
});

test('a cross-origin isolated page gets threads; the WebGPU build falls back to wasm without an adapter; same scores', async ({
  host,
}) => {
  test.setTimeout(90_000);
  const { browser, page, urls } = await pageFor('screen', host);
  try {
    await page.goto(hostPage(undefined, { isolated: true }));
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    const jpeg = frameJpeg('live');
    const verdict = await scoreInWorkers(page, jpeg);
    expect(verdict.backend).toBe('wasm');
    expect(verdict.threads).toBeGreaterThanOrEqual(2);
    const server = await serverSpoofConfidence([`data:image/jpeg;base64,${jpeg}`]);
    expect(Math.abs(1 - (verdict.frames[0]?.real ?? Number.NaN) - server)).toBeLessThanOrEqual(0.02);
    // Headless Chromium with --disable-gpu offers no WebGPU adapter: the fallback inside the WebGPU build.
    const gpu = await scoreInWorkers(page, jpeg, 1, 'webgpu');
    expect(gpu.backend).toBe('wasm');
    expect(urls.some((u) => u.endsWith('/assets/ort/ort-wasm-simd-threaded.asyncify.wasm'))).toBe(true);
    expect(Math.abs(1 - (gpu.frames[0]?.real ?? Number.NaN) - server)).toBeLessThanOrEqual(0.02);
  } finally {
    await browser.close();
  }
});
