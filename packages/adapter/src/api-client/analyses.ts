import type { AnalysisRequest, MediaUpload } from './payload.js';
import { isVideoAction } from './tags.js';

/** `analyses` from the adapter configuration. */
export interface AnalysesSettings {
  readonly quality: boolean;
  readonly biometry: boolean;
  readonly documents: boolean;
  readonly collection_ids: readonly string[];
}

export interface AnalysisOptions {
  /** Configured `extract_best_shot`, overridden by `open({params:{extract_best_shot}})`. */
  readonly extractBestShot: boolean;
  readonly extractActionShot: boolean;
}

const isDocument = (m: MediaUpload) => m.action === 'photo_id_front' || m.action === 'photo_id_back';

/**
 * Which analyses to launch for a capture, following the API's tag rules (actions.md §3.3) so we
 * never ask for an analysis the API would refuse for lack of media:
 *  - quality needs a video_selfie* item (document photos are ignored by it);
 *  - biometry needs two or more items that are not `photo_id_back`;
 *  - documents needs a document photo;
 *  - collection runs once with all configured ids. How the ids travel is not documented; we put
 *    them in `params.collection_ids` (to be confirmed against the embedded service's contract).
 * The action-shot parameter name is undocumented as well; we send `extract_action_shot`, the
 * adapter setting's own name, and only when it is on.
 */
export function buildAnalyses(
  settings: AnalysesSettings,
  media: readonly MediaUpload[],
  options: AnalysisOptions,
): AnalysisRequest[] {
  const out: AnalysisRequest[] = [];
  if (settings.quality && media.some((m) => isVideoAction(m.action))) {
    out.push({
      type: 'quality',
      params: {
        extract_best_shot: options.extractBestShot,
        ...(options.extractActionShot ? { extract_action_shot: true } : {}),
      },
    });
  }
  if (settings.biometry && media.filter((m) => m.action !== 'photo_id_back').length >= 2) {
    out.push({ type: 'biometry' });
  }
  if (settings.documents && media.some(isDocument)) out.push({ type: 'documents' });
  if (settings.collection_ids.length > 0) {
    out.push({ type: 'collection', params: { collection_ids: [...settings.collection_ids] } });
  }
  return out;
}
