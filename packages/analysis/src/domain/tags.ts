import type { AnalysisType, MediaRecord } from './types.js';

const ID_TAGS = new Set(['photo_id', 'photo_id_front', 'photo_id_back']);

/**
 * Which media an analysis picks up when `source_media` is omitted (actions.md §3.3):
 * quality skips identity-document photos, biometry and collection skip document backs.
 * Analysis outputs (best shots) are never inputs.
 */
export function selectMedia(type: AnalysisType, media: readonly MediaRecord[]): MediaRecord[] {
  const inputs = media.filter((m) => m.media_type !== 'IMAGE_RESULT_ANALYSIS_SINGLE');
  switch (type) {
    case 'QUALITY':
      return inputs.filter((m) => !m.tags.some((t) => ID_TAGS.has(t)));
    case 'BIOMETRY':
    case 'COLLECTION':
      return inputs.filter((m) => !m.tags.includes('photo_id_back'));
    case 'DOCUMENTS':
      return inputs.filter((m) =>
        m.tags.some((t) => t === 'photo_id_front' || t === 'photo_id_back' || t === 'photo_selfie'),
      );
  }
}
