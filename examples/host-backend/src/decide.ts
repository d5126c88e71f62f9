import type { Folder } from './analysis-api.js';

/** What the backend tells its page. The page never sees scores it could be tempted to trust. */
export type Decision =
  | { state: 'processing' }
  | { state: 'done'; passed: boolean; resolution: string; folder_id: string };

const RUNNING = new Set(['PROCESSING', 'INITIAL']);

/** Pure: the folder's liveness analyses → a decision. Passed only when every one came back SUCCESS. */
export function decide(folder: Folder): Decision {
  const quality = (folder.analyses ?? []).filter((a) => a.type.toUpperCase() === 'QUALITY');
  if (
    quality.length === 0 ||
    quality.some((a) => RUNNING.has((a.resolution_status ?? a.state).toUpperCase()))
  ) {
    return { state: 'processing' };
  }
  const statuses = quality.map((a) => (a.resolution_status ?? a.state).toUpperCase());
  const passed = statuses.every((s) => s === 'SUCCESS');
  const resolution = passed ? 'SUCCESS' : (statuses.find((s) => s !== 'SUCCESS') ?? 'FAILED');
  return { state: 'done', passed, resolution, folder_id: folder.folder_id };
}
