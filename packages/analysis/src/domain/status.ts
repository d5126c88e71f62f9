import type { AnalysisRecord, Resolution } from './types.js';

/** Severity order of analysis-api.md §3.3, most severe first. */
const SEVERITY: readonly Resolution[] = [
  'INITIAL',
  'PROCESSING',
  'FAILED',
  'DECLINED',
  'OPERATOR_REQUIRED',
  'SUCCESS',
];

function rank(r: Resolution): number {
  const i = SEVERITY.indexOf(r);
  // FINISHED never appears as a member result; treat unknowns as the mildest.
  return i === -1 ? SEVERITY.length : i;
}

/** Group result = its worst member. */
export function worstResolution(values: readonly Resolution[]): Resolution {
  let worst: Resolution = 'SUCCESS';
  for (const v of values) if (rank(v) < rank(worst)) worst = v;
  return worst;
}

export interface FolderStatus {
  resolution_status: Resolution;
  system_resolution: Resolution;
  resolution_time: number | null;
}

/**
 * Folder status from its analyses: INITIAL without analyses, PROCESSING while any runs, otherwise
 * the worst result of the most recent group (by launch time), with `resolution_status` FINISHED
 * (or FAILED when that group hit a system error).
 */
export function folderStatus(analyses: readonly AnalysisRecord[]): FolderStatus {
  if (analyses.length === 0)
    return { resolution_status: 'INITIAL', system_resolution: 'INITIAL', resolution_time: null };
  if (analyses.some((a) => a.state === 'PROCESSING')) {
    return { resolution_status: 'PROCESSING', system_resolution: 'PROCESSING', resolution_time: null };
  }
  let lastGroup = analyses[0] as AnalysisRecord;
  for (const a of analyses) if (a.time_created > lastGroup.time_created) lastGroup = a;
  const members = analyses.filter((a) => a.group_id === lastGroup.group_id);
  const system = worstResolution(members.map((a) => a.resolution_status));
  const finishedAt = Math.max(...members.map((a) => a.time_task_finished ?? a.time_updated));
  return {
    resolution_status: system === 'FAILED' ? 'FAILED' : 'FINISHED',
    system_resolution: system,
    resolution_time: finishedAt,
  };
}
