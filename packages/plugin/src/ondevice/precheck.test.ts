import type { OnDeviceResult } from '@open-liveness/trust';
import { describe, expect, it } from 'vitest';
import { sampleFace } from '../../test/sample-face.js';
import { config, info, run } from '../../test/session-fixtures.js';
import { initialSession } from '../flow/machine.js';
import type { SessionEvent } from '../flow/session-types.js';
import { onDeviceResult } from './decision.js';

const video = {} as HTMLVideoElement;
const captured = (onDevice: OnDeviceResult | null, brightness = 120): SessionEvent => ({
  type: 'action-captured',
  attempt: 1,
  captured: {
    clip: {
      action: 'video_selfie_blank',
      frames: [{ id: 1, jpeg: new Blob(), metrics: { ...sampleFace, brightness } }],
      bestIndex: 0,
      bestPng: null,
    },
    additionalInfo: '{}',
    onDevice,
  },
  pageResult: { action: 'video_selfie_blank' },
});

/** One action captured, confirmed: the machine is at the pre-upload seam. */
const afterCapture = (bar: number | null, ev: SessionEvent, architecture: 'normal' | 'capture' = 'normal') =>
  run(initialSession(config({ onDevicePrecheckBar: bar })), [
    { type: 'open' },
    { type: 'session-ready', attempt: 1, info: info({ architecture }) },
    {
      type: 'camera-opened',
      attempt: 1,
      video,
      width: 640,
      height: 480,
      deviceId: 'c',
      facing: 'user',
      cameras: [],
    },
    { type: 'vision-ready', attempt: 1 },
    ev,
    { type: 'timer', attempt: 1, name: 'confirm' },
  ]);

const spoof = onDeviceResult([0.02], 5);
const live = onDeviceResult([0.97], 5);

describe('session machine: on_device_precheck', () => {
  it('a confident on-device decline ends before any upload, retryable, with the reason', () => {
    const r = afterCapture(0.8, captured(spoof));
    expect(r.state.phase).toBe('failed');
    expect(r.state.error).toMatchObject({
      code: 'on_device_declined',
      retryable: true,
      context: { reason: 'presence', confidence_spoofing: 0.98 },
    });
    expect(r.effects.map((e) => e.type)).not.toContain('upload');
    expect(r.effects.map((e) => e.type)).not.toContain('check-capture');
  });
  it('a dim face gets the better-light advice', () => {
    expect(afterCapture(0.8, captured(spoof, 45)).state.error?.context.reason).toBe('light');
  });
  it('an on-device success goes on to the server as usual', () => {
    const r = afterCapture(0.8, captured(live));
    expect(r.state.phase).toBe('checking');
    expect(r.effects.map((e) => e.type)).toContain('check-capture');
  });
  it('without the pre-check a decline is uploaded too (the server decides)', () => {
    expect(afterCapture(null, captured(spoof)).state.phase).toBe('checking');
  });
  it('Try again after the pre-check starts a new attempt with a new session request', () => {
    const r = afterCapture(0.8, captured(spoof));
    const again = run(r.state, [{ type: 'retry' }]);
    expect(again.state.phase).toBe('starting');
    expect(again.state.captured).toEqual([]);
    expect(again.effects.map((e) => e.type)).toContain('request-session');
  });
  it('in the capture architecture the result stays advisory: the session ends normally', () => {
    expect(afterCapture(0.8, captured(spoof), 'capture').state.phase).toBe('closed');
  });
});
