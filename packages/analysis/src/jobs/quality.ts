import { ANALYSIS_ERRORS, analysisFailure, err, ok } from '../domain/errors.js';
import { DECLINE_REASONS, type DeclineReason, parseClientEvidence } from '../domain/evidence.js';
import { worstResolution } from '../domain/status.js';
import type { JsonObject, Resolution, ResultsMediaEntry } from '../domain/types.js';
import { cosineSimilarity } from '../models/align.js';
import { gestureOf, pickActionFrame } from './action-shot.js';
import { checkClip } from './clipChecks.js';
import { qualityDecision, spoofConfidence } from './decisions.js';
import { facesOf } from './faces.js';
import { type Job, legacyMediaKey, type OutputImage } from './types.js';

const round = (v: number): number => Math.round(v * 1e8) / 1e8;

function numberParam(params: JsonObject, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * Liveness ("quality"): for each media item, fused MiniFASNet p(real) on up to N frames,
 * `confidence_spoofing = 1 − median`, declined at or above the threshold or when the client
 * evidence says a virtual camera was suspected. The folder-level decision is the worst media.
 */
export const runQuality: Job = async (analysis, media, ctx) => {
  if (media.length === 0) {
    return err(
      analysisFailure(ANALYSIS_ERRORS.NO_QUALITY_MEDIA, 'Invalid/missed tag values to process quality check'),
    );
  }
  const threshold = numberParam(analysis.params, 'threshold_spoofing', ctx.settings.livenessThreshold);
  const extractBestShot = analysis.params.extract_best_shot !== false;
  const extractActionShot = analysis.params.extract_action_shot === true;
  const resultsMedia: ResultsMediaEntry[] = [];
  const outputs: OutputImage[] = [];
  const decisions: Resolution[] = [];
  let maxSpoof = 0;
  let folderIdentity: Float32Array | null = null;
  for (const m of media) {
    // Shots sets get the server's own frame checks (gesture, faces, identity, timing, hashes).
    const clip = m.media_type === 'SHOTS_SET_FOLDER' ? await checkClip(m, ctx) : null;
    if (clip && !clip.ok) return clip;
    const clipReasons: DeclineReason[] = clip ? [...clip.value.reasons] : [];
    const clipEmbedding = clip?.value.embedding ?? null;
    if (clipEmbedding) {
      if (!folderIdentity) folderIdentity = clipEmbedding;
      else if (cosineSimilarity(folderIdentity, clipEmbedding) < ctx.settings.identityThreshold)
        clipReasons.push(DECLINE_REASONS.identityInconsistent);
    }
    const faces = await facesOf(m, ctx);
    if (!faces.ok) return faces;
    const scored = [];
    for (const f of faces.value) {
      scored.push({ f, s: await ctx.engine.antispoofScores(f.frame.image, f.face.box) });
    }
    const confidence = spoofConfidence(scored.map((x) => x.s.real));
    if (!Number.isFinite(confidence)) {
      // Fail closed: a model that answers NaN must never read as "live".
      return err(
        analysisFailure(ANALYSIS_ERRORS.INTERNAL, `Liveness model gave no usable score on ${m.media_id}`),
      );
    }
    const evidence = parseClientEvidence(m.meta_data);
    const decision = qualityDecision(confidence, threshold, evidence, clipReasons);
    decisions.push(decision.resolution);
    maxSpoof = Math.max(maxSpoof, confidence);
    const best = scored.reduce((a, b) => (b.s.real > a.s.real ? b : a));
    if (extractBestShot) {
      outputs.push({
        sourceMediaId: m.media_id,
        name: `best_shot_${best.f.frame.name}`,
        bytes: best.f.frame.bytes,
        mime: 'image/jpeg',
      });
    }
    let actionShot: JsonObject | null = null;
    const gesture = extractActionShot ? gestureOf(m.tags) : null;
    if (gesture) {
      const landmarks = [];
      for (const f of faces.value) landmarks.push(await ctx.engine.landmarks(f.frame.image, f.face.box));
      const picked = pickActionFrame(gesture.measure, gesture.pick, landmarks);
      const frame = picked ? faces.value[picked.index]?.frame : undefined;
      if (picked && frame) {
        outputs.push({
          sourceMediaId: m.media_id,
          name: `action_shot_${frame.name}`,
          bytes: frame.bytes,
          mime: 'image/jpeg',
        });
        actionShot = { frame: frame.name, measure: gesture.measure, value: round(picked.value) };
      }
    }
    resultsMedia.push({
      source_media_id: m.media_id,
      media_association_id: m.media_id,
      [legacyMediaKey(m)]: m.media_id,
      results_data: {
        confidence_spoofing: round(confidence),
        resolution: decision.resolution,
        decline_reasons: decision.reasons,
        frames_with_face: faces.value.length,
        faces_max: Math.max(...faces.value.map((f) => f.face.faceCount)),
        virtual_camera_suspected: evidence.virtualCameraSuspected,
        ...(extractActionShot ? { action_shot: actionShot } : {}),
        ...(clip ? { clip_checks: clip.value.details } : {}),
        // Raw per-frame model outputs, for audits and threshold calibration.
        frames: scored.map((x) => ({
          name: x.f.frame.name,
          real_minifasnet_v2: round(x.s.v2),
          real_minifasnet_v1se: round(x.s.v1se),
          real_fused: round(x.s.real),
        })),
      },
      output_images: [],
    });
  }
  const resolution = worstResolution(decisions);
  return ok({
    resolution: resolution === 'DECLINED' ? 'DECLINED' : 'SUCCESS',
    results_media: resultsMedia,
    results_data: {
      confidence_spoofing: round(maxSpoof),
      decline_reasons: [...new Set(resultsMedia.flatMap((r) => r.results_data.decline_reasons as string[]))],
    },
    confs: {
      threshold_spoofing: threshold,
      extract_best_shot: extractBestShot,
      extract_action_shot: extractActionShot,
    },
    outputs,
  });
};
