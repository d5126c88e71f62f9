import { ANALYSIS_ERRORS, analysisFailure, err, ok } from '../domain/errors.js';
import type { JsonObject, ResultsMediaEntry } from '../domain/types.js';
import { cosineSimilarity } from '../models/align.js';
import { allPairs, biometryDecision, similarityToConfidence } from './decisions.js';
import { embeddingOf } from './faces.js';
import { type Job, legacyMediaKey } from './types.js';

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Face matching: one fr_feature embedding per media item (largest face over its frames), cosine
 * similarity for every pair, `min_confidence` = least similar pair (Oz semantics for > 2 media).
 */
export const runBiometry: Job = async (analysis, media, ctx) => {
  if (media.length < 2) {
    return err(
      analysisFailure(
        ANALYSIS_ERRORS.BIOMETRY_NEEDS_TWO,
        'Biometry. Analyse requires at least 2 media objects to process',
      ),
    );
  }
  const embeddings = [];
  for (const m of media) {
    const e = await embeddingOf(m, ctx);
    if (!e.ok) return e;
    embeddings.push({ media: m, embedding: e.value.embedding });
  }
  const pairs = allPairs(embeddings).map(([a, b]) => ({
    a: a.media.media_id,
    b: b.media.media_id,
    confidence: similarityToConfidence(cosineSimilarity(a.embedding, b.embedding)),
  }));
  const confidences = pairs.map((p) => p.confidence);
  const min = Math.min(...confidences);
  const max = Math.max(...confidences);
  const thresholdParam = analysis.params.threshold;
  const threshold = typeof thresholdParam === 'number' ? thresholdParam : ctx.settings.biometryThreshold;
  const summary: JsonObject = { min_confidence: round(min), max_confidence: round(max) };
  const resultsMedia: ResultsMediaEntry[] = embeddings.map(({ media: m }) => {
    const mine = pairs.filter((p) => p.a === m.media_id || p.b === m.media_id).map((p) => p.confidence);
    return {
      source_media_id: m.media_id,
      media_association_id: m.media_id,
      [legacyMediaKey(m)]: m.media_id,
      results_data: { min_confidence: round(Math.min(...mine)), max_confidence: round(Math.max(...mine)) },
      output_images: [],
    };
  });
  return ok({
    resolution: biometryDecision(min, threshold),
    results_media: resultsMedia,
    results_data: { ...summary, pairs: pairs.map((p) => ({ ...p, confidence: round(p.confidence) })) },
    confs: { threshold_biometry: threshold, similarity: 'cosine', embedding_model: 'fr_feature' },
    outputs: [],
  });
};
