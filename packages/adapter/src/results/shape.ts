import type { OzFolder } from '../api-client/oz-objects.js';
import { analysisVerdict, isFolderFinished, type PluginState, worstVerdict } from './status.js';

export type { PluginState } from './status.js';

/** Mirrors `result_mode` in the adapter configuration. */
export type ResultMode = 'safe' | 'status' | 'folder' | 'full';

export interface AnalysisSummary {
  readonly state: PluginState;
  /** `""` while processing, then the lower-cased API resolution (`success`, `declined`, …). */
  readonly resolution: string;
}

export interface SafePayload {
  readonly state: PluginState;
}
export interface StatusPayload extends SafePayload {
  /** Keyed by lower-case analysis type: `quality`, `biometry`, `collection`, `documents`. */
  readonly analyses: Readonly<Record<string, AnalysisSummary>>;
}
export interface FolderPayload extends StatusPayload {
  readonly folder_id: string;
}
/** `full` once finished: the Oz folder object itself (analyses as the API's array) plus `state`. */
export type FullFinishedPayload = Readonly<Record<string, unknown>> & {
  readonly state: 'finished';
  readonly folder_id: string;
};

export type ResultPayload = SafePayload | StatusPayload | FolderPayload | FullFinishedPayload;

/** Per-type summaries; several analyses of one type collapse to the least favourable verdict. */
export function summariseAnalyses(folder: OzFolder): Record<string, AnalysisSummary> {
  const byType = new Map<string, (string | undefined)[]>();
  for (const analysis of folder.analyses ?? []) {
    const type = analysis.type.toLowerCase();
    byType.set(type, [...(byType.get(type) ?? []), analysisVerdict(analysis)]);
  }
  const out: Record<string, AnalysisSummary> = {};
  for (const [type, verdicts] of byType) {
    const done = verdicts.filter((v): v is string => v !== undefined);
    out[type] =
      done.length === verdicts.length
        ? { state: 'finished', resolution: (worstVerdict(done) ?? '').toLowerCase() }
        : { state: 'processing', resolution: '' };
  }
  return out;
}

/**
 * What the adapter sends to on_result / on_complete for one poll of the folder, per result_mode
 * (plugin-api.md §5.1–5.2). Pure: the same folder always gives the same payload.
 */
export function shapeResult(folder: OzFolder, mode: ResultMode): ResultPayload {
  const state: PluginState = isFolderFinished(folder) ? 'finished' : 'processing';
  switch (mode) {
    case 'safe':
      return { state };
    case 'status':
      return { state, analyses: summariseAnalyses(folder) };
    case 'folder':
      return { state, folder_id: folder.folder_id, analyses: summariseAnalyses(folder) };
    case 'full':
      // While running, `full` looks like `status` (§5.1); at the end it is the complete folder.
      if (state === 'processing') return { state, analyses: summariseAnalyses(folder) };
      return { ...structuredClone(folder), state: 'finished', folder_id: folder.folder_id };
  }
}
