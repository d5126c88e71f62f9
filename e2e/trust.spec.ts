import { startAdapter } from './support/adapter.js';
import { openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';

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
    await page.goto(adapter.url);
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
    await adapter.stop();
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
