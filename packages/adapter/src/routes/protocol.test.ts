import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OzApiClient } from '../api-client/index.js';
import type { ResultMode } from '../config/index.js';
import { startSession, startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceFrames, uploadForm } from '../testing/capture.js';
import { type RealAnalysis, startRealAnalysis } from '../testing/real-analysis.js';

/*
 * The protocol end to end against the REAL embedded analysis service and models: session → upload of
 * a shot set built from a fixture face → 202 → poll → finished with a real quality verdict.
 */
const present = assetsPresent('adapter protocol (real models)', REAL_ASSETS);

describe.skipIf(!present)('protocol against the embedded analysis service', () => {
  let real: RealAnalysis;
  let api: OzApiClient;
  let shotSet: Buffer;

  beforeAll(async () => {
    real = await startRealAnalysis();
    api = real.api;
    shotSet = await buildShotSet({
      action: 'video_selfie_blank',
      frames: await faceFrames(FACE_IMAGE, 3),
      additionalInfo: JSON.stringify({ virtual_camera_suspected: false }),
    });
  }, 60_000);

  afterAll(async () => {
    await real?.close();
  });

  async function runCapture(
    adapter: TestAdapter,
  ): Promise<{ first: string; accepted: Record<string, unknown>; final: Record<string, unknown> }> {
    const session = await startSession(adapter.url, {
      actions: ['video_selfie_blank'],
      meta: { transaction_id: 'tx-1' },
    });
    expect(session.status).toBe(200);
    const upload = await fetch(`${adapter.url}/api/v1/sessions/${session.json.session}/media`, {
      method: 'POST',
      body: uploadForm([{ field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: shotSet }]),
    });
    const accepted = (await upload.json()) as Record<string, unknown>;
    expect(upload.status, JSON.stringify(accepted)).toBe(202);
    expect(accepted.state).toBe('processing');
    expect(typeof accepted.session).toBe('string');
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${adapter.url}/api/v1/sessions/${accepted.session}/result`);
      const body = (await res.json()) as Record<string, unknown>;
      expect(res.status, JSON.stringify(body)).toBe(200);
      if (body.state === 'finished') return { first: String(session.json.session), accepted, final: body };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('analysis did not finish');
  }

  const modes: ResultMode[] = ['safe', 'status', 'folder', 'full'];
  for (const mode of modes) {
    it(`result_mode ${mode}: session → upload → 202 → finished with a real quality verdict`, async () => {
      const adapter = await startTestAdapter(testConfig({ result_mode: mode }), api);
      try {
        const { accepted, final } = await runCapture(adapter);
        // The folder behind the session, read directly: quality really ran and decided.
        const folderId =
          (accepted.folder_id as string | undefined) ?? (final.folder_id as string | undefined);
        if (mode === 'safe' || mode === 'status') {
          expect(accepted.folder_id).toBeUndefined();
          expect(final.folder_id).toBeUndefined();
        } else {
          expect(folderId).toMatch(/\S/);
        }
        if (mode === 'safe') expect(Object.keys(final)).toEqual(['state']);
        if (mode === 'status' || mode === 'folder') {
          expect(final.analyses).toEqual({ quality: { state: 'finished', resolution: 'success' } });
        }
        if (mode === 'full') {
          const analyses = final.analyses as { type: string; resolution_status: string }[];
          expect(analyses.map((a) => [a.type.toLowerCase(), a.resolution_status])).toEqual([
            ['quality', 'SUCCESS'],
          ]);
          expect(final.meta_data).toMatchObject({ transaction_id: 'tx-1' });
        }
        const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
        expect(metrics).toMatch(/liveness_uploads_total\{outcome="accepted",code=""\} 1/);
        expect(metrics).toMatch(/liveness_analyses_total\{type="quality",resolution="success"\} 1/);
      } finally {
        await adapter.close();
      }
    }, 60_000);
  }

  it('refuses a second upload in the same session and an unknown session', async () => {
    const adapter = await startTestAdapter(testConfig({}), api);
    try {
      const { first, accepted } = await runCapture(adapter);
      // Neither the token returned after the upload nor the session's original token may upload again.
      for (const token of [String(accepted.session), first]) {
        const again = await fetch(`${adapter.url}/api/v1/sessions/${token}/media`, {
          method: 'POST',
          body: uploadForm([
            { field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: shotSet },
          ]),
        });
        expect(again.status).toBe(409);
        expect(await again.json()).toMatchObject({ code: 'session_already_uploaded' });
      }
      const forged = await fetch(`${adapter.url}/api/v1/sessions/ols2.e30.AAAA.AAAA/result`);
      expect(forged.status).toBe(401);
      expect(await forged.json()).toMatchObject({ code: 'session_invalid' });
    } finally {
      await adapter.close();
    }
  }, 60_000);
});
