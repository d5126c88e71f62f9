import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Clip } from '../capture/clip.js';
import type { FaceMetrics } from '../vision/types.js';
import { shotSetManifest } from './shot-set.js';
import { zipShotSet } from './zip.js';

const metrics = (t: number): FaceMetrics => ({
  timestamp: t,
  frameWidth: 640,
  frameHeight: 480,
  faceCount: 1,
  box: { left: 10.4, top: 20.6, right: 100.2, bottom: 140.9 },
  landmarks: null,
  yaw: 0,
  pitch: 0,
  roll: 0,
  blink: 0,
  smile: 0,
  brightness: 100,
  sharpness: 50,
});

const clip: Clip = {
  action: 'video_selfie_blank',
  frames: [0, 33, 66].map((t, i) => ({
    id: i,
    jpeg: new Blob([new Uint8Array([0xff, 0xd8, i])]),
    metrics: metrics(1000 + t),
  })),
  bestIndex: 1,
  bestPng: null,
};

describe('shot set packing', () => {
  it('describes frames, timing, boxes and the best frame in the manifest', () => {
    const m = shotSetManifest(clip, '{"v":1}');
    expect(m).toMatchObject({
      version: 1,
      action: 'video_selfie_blank',
      orientation: 'landscape',
      best_frame: '001.jpg',
    });
    expect(m.frames.map((f) => f.t)).toEqual([0, 33, 66]);
    expect(m.frames[0]?.box).toEqual({ left: 10, top: 21, right: 100, bottom: 141 });
    expect(m.additional_info).toBe('{"v":1}');
  });

  it('zips the frames under server-agnostic names plus manifest.json', async () => {
    const blob = await zipShotSet(
      clip.frames.map((f) => f.jpeg),
      shotSetManifest(clip, 'info'),
    );
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual(['000.jpg', '001.jpg', '002.jpg', 'manifest.json']);
    const second = await zip.file('001.jpg')?.async('uint8array');
    expect([...(second ?? [])]).toEqual([0xff, 0xd8, 1]);
    // Each frame's SHA-256 travels in the manifest, for the server's frame checks.
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as {
      frames: Array<{ sha256: string }>;
    };
    expect(manifest.frames[1]?.sha256).toBe(
      createHash('sha256')
        .update(new Uint8Array([0xff, 0xd8, 1]))
        .digest('hex'),
    );
  });
});
