import {
  ANALYSIS_ERRORS,
  type AnalysisFailure,
  analysisFailure,
  err,
  ok,
  type Result,
} from '../domain/errors.js';
import type { MediaRecord } from '../domain/types.js';
import { type Frame, loadFrames } from '../media/frames.js';
import { usableEmbedding } from '../models/align.js';
import type { FaceFound } from '../models/engine.js';
import { boxArea } from '../models/image.js';
import type { JobContext } from './types.js';

export interface FaceFrame {
  frame: Frame;
  face: FaceFound;
}

/**
 * Frames of one media item in which a face was found; fails like Oz when there is none. With a
 * `faceMemo` in the context the media is decoded and searched once, however many jobs ask.
 */
export function facesOf(media: MediaRecord, ctx: JobContext): Promise<Result<FaceFrame[], AnalysisFailure>> {
  const memo = ctx.faceMemo;
  if (!memo) return findFaces(media, ctx);
  let found = memo.get(media.media_id);
  if (!found) {
    found = findFaces(media, ctx);
    memo.set(media.media_id, found);
  }
  return found;
}

async function findFaces(media: MediaRecord, ctx: JobContext): Promise<Result<FaceFrame[], AnalysisFailure>> {
  const memo = ctx.frames;
  const bytes = memo ? await memo.bytes(media, ctx.readBytes) : await ctx.readBytes(media);
  const frames = await loadFrames(
    media,
    bytes,
    ctx.settings.maxFramesPerMedia,
    memo ? (name, b) => memo.image(media, name, b, ctx.engine) : (_, b) => ctx.engine.decode(b),
  );
  if (!frames.ok) return frames;
  const found: FaceFrame[] = [];
  for (const frame of frames.value) {
    const face = memo
      ? await memo.face(media, frame.name, frame.image, ctx.engine)
      : await ctx.engine.mainFace(frame.image);
    if (face) found.push({ frame, face });
  }
  if (found.length === 0) {
    return err(
      analysisFailure(ANALYSIS_ERRORS.NO_FACE, `Could not locate face on source media [${media.media_id}]`),
    );
  }
  return ok(found);
}

/** The frame whose face is largest: the best candidate for an identity embedding. */
export function largestFace(frames: readonly FaceFrame[]): FaceFrame {
  let best = frames[0] as FaceFrame;
  for (const f of frames) if (boxArea(f.face.box) > boxArea(best.face.box)) best = f;
  return best;
}

/** One L2-normalised embedding per media item. */
export async function embeddingOf(
  media: MediaRecord,
  ctx: JobContext,
): Promise<Result<{ embedding: Float32Array; faces: number }, AnalysisFailure>> {
  const faces = await facesOf(media, ctx);
  if (!faces.ok) return faces;
  const best = largestFace(faces.value);
  const embedding = await ctx.engine.embedding(best.frame.image, best.face.box);
  // Fail closed: an empty or NaN embedding must fail the analysis, never match or miss silently.
  if (!usableEmbedding(embedding)) {
    return err(
      analysisFailure(ANALYSIS_ERRORS.INTERNAL, `Unusable face embedding on media ${media.media_id}`),
    );
  }
  return ok({ embedding, faces: best.face.faceCount });
}
