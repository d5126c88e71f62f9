import { startAdapter, TRUSTED_FAKE_CAMERA } from './support/adapter.js';
import { demoEvents, openWith, waitForEvent } from './support/demo.js';
import { expect, test } from './support/fixtures.js';
import { hostPage } from './support/host.js';

test.use({ clip: 'neutral_frontal' });

test('lite architecture on the embedded Instant API: capture → upload → on_complete finished', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const adapter = await startAdapter({
    ...TRUSTED_FAKE_CAMERA,
    OZ_ADAPTER_ARCHITECTURE: 'lite',
    OZ_ADAPTER_RESULT_MODE: 'status',
  });
  try {
    // The integrator's page, on an origin of its own, wired to this adapter.
    await page.goto(hostPage(adapter.url));
    await openWith(page, { action: ['video_selfie_blank'] });
    const complete = (await waitForEvent(page, 'on_complete', 90_000)).data as {
      state: string;
      analyses?: Record<string, { state: string; resolution: string }>;
    };
    await waitForEvent(page, 'on_close', 10_000);
    const order = (await demoEvents(page)).map((e) => e.name).filter((n) => n !== 'on_result');
    expect(order).toEqual(['on_capture_complete', 'on_submit', 'on_complete', 'on_close']);
    expect(complete.state).toBe('finished');
    // The real models answered inside the one Instant request: a real face is accepted.
    expect(complete.analyses?.quality).toEqual(
      expect.objectContaining({ state: 'finished', resolution: 'success' }),
    );
    // The Instant API keeps nothing: the adapter logged the call, and no folder was created to poll.
    expect(adapter.logs.join('')).toContain('capture submitted');
  } finally {
    await adapter.stop(test.info().outputPath('adapter.log'));
  }
});
