import { execFileSync } from 'node:child_process';
import { test as base } from '@playwright/test';
import { openWith, waitForEvent } from './support/demo.js';
import { expect, launchCamera } from './support/fixtures.js';
import { type HostServer, hostPage, startHost } from './support/host.js';
import { serverSpoofConfidence } from './support/server-liveness.js';
import { type AntispoofStill, stillClip, stillSource } from './support/still-clips.js';
import { inWorkers } from './support/worker-harness.js';

// A software WebGPU adapter: Chromium's SwiftShader fallback, handed out on a secure page (http://127.0.0.1 is
// one) with these flags, also beside --disable-gpu (launchCamera sets it). docs/on-device.md has what was seen.
const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

const test = base.extend<object, { host: HostServer }>({
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

function frameJpeg(still: AntispoofStill): string {
  const vf = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2';
  return execFileSync('ffmpeg', [
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
  ]).toString('base64');
}

test('the WebGPU build runs on a WebGPU adapter: backend webgpu, within 0.02 of the wasm backend', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const browser = await launchCamera(null, WEBGPU_FLAGS);
  try {
    const page = await browser.newPage();
    await page.goto(new URL(hostPage(), host.url).href);
    const adapter = await page.evaluate(async () => {
      const gpu = (
        navigator as Navigator & {
          gpu?: { requestAdapter(): Promise<{ info?: { architecture?: string } } | null> };
        }
      ).gpu;
      const a = await gpu?.requestAdapter();
      return { secure: isSecureContext, architecture: a ? (a.info?.architecture ?? '?') : null };
    });
    expect(adapter).toEqual({ secure: true, architecture: 'swiftshader' });
    const stills: AntispoofStill[] = ['live', 'print', 'screen'];
    const jpegs = stills.map(frameJpeg);
    const gpu = await inWorkers(page, jpegs, { build: 'webgpu', settle: 1 });
    const wasm = await inWorkers(page, jpegs, { build: 'wasm', settle: 1 });
    console.log(
      `[webgpu] init ${gpu.initMs.toFixed(0)} ms (smoke inference included), per frame ${gpu.scoreMs.map((m) => m.toFixed(0)).join(', ')} ms`,
    );
    expect(gpu.backend).toBe('webgpu');
    expect(wasm.backend).toBe('wasm');
    for (const [i, still] of stills.entries()) {
      const g = gpu.frames[i]?.score;
      const w = wasm.frames[i]?.score;
      console.log(`[webgpu] ${still}: webgpu ${g?.real} wasm ${w?.real}`);
      expect(g?.box, still).toBe('detector');
      expect(Math.abs((g?.real ?? 2) - (w?.real ?? -2)), still).toBeLessThanOrEqual(0.02);
    }
  } finally {
    await browser.close();
  }
});

test('a capture with on_device on a WebGPU adapter uses the WebGPU build and agrees with the server', async ({
  host,
}) => {
  test.setTimeout(180_000);
  const browser = await launchCamera(stillClip('screen'), WEBGPU_FLAGS);
  try {
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, baseURL: host.url });
    const page = await context.newPage();
    const urls: string[] = [];
    context.on('request', (r) => urls.push(r.url()));
    await page.goto(hostPage());
    await openWith(page, { action: ['video_selfie_blank'], on_device: true });
    const capture = (await waitForEvent(page, 'on_capture_complete', 150_000)).data as {
      on_device?: { resolution: string; confidence_spoofing: number };
      frame_list: string[] | null;
      from_virtual_camera: { frame_list: string[] } | null;
    };
    console.log(`[webgpu] capture on_device ${JSON.stringify(capture.on_device)}`);
    // The WebGPU build, and no fallback to the wasm build.
    expect(urls.some((u) => u.endsWith('/plugin/ondevice_worker_webgpu.js'))).toBe(true);
    expect(urls.some((u) => u.endsWith('/plugin/ondevice_worker.js'))).toBe(false);
    expect(capture.on_device?.resolution).toBe('declined');
    const frames = capture.frame_list ?? capture.from_virtual_camera?.frame_list ?? [];
    const server = await serverSpoofConfidence(frames);
    expect(Math.abs((capture.on_device?.confidence_spoofing ?? 2) - server)).toBeLessThanOrEqual(0.02);
  } finally {
    await browser.close();
  }
});
