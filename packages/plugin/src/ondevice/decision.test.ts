import type { OnDeviceResult } from '@open-liveness/trust';
import { describe, expect, it } from 'vitest';
import { sampleFace } from '../../test/sample-face.js';
import {
  DEFAULT_PRECHECK_BAR,
  median,
  ON_DEVICE_MODEL,
  onDeviceResult,
  pickFrames,
  precheckDecision,
  realProbability,
} from './decision.js';

const result = (confidence: number): OnDeviceResult => onDeviceResult([1 - confidence], 10);

describe('on-device result', () => {
  it('is the server rule: 1 − median fused p(real), declined at 0.5 and above', () => {
    expect(onDeviceResult([0.9, 0.1, 0.95], 12.4)).toEqual({
      resolution: 'success',
      confidence_spoofing: 0.1,
      model: ON_DEVICE_MODEL,
      duration_ms: 12,
    });
    expect(onDeviceResult([0.5], 1).resolution).toBe('declined');
    expect(onDeviceResult([0.2, 0.3], 1).confidence_spoofing).toBe(0.75);
  });
  it('fails closed when no frame gave a usable score', () => {
    expect(onDeviceResult([], 1)).toMatchObject({ resolution: 'declined', confidence_spoofing: 1 });
    expect(onDeviceResult([Number.NaN], 1).resolution).toBe('declined');
  });
  it('softmax p(real) is class 1 of the three', () => {
    expect(realProbability([0, 0, 0])).toBeCloseTo(1 / 3, 9);
    expect(realProbability([-5, 5, -5])).toBeGreaterThan(0.99);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});

describe('frame choice', () => {
  it('takes the best frames with one face, in clip order', () => {
    const good = sampleFace;
    const turned = { ...good, yaw: 25 };
    const none = { ...good, box: null, faceCount: 0 };
    const two = { ...good, faceCount: 2 };
    expect(pickFrames([turned, good, none, two, good], 2)).toEqual([1, 4]);
    expect(pickFrames([none, two], 5)).toEqual([]);
  });
});

describe('pre-check decision', () => {
  const bright = [120, 130, 125];
  it('off (null bar): never asks for a retry', () => {
    expect(precheckDecision([{ result: result(0.99), brightness: bright }], null)).toEqual({ retry: false });
  });
  it('a confident decline asks for a retry; the reason follows the light on the face', () => {
    expect(precheckDecision([{ result: result(0.95), brightness: bright }], DEFAULT_PRECHECK_BAR)).toEqual({
      retry: true,
      reason: 'presence',
      confidence_spoofing: 0.95,
    });
    expect(precheckDecision([{ result: result(0.95), brightness: [50, 55, 60] }], 0.8)).toMatchObject({
      retry: true,
      reason: 'light',
    });
  });
  it('a decline below the bar and any success let the upload go (the server decides)', () => {
    expect(precheckDecision([{ result: result(0.7), brightness: bright }], 0.8)).toEqual({ retry: false });
    expect(precheckDecision([{ result: result(0.01), brightness: bright }], 0.5)).toEqual({ retry: false });
    expect(precheckDecision([{ result: null, brightness: bright }], 0.5)).toEqual({ retry: false });
  });
  it('one confident decline among several actions is enough, and the worst one is reported', () => {
    const d = precheckDecision(
      [
        { result: result(0.05), brightness: bright },
        { result: result(0.85), brightness: bright },
        { result: result(0.97), brightness: [30, 40] },
      ],
      0.8,
    );
    expect(d).toEqual({ retry: true, reason: 'light', confidence_spoofing: 0.97 });
  });
  it('the bar is inclusive, like the server threshold', () => {
    expect(precheckDecision([{ result: result(0.8), brightness: bright }], 0.8).retry).toBe(true);
  });
});
