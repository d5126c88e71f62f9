import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderView } from '../src/domain/serialize.js';
import { type AnalysisService, createAnalysisService, REQUIRED_MODEL_FILES } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { SqliteMetadataStore } from '../src/storage/sqlite.js';
import { assetsPresent, FIXTURES_DIR, MODELS_DIR } from './helpers/env.js';
import { listen } from './helpers/server.js';

/*
 * Result reads are answered from the hot-state cache. Here the real service runs real analyses on
 * several folders at once; then every folder read over the API (cache) must equal the same folder
 * built from a second, independent connection to the SQLite file (the durable truth).
 */
const available = assetsPresent(
  'analysis cache tests',
  REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
);
const USER = { email: 'cache@example.test', password: 'pw' };
type Json = Record<string, unknown>;

describe.skipIf(!available)('hot-state cache', () => {
  let dataDir: string;
  let service: AnalysisService;
  let base: string;
  let stop: () => Promise<void>;
  let token: string;

  const api = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: Json }> => {
    const headers = new Headers(init.headers);
    if (token) headers.set('X-Forensic-Access-Token', token);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    const res = await fetch(`${base}${path}`, { ...init, headers });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ol-cache-'));
    service = await createAnalysisService({
      dataDir,
      modelsDir: MODELS_DIR,
      users: [USER],
      maxFramesPerMedia: 2,
      concurrency: 2,
      logger: silentLogger,
    });
    const server = await listen(service.app);
    base = server.url;
    stop = server.close;
    const auth = await api('/api/authorize/auth', {
      method: 'POST',
      body: JSON.stringify({ credentials: USER }),
    });
    token = auth.body.access_token as string;
  });

  afterAll(async () => {
    await stop?.();
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves folder reads from the cache that equal the stored records, during and after analysis', async () => {
    const face = readFileSync(join(FIXTURES_DIR, 'images/person_b_intel_female_frontal.png'));
    const zip = new JSZip();
    zip.file('000.png', face);
    zip.file('001.png', face);
    const shots = await zip.generateAsync({ type: 'uint8array' });
    const folderIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const form = new FormData();
      form.append('video1', new Blob([shots], { type: 'application/zip' }), 'shots.zip');
      form.append('photo1', new Blob([face], { type: 'image/png' }), 'face.png');
      form.append('payload', JSON.stringify({ 'folder:meta_data': { n: String(i) } }));
      const created = await api('/api/folders/', { method: 'POST', body: form });
      expect(created.status).toBe(201);
      folderIds.push(created.body.folder_id as string);
    }
    // Launch quality + biometry on every folder at once, and read while they run.
    for (const id of folderIds) {
      const launched = await api(`/api/folders/${id}/analyses/`, {
        method: 'POST',
        body: JSON.stringify({ analyses: [{ type: 'QUALITY' }, { type: 'BIOMETRY' }] }),
      });
      expect(launched.status).toBe(201);
    }
    const sawProcessing = (await api(`/api/folders/${folderIds[2]}/`)).body.analyses as Json[];
    expect(sawProcessing.some((a) => a.state === 'PROCESSING')).toBe(true);
    const finished = async (id: string) => {
      for (let i = 0; i < 600; i++) {
        const { body } = await api(`/api/folders/${id}/`);
        const analyses = body.analyses as Json[];
        if (analyses.length === 2 && analyses.every((a) => a.state !== 'PROCESSING')) return body;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`folder ${id} did not finish`);
    };
    const cached = await Promise.all(folderIds.map(finished));

    const truth = new SqliteMetadataStore(join(dataDir, 'analysis.sqlite'));
    try {
      for (const [i, id] of folderIds.entries()) {
        const folder = await truth.getFolder(id);
        if (!folder) throw new Error('folder missing in SQLite');
        const stored = folderView(folder, await truth.listMedia(id), await truth.listAnalyses(id), {
          baseUrl: '',
          withAnalyses: true,
        });
        expect(cached[i]).toEqual(JSON.parse(JSON.stringify(stored)));
        // Both analyses really ran (a best shot was stored as an output media item).
        const analyses = cached[i]?.analyses as Json[];
        expect(analyses.map((a) => a.state)).toEqual(['FINISHED', 'FINISHED']);
        // The per-analysis endpoint (read from SQLite) agrees with the cached folder.
        for (const a of analyses) {
          expect((await api(`/api/analyses/${a.analysis_id as string}`)).body).toEqual(a);
        }
      }
    } finally {
      await truth.close();
    }
  }, 120_000);
});
