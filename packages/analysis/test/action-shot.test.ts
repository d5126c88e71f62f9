import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisService, createAnalysisService, REQUIRED_MODEL_FILES } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { assetsPresent, FIXTURES_DIR, MODELS_DIR } from './helpers/env.js';
import { listen } from './helpers/server.js';

const NEUTRAL = join(FIXTURES_DIR, 'images', 'person_d_liveportrait_d13_neutral.jpg');
const SMILE = join(FIXTURES_DIR, 'images', 'person_d_liveportrait_d13_smile.jpg');
const available = assetsPresent('action shot tests', [
  NEUTRAL,
  SMILE,
  ...REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
]);
type Json = Record<string, unknown>;

describe.skipIf(!available)('extract_action_shot (quality)', () => {
  const USER = { email: 'shots@example.test', password: 'pw' };
  let dataDir: string;
  let service: AnalysisService;
  let base: string;
  let stop: () => Promise<void>;
  let token = '';

  const api = async (path: string, init: RequestInit = {}): Promise<Json> => {
    const headers = new Headers(init.headers);
    if (token) headers.set('X-Forensic-Access-Token', token);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    return (await (await fetch(`${base}${path}`, { ...init, headers })).json()) as Json;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ol-shots-'));
    service = await createAnalysisService({
      dataDir,
      modelsDir: MODELS_DIR,
      users: [USER],
      logger: silentLogger,
    });
    const server = await listen(service.app);
    base = server.url;
    stop = server.close;
    token = (
      await api('/api/authorize/auth', { method: 'POST', body: JSON.stringify({ credentials: USER }) })
    ).access_token as string;
  }, 60_000);

  afterAll(async () => {
    await stop?.();
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function quality(params: Json): Promise<Json> {
    const zip = new JSZip();
    const small = (p: string) => sharp(readFileSync(p)).resize({ width: 360 }).jpeg().toBuffer();
    zip.file('000.jpg', await small(NEUTRAL));
    zip.file('001.jpg', await small(SMILE));
    zip.file('002.jpg', await small(NEUTRAL));
    const form = new FormData();
    form.append(
      'v',
      new Blob([await zip.generateAsync({ type: 'uint8array' })], { type: 'application/zip' }),
      'v.zip',
    );
    form.append('payload', JSON.stringify({ 'media:tags': { v: ['video_selfie', 'video_selfie_smile'] } }));
    const folder = await api('/api/folders/', { method: 'POST', body: form });
    const [launched] = (await api(`/api/folders/${folder.folder_id as string}/analyses/`, {
      method: 'POST',
      body: JSON.stringify({ analyses: [{ type: 'quality', params }] }),
    })) as unknown as Json[];
    for (;;) {
      const a = await api(`/api/analyses/${launched?.analysis_id as string}`);
      if (a.state !== 'PROCESSING') return a;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('keeps the smiling frame as the action shot, next to the best shot', { timeout: 120_000 }, async () => {
    const on = await quality({ extract_action_shot: true });
    expect(on).toMatchObject({ state: 'FINISHED', confs: { extract_action_shot: true } });
    const media = (on.results_media as Json[])[0] as Json;
    expect((media.results_data as Json).action_shot).toMatchObject({
      frame: '001.jpg',
      measure: 'mouth_width',
    });
    expect(media.output_images as Json[]).toHaveLength(2);

    const off = await quality({});
    const offMedia = (off.results_media as Json[])[0] as Json;
    expect((offMedia.results_data as Json).action_shot).toBeUndefined();
    expect(offMedia.output_images as Json[]).toHaveLength(1);
  });
});
