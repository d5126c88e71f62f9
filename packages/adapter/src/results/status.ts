import type { OzAnalysis, OzFolder } from '../api-client/oz-objects.js';

/** The two states the plugin sees (plugin-api.md §5.1). */
export type PluginState = 'processing' | 'finished';

const RUNNING = new Set(['INITIAL', 'PROCESSING']);
const TERMINAL_STATE = new Set(['FINISHED', 'FAILED']);
const VERDICTS = new Set(['SUCCESS', 'DECLINED', 'OPERATOR_REQUIRED', 'FAILED']);

/**
 * Worst first, as the API orders group results (analysis-api.md §3.3). Used when several analyses
 * of one type exist (e.g. relaunched): the plugin gets the least favourable verdict.
 */
const SEVERITY = ['FAILED', 'DECLINED', 'OPERATOR_REQUIRED', 'SUCCESS'] as const;

const upper = (v: string | null | undefined) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/** The verdict of a finished analysis in API spelling (`''` if none given), or undefined while it runs. */
export function analysisVerdict(a: OzAnalysis): string | undefined {
  const state = upper(a.state);
  const verdict = upper(a.resolution_status) ?? upper(a.resolution);
  if (state !== undefined && !TERMINAL_STATE.has(state)) return undefined;
  if (verdict !== undefined && VERDICTS.has(verdict)) return verdict;
  // A failed run may carry no resolution at all.
  if (state === 'FAILED') return 'FAILED';
  // FINISHED while the resolution still mirrors PROCESSING is a transient: keep polling. FINISHED
  // with no resolution at all (older servers) is final, with an empty verdict, so polling ends.
  if (state === 'FINISHED' && verdict === undefined) return '';
  return undefined;
}

export function isAnalysisFinished(a: OzAnalysis): boolean {
  return analysisVerdict(a) !== undefined;
}

/**
 * A folder is finished when its own status has left INITIAL/PROCESSING (the plugin's on_complete
 * follows the folder status since 1.6.0) and no analysis is still running. Without a folder status
 * the analyses decide, and a folder without analyses is not finished.
 */
export function isFolderFinished(folder: OzFolder): boolean {
  const analyses = folder.analyses ?? [];
  if (!analyses.every(isAnalysisFinished)) return false;
  const status = upper(folder.resolution_status);
  if (status !== undefined) return !RUNNING.has(status);
  return analyses.length > 0;
}

export function worstVerdict(verdicts: readonly string[]): string | undefined {
  for (const level of SEVERITY) if (verdicts.includes(level)) return level;
  return verdicts[0];
}
