import { startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { hostPage } from './support/host.js';

test.use({ clip: 'neutral_frontal' });

interface Media {
  frame_list: string[] | null;
  best_frame: string | null;
  additional_info?: string;
}

test('strict defaults: Chromium’s fake camera is flagged and the from_virtual_camera shape is produced', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const adapter = await startAdapter({ OZ_ADAPTER_ARCHITECTURE: 'capture' });
  try {
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    const r = (await waitForEvent(page, 'on_capture_complete', 60_000)).data as Media & {
      from_virtual_camera: (Media & { additional_info: string }) | null;
    };
    expect(r.best_frame).toBeNull();
    expect(r.frame_list).toBeNull();
    expect('additional_info' in r).toBe(false);
    expect(r.from_virtual_camera).not.toBeNull();
    expect(r.from_virtual_camera?.frame_list?.length).toBeGreaterThanOrEqual(10);
    const info = JSON.parse(r.from_virtual_camera?.additional_info ?? '{}') as {
      virtual_camera_suspected: boolean;
      verdict?: { reasons: string[] };
    };
    expect(info.virtual_camera_suspected).toBe(true);
    expect(JSON.stringify(info)).toContain('fake_device_label');
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});

test('a camera that never arrives ends in on_error get_user_media_timeout', async ({ page }) => {
  await page.addInitScript(() => {
    // The permission prompt that nobody answers: getUserMedia never settles.
    navigator.mediaDevices.getUserMedia = () => new Promise<MediaStream>(() => undefined);
  });
  await page.goto('/');
  const started = Date.now();
  await openWith(page, { action: ['video_selfie_blank'], get_user_media_timeout: 1500 });
  const error = (await waitForEvent(page, 'on_error', 20_000)).data as { code: string; retryable: boolean };
  expect(error.code).toBe('get_user_media_timeout');
  expect(error.retryable).toBe(true);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  await expect(page.locator('[data-oz-liveness] [data-error]')).toHaveAttribute(
    'data-error',
    'error_camera_timeout_title',
  );
});

test('sealed container (normal architecture): the capture travels as one encrypted container and is analysed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_USE_WASM_CONTAINER: 'true',
    OZ_ADAPTER_RESULT_MODE: 'status',
  });
  try {
    const uploads: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && /\/api\/v1\/sessions\/[^/]+\/(media|container)$/.test(req.url())) {
        uploads.push(`${req.url().split('/').pop()} ${req.headers()['content-type'] ?? ''}`);
      }
    });
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    const complete = (await waitForEvent(page, 'on_complete', 60_000)).data as {
      state: string;
      analyses: Record<string, { state: string; resolution: string }>;
    };
    expect(complete.state).toBe('finished');
    expect(complete.analyses.quality?.state).toBe('finished');
    expect(uploads).toEqual(['container application/octet-stream']);
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});

test('sealed container (capture architecture): the page receives one opaque blob instead of frames', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_ARCHITECTURE: 'capture',
    OZ_ADAPTER_USE_WASM_CONTAINER: 'true',
  });
  try {
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    await waitForEvent(page, 'on_close', 60_000);
    const captures = await page.evaluate(async () => {
      const events = (window as unknown as { demoEvents: Array<{ name: string; data: unknown }> }).demoEvents;
      return Promise.all(
        events
          .filter((e) => e.name === 'on_capture_complete')
          .map(async (e) => {
            if (!(e.data instanceof Blob)) return { blob: false, type: '', size: 0, magic: '' };
            const head = new Uint8Array(await e.data.slice(0, 4).arrayBuffer());
            return { blob: true, type: e.data.type, size: e.data.size, magic: String.fromCharCode(...head) };
          }),
      );
    });
    expect(captures).toHaveLength(1);
    expect(captures[0]).toMatchObject({ blob: true, type: 'application/octet-stream' });
    expect(captures[0]?.size).toBeGreaterThan(50_000);
    // The container starts with its own magic, not a readable JPEG or ZIP.
    expect(captures[0]?.magic).toBe('OLSC');
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});

test('devtools_reaction block: a docked devtools panel stops the session with integrity_blocked', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const adapter = await startAdapter({ ...TRUSTED_FAKE_CAMERA, OZ_ADAPTER_DEVTOOLS_REACTION: 'block' });
  try {
    // What a docked devtools panel does to the window: the outer window is much wider than the page.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'outerWidth', { get: () => window.innerWidth + 420 });
    });
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    const error = (await waitForEvent(page, 'on_error', 60_000)).data as { code: string };
    expect(error.code).toBe('integrity_blocked');
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});

test('strict defaults, normal architecture: the evidence travels to the analysis service, which declines', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // No trusted test devices: the fake camera is a virtual camera, and the server decides on that evidence.
  const adapter = await startAdapter({ OZ_ADAPTER_RESULT_MODE: 'status' });
  try {
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    const complete = (await waitForEvent(page, 'on_complete', 60_000)).data as {
      analyses: Record<string, { state: string; resolution: string }>;
    };
    expect(complete.analyses.quality).toEqual({ state: 'finished', resolution: 'declined' });
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});
