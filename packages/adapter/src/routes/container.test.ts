import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OzApiClient } from '../api-client/index.js';
import { startSession, startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceFrames, uploadForm } from '../testing/capture.js';
import { postContainer, sealClips } from '../testing/container.js';
import { type RealAnalysis, startRealAnalysis } from '../testing/real-analysis.js';

/*
 * The sealed container end to end against the REAL embedded analysis service: session (key + token)
 * → seal frames of a fixture face the way the plugin does → /container → 202 → finished verdict.
 */
const present = assetsPresent('adapter sealed container (real models)', REAL_ASSETS);
const ACTION = 'video_selfie_blank';

describe.skipIf(!present)('sealed container against the embedded analysis service', () => {
  let real: RealAnalysis;
  let api: OzApiClient;
  let frames: Buffer[];

  beforeAll(async () => {
    real = await startRealAnalysis();
    api = real.api;
    frames = await faceFrames(FACE_IMAGE, 3);
  }, 60_000);

  afterAll(async () => {
    await real?.close();
  });

  async function finished(adapter: TestAdapter, session: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${adapter.url}/api/v1/sessions/${session}/result`);
      const body = (await res.json()) as Record<string, unknown>;
      expect(res.status, JSON.stringify(body)).toBe(200);
      if (body.state === 'finished') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('analysis did not finish');
  }

  it('api mode: seal → 202 → finished verdict; a tampered try first does not burn the token; replay is 409', async () => {
    const adapter = await startTestAdapter(
      testConfig({ use_wasm_container: true, result_mode: 'full' }),
      api,
    );
    try {
      const s = await startSession(adapter.url, { actions: [ACTION], meta: { transaction_id: 'tx-c' } });
      expect(s.status).toBe(200);
      const session = s.json.session as string;
      const bytes = await sealClips(
        [
          {
            action: ACTION,
            frames,
            additionalInfo: '{"virtual_camera_suspected":false}',
          },
        ],
        s.json.session_token as string,
        s.json.container_public_key as string,
        { order: 'o-1' },
      );
      const tampered = Uint8Array.from(bytes);
      tampered[200] = (tampered[200] ?? 0) ^ 0x80;
      expect((await postContainer(adapter.url, session, tampered)).body).toMatchObject({
        code: 'container_tampered',
      });

      const accepted = await postContainer(adapter.url, session, bytes);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
      expect(accepted.body.state).toBe('processing');
      const final = await finished(adapter, accepted.body.session as string);
      const analyses = final.analyses as { type: string; resolution_status: string }[];
      expect(analyses.map((a) => [a.type.toLowerCase(), a.resolution_status])).toEqual([
        ['quality', 'SUCCESS'],
      ]);
      expect(final.meta_data).toMatchObject({ transaction_id: 'tx-c', order: 'o-1' });
      // The evidence reached the media as additional_info, and the frames as one shot set.
      const folder = await api.getFolder(final.folder_id as string);
      if (!folder.ok) throw new Error(folder.error.message);
      const stored = JSON.stringify(folder.value);
      expect(stored).toContain('virtual_camera_suspected');
      expect(stored).toMatch(/video_selfie_blank/);

      const replay = await postContainer(adapter.url, session, bytes);
      expect(replay).toMatchObject({ status: 409, body: { code: 'container_replayed' } });
      const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
      expect(metrics).toMatch(/liveness_containers_total\{outcome="opened",code=""\} 1/);
      expect(metrics).toMatch(/liveness_uploads_total\{outcome="accepted",code=""\} 1/);
    } finally {
      await adapter.close();
    }
  }, 60_000);

  it('client mode: the backend fetches the token, the page seals with it → 202 → finished', async () => {
    const key = 'backend-key-for-session-tokens';
    const adapter = await startTestAdapter(
      testConfig({ use_wasm_container: true, api_use_session_token: 'client', session_token_key: key }),
      api,
    );
    try {
      const granted = await fetch(`${adapter.url}/api/authorize/session_token`, {
        headers: { 'x-forensic-access-token': key },
      });
      const { session_token } = (await granted.json()) as { session_token: string };
      const s = await startSession(adapter.url, { actions: [ACTION] });
      const bytes = await sealClips(
        [{ action: ACTION, frames: frames.slice(0, 2) }],
        session_token,
        s.json.container_public_key as string,
      );
      const accepted = await postContainer(adapter.url, s.json.session as string, bytes);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
      expect((await finished(adapter, accepted.body.session as string)).state).toBe('finished');
      const again = await startSession(adapter.url, { actions: [ACTION] });
      expect(await postContainer(adapter.url, again.json.session as string, bytes)).toMatchObject({
        status: 409,
        body: { code: 'container_replayed' },
      });
    } finally {
      await adapter.close();
    }
  }, 60_000);

  it('/media still works when the container is off', async () => {
    const adapter = await startTestAdapter(testConfig({}), api);
    try {
      const s = await startSession(adapter.url, { actions: [ACTION] });
      expect(s.json.use_wasm_container).toBe(false);
      const zip = await buildShotSet({ action: ACTION, frames: frames.slice(0, 2) });
      const upload = await fetch(`${adapter.url}/api/v1/sessions/${s.json.session}/media`, {
        method: 'POST',
        body: uploadForm([{ field: 'video1', action: ACTION, kind: 'shots_set', data: zip }]),
      });
      expect(upload.status).toBe(202);
      const body = (await upload.json()) as { session: string };
      expect((await finished(adapter, body.session)).state).toBe('finished');
    } finally {
      await adapter.close();
    }
  }, 60_000);
});
