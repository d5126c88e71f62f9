import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../api-client/errors.js';
import type { OzApiClient, OzFolder } from '../api-client/index.js';
import { startTestAdapter, type TestAdapter, testConfig } from '../testing/app.js';

/** An analysis API that knows a few folders by transaction_id (only findFolderByMeta is used here). */
function apiWith(folders: Record<string, OzFolder>): OzApiClient {
  const api: Pick<OzApiClient, 'findFolderByMeta'> = {
    findFolderByMeta: async (key, value) => ok(key === 'transaction_id' ? (folders[value] ?? null) : null),
  };
  return api as OzApiClient;
}

const demo = { source: 'demo_page' };
const quality = (state: string, resolution_status: string) => ({
  analysis_id: 'a',
  type: 'QUALITY',
  state,
  resolution_status,
});

describe('GET /api/v1/demo/verdicts/:transaction_id', () => {
  let adapter: TestAdapter;
  let capture: TestAdapter;
  beforeAll(async () => {
    const folders: Record<string, OzFolder> = {
      pass: { folder_id: 'f1', meta_data: demo, analyses: [quality('FINISHED', 'SUCCESS')] },
      fail: { folder_id: 'f2', meta_data: demo, analyses: [quality('FINISHED', 'DECLINED')] },
      busy: { folder_id: 'f3', meta_data: demo, analyses: [quality('PROCESSING', 'PROCESSING')] },
      shop: { folder_id: 'f4', meta_data: { source: 'shop' }, analyses: [quality('FINISHED', 'SUCCESS')] },
    } as Record<string, OzFolder>;
    adapter = await startTestAdapter(testConfig({}), apiWith(folders));
    capture = await startTestAdapter(testConfig({ architecture: 'capture' }), undefined);
  });
  afterAll(async () => {
    await adapter?.close();
    await capture?.close();
  });
  const get = async (base: string, id: string) => {
    const res = await fetch(`${base}/api/v1/demo/verdicts/${id}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('decides from the folder: passed only when every analysis succeeded, null while one runs', async () => {
    expect(await get(adapter.url, 'pass')).toEqual({
      status: 200,
      body: {
        transaction_id: 'pass',
        state: 'finished',
        passed: true,
        analyses: { quality: { state: 'finished', resolution: 'success' } },
      },
    });
    expect((await get(adapter.url, 'fail')).body).toMatchObject({ state: 'finished', passed: false });
    expect((await get(adapter.url, 'busy')).body).toMatchObject({ state: 'processing', passed: null });
  });

  it("answers only the demo page's folders, and says why it does not answer", async () => {
    expect(await get(adapter.url, 'shop')).toMatchObject({
      status: 404,
      body: { code: 'verdict_not_found' },
    });
    expect(await get(adapter.url, 'nobody')).toMatchObject({
      status: 404,
      body: { code: 'verdict_not_found' },
    });
    expect(await get(adapter.url, 'a%20b')).toMatchObject({
      status: 400,
      body: { code: 'invalid_transaction_id' },
    });
    expect(await get(capture.url, 'pass')).toMatchObject({
      status: 409,
      body: { code: 'demo_verdict_unavailable' },
    });
  });
});
