import { ANALYSIS_ERRORS, analysisFailure, err, ok } from '../domain/errors.js';
import type { JsonValue, ResultsMediaEntry } from '../domain/types.js';
import { cosineSimilarity, usableEmbedding } from '../models/align.js';
import { EMBEDDING_MODEL_ID } from '../models/embedder.js';
import { similarityToConfidence } from './decisions.js';
import { embeddingOf } from './faces.js';
import { type Job, legacyMediaKey } from './types.js';

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

function collectionIdsParam(v: JsonValue | undefined): string[] | null {
  if (!Array.isArray(v)) return null;
  return v.filter((x): x is string => typeof x === 'string');
}

/**
 * Blacklist ("collection"): nearest stored person photo for each media item, brute force over the
 * requested collections (`params.collection_ids`, else every collection of the company). A hit at
 * or above the threshold declines the analysis: the person is on the list.
 */
export const runCollection: Job = async (analysis, media, ctx) => {
  if (media.length === 0) {
    return err(
      analysisFailure(
        ANALYSIS_ERRORS.NO_COLLECTION_MEDIA,
        'Invalid/missed tag values to process blacklist check',
      ),
    );
  }
  const requested = collectionIdsParam(analysis.params.collection_ids);
  const own = (await ctx.meta.listCollections(analysis.company_id)).map((c) => c.collection_id);
  // Checked again here (the route checks first): never search another company's collections.
  const foreign = requested?.filter((id) => !own.includes(id)) ?? [];
  if (foreign.length) {
    return err(analysisFailure(ANALYSIS_ERRORS.NOT_EXIST, `Collection not found: ${foreign.join(', ')}`));
  }
  const collections = requested ?? own;
  // Embeddings from another model or recipe are not comparable; skip them rather than mis-match.
  const photos = (await ctx.meta.listCollectionPhotos(collections)).filter(
    (p) => p.model_id === EMBEDDING_MODEL_ID,
  );
  // Fail closed: a stored embedding that cannot be compared would silently read as "no hit".
  const broken = photos.find((p) => !usableEmbedding(p.embedding));
  if (broken) {
    return err(
      analysisFailure(ANALYSIS_ERRORS.INTERNAL, `Unusable stored embedding for photo ${broken.photo_id}`),
    );
  }
  const threshold =
    typeof analysis.params.threshold === 'number'
      ? analysis.params.threshold
      : ctx.settings.collectionThreshold;
  const resultsMedia: ResultsMediaEntry[] = [];
  let anyHit = false;
  let best = 0;
  for (const m of media) {
    const e = await embeddingOf(m, ctx);
    if (!e.ok) return e;
    // Best photo per person, then persons sorted by confidence.
    const perPerson = new Map<string, { person_id: string; collection_id: string; confidence: number }>();
    for (const p of photos) {
      const confidence = similarityToConfidence(cosineSimilarity(e.value.embedding, p.embedding));
      const prev = perPerson.get(p.person_id);
      if (!prev || confidence > prev.confidence) {
        perPerson.set(p.person_id, { person_id: p.person_id, collection_id: p.collection_id, confidence });
      }
    }
    const ranked = [...perPerson.values()].sort((a, b) => b.confidence - a.confidence);
    const hits = ranked.filter((r) => r.confidence >= threshold);
    anyHit ||= hits.length > 0;
    best = Math.max(best, ranked[0]?.confidence ?? 0);
    resultsMedia.push({
      source_media_id: m.media_id,
      media_association_id: m.media_id,
      [legacyMediaKey(m)]: m.media_id,
      results_data: {
        max_confidence: round(ranked[0]?.confidence ?? 0),
        person_id: hits[0]?.person_id ?? null,
      },
      collection_persons: hits.slice(0, 10).map((h) => ({ ...h, confidence: round(h.confidence) })),
      output_images: [],
    });
  }
  return ok({
    resolution: anyHit ? 'DECLINED' : 'SUCCESS',
    results_media: resultsMedia,
    results_data: {
      max_confidence: round(best),
      persons_searched: new Set(photos.map((p) => p.person_id)).size,
    },
    confs: { threshold_collection: threshold, collection_ids: collections },
    outputs: [],
  });
};
