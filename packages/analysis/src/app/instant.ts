import type { User } from '../auth/users.js';
import { type ApiError, apiError, err, ok, type Result } from '../domain/errors.js';
import type { JsonObject } from '../domain/types.js';
import { AnalysisRunner, type RunnerDeps } from '../jobs/runner.js';
import { openEphemeralStorage } from '../storage/ephemeral.js';
import { FolderService } from './folders.js';
import type { FolderPayload } from './schemas.js';
import type { UploadedFile } from './uploads.js';

export type InstantRunnerDeps = Omit<RunnerDeps, 'storage' | 'inlineOutputs'>;

export interface InstantService {
  create(
    user: User,
    files: readonly UploadedFile[],
    payload: FolderPayload,
  ): Promise<Result<JsonObject, ApiError>>;
  /** Resolves once every request being answered has its answer (close() waits for this). */
  idle(): Promise<void>;
}

/**
 * The Instant API (analysis-api.md §5.2): `POST /api/instant/folders/` runs the payload's analyses on
 * the uploaded media and answers with the finished folder, like single-request mode, but nothing is
 * stored: each request gets its own in-memory storage, dropped once the answer is built. Ids in the
 * answer are temporary; best shots travel inline as `image_b64`. A webhook (`resolution_endpoint`)
 * is refused, since there is no folder left to report on.
 */
export function createInstantService(deps: InstantRunnerDeps): InstantService {
  const inFlight = new Set<Promise<unknown>>();
  async function answer(
    user: User,
    files: readonly UploadedFile[],
    payload: FolderPayload,
  ): Promise<Result<JsonObject, ApiError>> {
    if (payload.resolution_endpoint !== undefined)
      return err(apiError('INVALID_VALUE', 'resolution_endpoint is not available in the Instant API'));
    if (files.length === 0) return err(apiError('INVALID_STRUCTURE', 'No media files in request'));
    const storage = openEphemeralStorage();
    try {
      const runner = new AnalysisRunner({ ...deps, storage, inlineOutputs: true });
      const folders = new FolderService({ storage, runner, baseUrl: deps.baseUrl });
      const created = await folders.create(user, files, payload);
      return created.ok ? ok(created.value) : created;
    } finally {
      await storage.close();
    }
  }
  return {
    create(user, files, payload) {
      const run = answer(user, files, payload);
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
      return run;
    },
    async idle() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
