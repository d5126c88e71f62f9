import type { UsedTokenStore } from '@open-liveness/trust';
import type { Logger } from 'pino';
import type { OzApiClient, OzFolder } from '../api-client/index.js';
import type { PendingReplayer } from '../capture/replayer.js';
import type { AdapterConfig } from '../config/index.js';
import type { ContainerRuntime } from '../container/runtime.js';
import type { AdapterMetrics } from '../http/metrics.js';
import type { LicenseSettings } from '../licensing/for-request.js';
import type { ResultCache } from '../state/types.js';

/** What the protocol routes share. Built once by createApp from AppDeps. */
export interface ProtocolDeps {
  readonly config: AdapterConfig;
  readonly log: Logger;
  readonly metrics: AdapterMetrics;
  /** Absent in `capture` architecture: nothing talks to the API there. */
  readonly api: OzApiClient | undefined;
  readonly sessionSecret: string;
  /** Sessions that have uploaded: one upload per session token, whichever token of the session is shown. */
  readonly uploadedSessions: UsedTokenStore;
  /** Finished folders already read once (shared by a pool when the state is in Redis). */
  readonly results: ResultCache;
  /** Keys, tokens and the single-use store; present exactly when `use_wasm_container` is on. */
  readonly container: ContainerRuntime | undefined;
  /** Adapter data directory (`data_dir`); pending uploads go below it. */
  readonly dataDir: string;
  /** Replays `pending/` when the API is back; absent when nothing talks to the API. */
  readonly pending: PendingReplayer | undefined;
  readonly license: LicenseSettings;
  readonly nodeEnv: string | undefined;
  readonly now: () => Date;
  /** Folder reads answered in process (embedded analysis service), bypassing HTTP; see AppDeps. */
  readonly localFolders?: LocalFolderReader | undefined;
  /**
   * Runs an upload's validation (decoding every frame) once a place is free: a few at a time, first come
   * first served. A burst of uploads then finishes one after another and its analyses start early,
   * instead of all of them decoding at once and all finishing late (upload-checks.ts).
   */
  readonly uploadChecks: UploadCheckGate;
}

/** Runs `task` when the gate has room; see ProtocolDeps.uploadChecks. */
export type UploadCheckGate = <T>(task: () => Promise<T>) => Promise<T>;

/** Reads a folder without the API (same process or shared cache); undefined = ask the API. */
export type LocalFolderReader = (folderId: string) => Promise<OzFolder | undefined>;
