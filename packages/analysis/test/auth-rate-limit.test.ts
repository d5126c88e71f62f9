import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisService, createAnalysisService, REQUIRED_MODEL_FILES } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { assetsPresent, MODELS_DIR } from './helpers/env.js';
import { listen } from './helpers/server.js';

const available = assetsPresent(
  'analysis auth rate limit',
  REQUIRED_MODEL_FILES.map((f) => join(MODELS_DIR, f)),
);

describe.skipIf(!available)('login rate limit of the analysis service', () => {
  let dataDir: string;
  let service: AnalysisService;
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ol-auth-limit-'));
    service = await createAnalysisService({
      dataDir,
      modelsDir: MODELS_DIR,
      users: [{ email: 'ops@example.test', password: 'right' }],
      authRateLimit: { windowMs: 60_000, limit: 3 },
      logger: silentLogger,
    });
    const server = await listen(service.app);
    base = server.url;
    stop = server.close;
  }, 60_000);

  afterAll(async () => {
    await stop?.();
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const login = (password: string) =>
    fetch(`${base}/api/authorize/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: { email: 'ops@example.test', password } }),
    });

  it('answers guessing beyond the limit with 429 rate_limited, even for the right password', async () => {
    const first = await Promise.all([login('wrong'), login('wrong'), login('wrong')]);
    expect(first.map((r) => r.status).every((s) => s !== 429)).toBe(true);
    const over = await login('right');
    expect(over.status).toBe(429);
    const body = (await over.json()) as { details?: { code?: string } };
    expect(body.details?.code).toBe('rate_limited');
    expect(over.headers.get('ratelimit-policy') ?? over.headers.get('ratelimit')).toBeTruthy();
  });
});
