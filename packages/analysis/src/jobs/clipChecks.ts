import { createHash } from 'node:crypto';
import {
  ANALYSIS_ERRORS,
  type AnalysisFailure,
  analysisFailure,
  err,
  ok,
  type Result,
} from '../domain/errors.js';
import { DECLINE_REASONS, type DeclineReason } from '../domain/evidence.js';
import type { JsonObject, MediaRecord } from '../domain/types.js';
import { faceGeometry } from '../gestures/geometry.js';
import { gestureOfTags } from '../gestures/kinds.js';
import { plausibleTimestamps } from '../gestures/timing.js';
import { type GestureSample, verifyGesture } from '../gestures/verify.js';
import { parseClipManifest } from '../media/clipManifest.js';
import { openShotsSet, sampleIndices } from '../media/shotsSet.js';
import { cosineSimilarity, usableEmbedding } from '../models/align.js';
import type { Box, RgbImage } from '../models/image.js';
import type { JobContext } from './types.js';

export interface ClipReport {
  readonly reasons: DeclineReason[];
  /** Written to the media's `results_data.clip_checks`. */
  readonly details: JsonObject;
  /** One identity embedding of the clip, for the folder-wide identity check. */
  readonly embedding: Float32Array | null;
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Server-side checks of one shots set (docs/gestures.md): frame bytes against the manifest's
 * hashes, no duplicated frames, plausible timestamps, exactly one face per frame, the same person
 * throughout, and, for a gesture action, the gesture itself relative to the first frames.
 * Declines are reasons; only broken media or broken models are failures.
 */
export async function checkClip(
  media: MediaRecord,
  ctx: JobContext,
): Promise<Result<ClipReport, AnalysisFailure>> {
  const memo = ctx.frames;
  const set = await openShotsSet(memo ? await memo.bytes(media, ctx.readBytes) : await ctx.readBytes(media));
  if (!set.ok) return set;
  const gesture = gestureOfTags(media.tags);
  const reasons = new Set<DeclineReason>();
  const manifest = parseClipManifest(await set.value.manifestText());

  // Frame order: the manifest's when it lists exactly the archive's frames, else natural order.
  let names = [...set.value.frames];
  if (manifest) {
    const listed = manifest.map((f) => f.name);
    const same = listed.length === names.length && new Set(listed).size === listed.length;
    if (same && listed.every((n) => set.value.frames.includes(n))) names = listed;
    else reasons.add(DECLINE_REASONS.frameHashMismatch);
  }
  if (names.length === 0) {
    return err(
      analysisFailure(ANALYSIS_ERRORS.UNSUPPORTED_MEDIA, `Shots set ${media.media_id} has no frames`),
    );
  }

  const bytes: Uint8Array[] = [];
  for (const n of names) bytes.push(await set.value.read(n));
  const hashes = bytes.map(sha256);
  if (new Set(hashes).size !== hashes.length) reasons.add(DECLINE_REASONS.framesDuplicated);
  const byName = new Map(manifest?.map((f) => [f.name, f]) ?? []);
  const listedHashes = names.map((n) => byName.get(n)?.sha256);
  if (listedHashes.some((h) => h !== undefined) || gesture) {
    if (listedHashes.some((h, i) => h !== hashes[i])) {
      reasons.add(manifest ? DECLINE_REASONS.frameHashMismatch : DECLINE_REASONS.manifestMissing);
    }
  }
  const times = names.map((n) => byName.get(n)?.t);
  if (times.some((t) => t !== undefined) || gesture) {
    if (!manifest) reasons.add(DECLINE_REASONS.manifestMissing);
    else if (!plausibleTimestamps(times)) reasons.add(DECLINE_REASONS.timestampsInvalid);
  }

  const samples: GestureSample[] = [];
  const withFace: number[] = [];
  const boxes = new Map<number, { image: RgbImage; box: Box }>();
  let facesMax = 0;
  let measured = 0;
  const picked = sampleIndices(names.length, ctx.settings.maxGestureFrames);
  for (const i of picked) {
    let image: RgbImage;
    try {
      const name = names[i] as string;
      image = memo
        ? await memo.image(media, name, bytes[i] as Uint8Array, ctx.engine)
        : await ctx.engine.decode(bytes[i] as Uint8Array);
    } catch (e) {
      return err(
        analysisFailure(
          ANALYSIS_ERRORS.UNSUPPORTED_MEDIA,
          `Cannot decode frame ${names[i]}: ${(e as Error).message}`,
        ),
      );
    }
    const face = memo
      ? await memo.face(media, names[i] as string, image, ctx.engine)
      : await ctx.engine.mainFace(image);
    const t = times[i] ?? i * 100;
    if (!face) {
      samples.push({ t, g: null });
      continue;
    }
    facesMax = Math.max(facesMax, face.faceCount);
    const g = faceGeometry(await ctx.engine.landmarks(image, face.box));
    if (g) measured++;
    samples.push({ t, g });
    withFace.push(i);
    boxes.set(i, { image, box: face.box });
  }
  if (facesMax > 1) reasons.add(DECLINE_REASONS.multipleFaces);

  // Identity: up to four frames spread over the clip, each against the first.
  let reference: Float32Array | null = null;
  let minSimilarity = 1;
  for (const k of sampleIndices(withFace.length, 4)) {
    const at = boxes.get(withFace[k] as number);
    if (!at) continue;
    const e = await ctx.engine.embedding(at.image, at.box);
    if (!usableEmbedding(e)) {
      return err(
        analysisFailure(ANALYSIS_ERRORS.INTERNAL, `Unusable face embedding on media ${media.media_id}`),
      );
    }
    if (!reference) reference = e;
    else minSimilarity = Math.min(minSimilarity, cosineSimilarity(reference, e));
  }
  if (minSimilarity < ctx.settings.identityThreshold) reasons.add(DECLINE_REASONS.identityInconsistent);

  const details: JsonObject = {
    frames: names.length,
    frames_analysed: picked.length,
    frames_with_landmarks: measured,
    faces_max: facesMax,
    identity_min_similarity: round(minSimilarity),
    gesture: gesture,
  };
  if (gesture) {
    const v = verifyGesture(gesture, samples);
    if (!v.ok) {
      reasons.add(
        v.reason === 'gesture_unverifiable'
          ? DECLINE_REASONS.gestureUnverifiable
          : DECLINE_REASONS.gestureNotPerformed,
      );
    }
    details.gesture_verified = v.ok;
    details.gesture_strength = v.peak !== null && Number.isFinite(v.peak) ? round(v.peak) : null;
    if (v.ok) details.gesture_at_ms = v.at;
  }
  return ok({ reasons: [...reasons], details, embedding: reference });
}
