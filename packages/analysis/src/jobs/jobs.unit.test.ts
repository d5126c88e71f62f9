import { describe, expect, it } from 'vitest';
import { NO_EVIDENCE } from '../domain/evidence.js';
import { sampleIndices } from '../media/shotsSet.js';
import { allPairs, biometryDecision, median, qualityDecision, spoofConfidence } from './decisions.js';

describe('decisions', () => {
  it('uses the median over frames', () => {
    expect(median([0.9, 0.1, 0.8])).toBe(0.8);
    expect(median([1, 0])).toBe(0.5);
    expect(spoofConfidence([0.9, 0.95, 0.1])).toBeCloseTo(0.1, 9);
  });

  it('declines at or above the threshold, and on virtual camera evidence', () => {
    expect(qualityDecision(0.5, 0.5, NO_EVIDENCE)).toEqual({
      resolution: 'DECLINED',
      reasons: ['confidence_spoofing_above_threshold'],
    });
    expect(qualityDecision(0.1, 0.5, NO_EVIDENCE).resolution).toBe('SUCCESS');
    expect(qualityDecision(0.1, 0.5, { virtualCameraSuspected: true })).toEqual({
      resolution: 'DECLINED',
      reasons: ['virtual_camera_suspected'],
    });
  });

  it('matches biometry at or above the threshold', () => {
    expect(biometryDecision(0.4, 0.4)).toBe('SUCCESS');
    expect(biometryDecision(0.39, 0.4)).toBe('DECLINED');
    expect(allPairs([1, 2, 3])).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });

  it('samples frames evenly including both ends', () => {
    expect(sampleIndices(3, 5)).toEqual([0, 1, 2]);
    expect(sampleIndices(10, 3)).toEqual([0, 5, 9]);
    expect(sampleIndices(10, 1)).toEqual([5]);
    expect(sampleIndices(0, 3)).toEqual([]);
  });
});
