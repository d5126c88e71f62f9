import {
  ANALYSIS_ERRORS,
  type AnalysisFailure,
  analysisFailure,
  err,
  ok,
  type Result,
} from '../domain/errors.js';
import type { MediaRecord } from '../domain/types.js';
import type { RgbImage } from '../models/image.js';
import { decodeImage } from './decode.js';
import { openShotsSet, sampleIndices } from './shotsSet.js';

export interface Frame {
  /** Frame name inside a shots set, or the media's own name for an image. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly image: RgbImage;
}

/**
 * Decoded frames of one media item: the image itself, or up to `maxFrames` evenly spaced frames
 * of a shots set. Videos are stored but not decoded here (no ffmpeg in the dependency set), so
 * they fail the analysis with a clear message instead of a crash.
 */
export async function loadFrames(
  media: MediaRecord,
  bytes: Uint8Array,
  maxFrames: number,
  /** Decodes one frame (by name); a memo shared with other checks of the same media can stand in. */
  decode: (name: string, frameBytes: Uint8Array) => Promise<RgbImage> = (_, b) => decodeImage(b),
): Promise<Result<Frame[], AnalysisFailure>> {
  try {
    if (media.media_type === 'IMAGE_FOLDER') {
      return ok([{ name: media.original_name, bytes, image: await decode(media.original_name, bytes) }]);
    }
    if (media.media_type === 'SHOTS_SET_FOLDER') {
      const set = await openShotsSet(bytes);
      if (!set.ok) return set;
      if (set.value.frames.length === 0) {
        return err(
          analysisFailure(
            ANALYSIS_ERRORS.UNSUPPORTED_MEDIA,
            `Shots set ${media.media_id} has no JPEG/PNG frames`,
          ),
        );
      }
      const frames: Frame[] = [];
      for (const i of sampleIndices(set.value.frames.length, maxFrames)) {
        const name = set.value.frames[i] as string;
        const frameBytes = await set.value.read(name);
        frames.push({ name, bytes: frameBytes, image: await decode(name, frameBytes) });
      }
      return ok(frames);
    }
  } catch (e) {
    return err(
      analysisFailure(
        ANALYSIS_ERRORS.UNSUPPORTED_MEDIA,
        `Cannot decode media ${media.media_id}: ${(e as Error).message}`,
      ),
    );
  }
  return err(
    analysisFailure(
      ANALYSIS_ERRORS.UNSUPPORTED_MEDIA,
      `Media ${media.media_id} of type ${media.media_type} cannot be analysed; upload JPEG/PNG frames or a ZIP shots set`,
    ),
  );
}
