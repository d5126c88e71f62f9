import { type ClientEvidence, DECLINE_REASONS, type DeclineReason } from '../domain/evidence.js';
import type { Resolution } from '../domain/types.js';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Media-level spoof confidence: 1 − median p(real) over frames. The median keeps one odd frame
 * (motion blur, a blink) from deciding either way.
 */
export function spoofConfidence(realScores: readonly number[]): number {
  return 1 - median(realScores);
}

export interface QualityDecision {
  resolution: Extract<Resolution, 'SUCCESS' | 'DECLINED'>;
  reasons: DeclineReason[];
}

/**
 * Oz semantics: `confidence_spoofing ≥ threshold` ⇒ attack. Client evidence and the server's own
 * frame checks (gesture, faces, identity, timing, hashes) can only decline.
 */
export function qualityDecision(
  confidenceSpoofing: number,
  threshold: number,
  evidence: ClientEvidence,
  serverChecks: readonly DeclineReason[] = [],
): QualityDecision {
  const reasons: DeclineReason[] = [];
  if (confidenceSpoofing >= threshold) reasons.push(DECLINE_REASONS.spoofScore);
  if (evidence.virtualCameraSuspected) reasons.push(DECLINE_REASONS.virtualCamera);
  for (const r of serverChecks) if (!reasons.includes(r)) reasons.push(r);
  return { resolution: reasons.length ? 'DECLINED' : 'SUCCESS', reasons };
}

/** Cosine similarity clamped to [0, 1], reported as Oz-style confidence (1 = same person). */
export function similarityToConfidence(cosine: number): number {
  return Math.min(1, Math.max(0, cosine));
}

export interface PairScore {
  a: string;
  b: string;
  confidence: number;
}

/** All unordered pairs; biometry reports the least similar pair as `min_confidence`. */
export function allPairs<T>(items: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) out.push([items[i] as T, items[j] as T]);
  }
  return out;
}

export function biometryDecision(
  minConfidence: number,
  threshold: number,
): Extract<Resolution, 'SUCCESS' | 'DECLINED'> {
  return minConfidence >= threshold ? 'SUCCESS' : 'DECLINED';
}
