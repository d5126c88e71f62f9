import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AnalysisRequest,
  type ApiError,
  type ApiErrorCode,
  type FolderUpload,
  type OzApiClient,
  UPLOAD_ID_META,
} from '../api-client/index.js';
import { type PendingRecord, pendingRecordSchema, pendingRoot, rejectedRoot } from './pending.js';

/** A lock older than this belongs to a replay that died; it is taken over. */
const STALE_LOCK_MS = 10 * 60_000;

/** API errors that say "not now" (the upload stays kept) rather than "never" (it is set aside). */
const STOPS_THE_RUN: ReadonlySet<ApiErrorCode> = new Set([
  'api_unavailable',
  'api_aborted',
  'api_auth_failed',
  'api_no_token',
  'api_bad_response',
  'api_poll_timeout',
]);

export interface ReplayedUpload {
  readonly id: string;
  readonly folderId: string;
  /** The folder already existed (an earlier replay stored it); only what was missing was done. */
  readonly resumed: boolean;
}

export interface SetAsideUpload {
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface ReplayReport {
  /** Sent to the API and removed from `pending/`. */
  readonly replayed: readonly ReplayedUpload[];
  /** Refused by the API for good (4xx) or unreadable: moved to `pending-rejected/` with an error.json. */
  readonly setAside: readonly SetAsideUpload[];
  /** Still in `pending/` after this run (the API failed again, or another replay holds them). */
  readonly remaining: number;
  /** Why the run stopped early, when it did: the API error that makes trying the rest pointless. */
  readonly stoppedBy?: ApiError;
}

export interface ReplayOptions {
  readonly dataDir: string;
  readonly api: OzApiClient;
  readonly now?: () => number;
}

interface ReplayState {
  folder_id?: string;
  launched?: boolean;
}

/** Every kept upload, oldest first: `pending/<session>/<attempt>/` holding a payload.json. */
export async function listPending(dataDir: string): Promise<string[]> {
  const root = pendingRoot(dataDir);
  const out: string[] = [];
  for (const session of (await readdir(root).catch(() => [] as string[])).sort()) {
    const attempts = await readdir(join(root, session)).catch(() => [] as string[]);
    for (const attempt of attempts.sort()) {
      const names = await readdir(join(root, session, attempt)).catch(() => [] as string[]);
      if (names.includes('payload.json')) out.push(`${session}/${attempt}`);
    }
  }
  // Attempt names start with their ISO time: sort across sessions by it.
  return out.sort((a, b) => (a.split('/')[1] ?? '').localeCompare(b.split('/')[1] ?? ''));
}

/**
 * Sends every upload kept in `<dataDir>/pending/` to the API, oldest first, and removes each one
 * that the API now holds (folder created, analyses launched). Idempotent: progress is written next
 * to the upload after each step, a folder stored by an earlier run is found by its metadata, and a
 * lock directory keeps two replays (two adapters, or the command next to a running adapter) off the
 * same upload. The run stops at the first error that says the API is still unusable; uploads the API
 * refuses for good are moved to `pending-rejected/`, so nothing is retried forever or deleted unseen.
 */
export async function replayPending(options: ReplayOptions): Promise<ReplayReport> {
  const now = options.now ?? Date.now;
  const replayed: ReplayedUpload[] = [];
  const setAside: SetAsideUpload[] = [];
  const ids = await listPending(options.dataDir);
  let stoppedBy: ApiError | undefined;
  let remaining = 0;
  for (const id of ids) {
    if (stoppedBy !== undefined) {
      remaining++;
      continue;
    }
    const dir = join(pendingRoot(options.dataDir), id);
    const lock = join(dir, 'replaying.lock');
    if (!(await takeLock(lock, now()))) {
      remaining++;
      continue;
    }
    let keep = true;
    try {
      const outcome = await replayOne(options.api, dir, id, now);
      if (outcome.kind === 'replayed') {
        replayed.push(outcome.upload);
        keep = false;
      } else if (outcome.kind === 'set-aside') {
        await setUploadAside(options.dataDir, id, outcome.problem);
        setAside.push(outcome.problem);
        keep = false;
      } else {
        stoppedBy = outcome.error;
        remaining++;
      }
    } finally {
      if (keep) await rm(lock, { recursive: true, force: true });
    }
    if (!keep) await removeUpload(options.dataDir, id);
  }
  return { replayed, setAside, remaining, ...(stoppedBy ? { stoppedBy } : {}) };
}

type Outcome =
  | { kind: 'replayed'; upload: ReplayedUpload }
  | { kind: 'set-aside'; problem: SetAsideUpload }
  | { kind: 'stop'; error: ApiError };

async function replayOne(api: OzApiClient, dir: string, id: string, now: () => number): Promise<Outcome> {
  const record = await readRecord(dir);
  if (!record.ok)
    return { kind: 'set-aside', problem: { id, code: 'pending_unreadable', message: record.why } };
  const state = await readState(dir);
  const analyses = record.value.analyses as unknown as AnalysisRequest[];
  // An instant (lite) upload carries its analyses in the payload; replayed, it becomes a stored
  // folder, since the page that waited for the instant answer is gone.
  const inPayload = record.value.instant && analyses.length > 0;
  let folderId = state.folder_id ?? record.value.folder_id;
  let launched = state.launched ?? false;
  let resumed = folderId !== undefined;

  if (folderId === undefined) {
    // Before creating, look for the folder an earlier attempt stored (its answer lost, or a replay
    // that stopped before writing its progress): found by the upload's id in the folder metadata.
    const uploadId = record.value.payload['folder:meta_data']?.[UPLOAD_ID_META] ?? id;
    // The folder, if any, was created just before the upload was kept: look back that far, and an hour more.
    const ageS = Math.max(0, (now() - Date.parse(record.value.saved_at)) / 1000);
    const found = await api.findFolderByMeta(UPLOAD_ID_META, uploadId, { maxAgeS: Math.ceil(ageS) + 3600 });
    if (!found.ok && found.error.code === 'api_unavailable') return { kind: 'stop', error: found.error };
    const earlier = found.ok ? (found.value ?? undefined) : undefined;
    if (earlier !== undefined) {
      folderId = earlier.folder_id;
      launched = (earlier.analyses?.length ?? 0) > 0;
      resumed = true;
    } else {
      const upload = await readUpload(dir, record.value, uploadId, inPayload ? analyses : undefined);
      if (!upload.ok)
        return { kind: 'set-aside', problem: { id, code: 'pending_unreadable', message: upload.why } };
      const created = await api.sendFolder(upload.value);
      if (!created.ok) return failure(created.error, id);
      folderId = created.value.folder_id;
      launched = inPayload;
    }
    await writeState(dir, { folder_id: folderId, launched });
  }
  if (!launched && analyses.length > 0) {
    const started = await api.launchAnalyses(folderId, analyses);
    if (!started.ok) return failure(started.error, id);
    await writeState(dir, { folder_id: folderId, launched: true });
  }
  return { kind: 'replayed', upload: { id, folderId, resumed } };
}

function failure(error: ApiError, id: string): Outcome {
  if (STOPS_THE_RUN.has(error.code)) return { kind: 'stop', error };
  return { kind: 'set-aside', problem: { id, code: error.code, message: error.ozMessage ?? error.message } };
}

async function readRecord(
  dir: string,
): Promise<{ ok: true; value: PendingRecord } | { ok: false; why: string }> {
  try {
    const parsed = pendingRecordSchema.safeParse(
      JSON.parse(await readFile(join(dir, 'payload.json'), 'utf8')),
    );
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, why: `payload.json: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  } catch (err) {
    return { ok: false, why: `payload.json: ${(err as Error).message}` };
  }
}

async function readUpload(
  dir: string,
  record: PendingRecord,
  uploadId: string,
  analyses: readonly AnalysisRequest[] | undefined,
): Promise<{ ok: true; value: FolderUpload } | { ok: false; why: string }> {
  const files = [];
  for (const f of record.files) {
    try {
      const data = await readFile(join(dir, f.filename));
      files.push({ key: f.key, filename: f.filename, mimeType: f.mime_type, data: new Uint8Array(data) });
    } catch (err) {
      return { ok: false, why: `${f.filename}: ${(err as Error).message}` };
    }
  }
  const payload = record.payload as unknown as FolderUpload['payload'];
  return {
    ok: true,
    value: {
      payload: {
        ...payload,
        'folder:meta_data': { ...payload['folder:meta_data'], [UPLOAD_ID_META]: uploadId },
        ...(analyses ? { analyses } : {}),
      },
      files,
    },
  };
}

async function readState(dir: string): Promise<ReplayState> {
  try {
    return JSON.parse(await readFile(join(dir, 'replay-state.json'), 'utf8')) as ReplayState;
  } catch {
    return {};
  }
}

async function writeState(dir: string, state: ReplayState): Promise<void> {
  await writeFile(join(dir, 'replay-state.json.tmp'), JSON.stringify(state), { mode: 0o600 });
  await rename(join(dir, 'replay-state.json.tmp'), join(dir, 'replay-state.json'));
}

/** mkdir is atomic: whoever creates the lock directory owns the upload until it removes it. */
async function takeLock(lock: string, nowMs: number): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const age = nowMs - (await stat(lock).catch(() => ({ mtimeMs: nowMs }))).mtimeMs;
  if (age < STALE_LOCK_MS) return false;
  await rm(lock, { recursive: true, force: true });
  try {
    await mkdir(lock);
    return true;
  } catch {
    return false;
  }
}

async function setUploadAside(dataDir: string, id: string, problem: SetAsideUpload): Promise<void> {
  const from = join(pendingRoot(dataDir), id);
  const to = join(rejectedRoot(dataDir), id);
  await mkdir(join(to, '..'), { recursive: true, mode: 0o700 });
  await writeFile(join(from, 'error.json'), `${JSON.stringify(problem, null, 2)}\n`, { mode: 0o600 });
  await rm(join(from, 'replaying.lock'), { recursive: true, force: true });
  await rename(from, to);
}

/** Removes a replayed upload, then its session directory once empty. */
async function removeUpload(dataDir: string, id: string): Promise<void> {
  const dir = join(pendingRoot(dataDir), id);
  await rm(dir, { recursive: true, force: true });
  await rmdir(join(dir, '..')).catch(() => undefined);
}
