import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFolderReader } from '../results/local-folders.js';
import { startSession, startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';
import { assetsPresent, FACE_IMAGE, REAL_ASSETS } from '../testing/assets.js';
import { buildShotSet, faceJpeg, uploadForm } from '../testing/capture.js';
import { type RealAnalysis, startRealAnalysis } from '../testing/real-analysis.js';

/*
 * Result reads from the embedded service's hot state (in process, no HTTP) must answer exactly what
 * the API answers. Two adapters share the session secret and the real analysis service: one reads
 * results in process, the other through the API. Every poll of the same session is compared.
 */
const present = assetsPresent('adapter in-process result reads (real models)', REAL_ASSETS);

describe.skipIf(!present)('in-process result reads', () => {
  let real: RealAnalysis;
  let local: TestAdapter;
  let viaApi: TestAdapter;
  let shotSet: Buffer;

  beforeAll(async () => {
    real = await startRealAnalysis();
    const config = testConfig({ result_mode: 'full' });
    local = await startTestAdapter(config, real.api, {
      localFolders: localFolderReader(real.service.readFolder),
    });
    viaApi = await startTestAdapter(config, real.api);
    const face = await faceJpeg(FACE_IMAGE);
    shotSet = await buildShotSet({ action: 'video_selfie_blank', frames: [face, face] });
  }, 60_000);

  afterAll(async () => {
    await local?.close();
    await viaApi?.close();
    await real?.close();
  });

  it('answers every poll, processing and finished, exactly like the API path', async () => {
    const session = await startSession(local.url, { actions: ['video_selfie_blank'] });
    const upload = await fetch(`${local.url}/api/v1/sessions/${session.json.session}/media`, {
      method: 'POST',
      body: uploadForm([{ field: 'video1', action: 'video_selfie_blank', kind: 'shots_set', data: shotSet }]),
    });
    const accepted = (await upload.json()) as Record<string, unknown>;
    expect(upload.status, JSON.stringify(accepted)).toBe(202);
    const read = async (adapter: TestAdapter) => {
      const res = await fetch(`${adapter.url}/api/v1/sessions/${accepted.session}/result`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    for (let i = 0; i < 200; i++) {
      const fromApi = await read(viaApi);
      const fromCache = await read(local);
      // The folder may finish between the two reads; then the next round compares again.
      if (fromApi.body.state === fromCache.body.state) expect(fromCache).toEqual(fromApi);
      if (fromCache.body.state === 'finished' && fromApi.body.state === 'finished') {
        expect(fromCache.body.analyses).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'QUALITY', state: 'FINISHED' })]),
        );
        // The raw folder too: the in-process body equals the API's GET /api/folders/{id}.
        const folderId = fromCache.body.folder_id as string;
        const direct = await real.api.getFolder(folderId);
        expect(direct.ok).toBe(true);
        if (direct.ok)
          expect(await localFolderReader(real.service.readFolder)(folderId)).toEqual(direct.value);
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('analysis did not finish');
  }, 120_000);

  it('leaves an unknown folder to the API', async () => {
    expect(await localFolderReader(real.service.readFolder)('no-such-folder')).toBeUndefined();
  });
});
