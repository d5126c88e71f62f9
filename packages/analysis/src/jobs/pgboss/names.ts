/** The pg-boss queue of analysis groups; one job per group, its id is the group id. */
export const GROUP_QUEUE = 'analysis-group';
/** Where pg-boss moves a group whose attempts are used up: its analyses are then marked FAILED. */
export const DEAD_GROUP_QUEUE = 'analysis-group-dead';
/** NOTIFY channel: a job was queued (wakes idle workers at once instead of at their next poll). */
export const JOBS_CHANNEL = 'ol_analysis_jobs';
/** NOTIFY channel: a group is finished (payload: the group id), for callers waiting on it. */
export const DONE_CHANNEL = 'ol_analysis_done';

export interface GroupJob {
  folder_id: string;
  group_id: string;
  analysis_ids: string[];
}

export function isGroupJob(v: unknown): v is GroupJob {
  const o = v as Partial<GroupJob> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.folder_id === 'string' &&
    typeof o.group_id === 'string' &&
    Array.isArray(o.analysis_ids) &&
    o.analysis_ids.every((x) => typeof x === 'string')
  );
}
