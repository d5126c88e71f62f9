import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaceMetrics } from '../src/vision/types.js';

/** A recorded trace: the real model's per-frame metrics over one fixture clip (scripts/record-traces.mjs). */
export interface Trace {
  clip: string;
  frames: FaceMetrics[];
}

interface RawFrame {
  t: number;
  faces: number;
  box: FaceMetrics['box'];
  yaw: number;
  pitch: number;
  roll: number;
  blink: number;
  smile: number;
  brightness: number;
  sharpness: number;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'traces');

export function loadTrace(clip: string): Trace {
  const raw = JSON.parse(readFileSync(join(dir, `${clip}.json`), 'utf8')) as {
    frameWidth: number;
    frameHeight: number;
    frames: RawFrame[];
  };
  return {
    clip,
    frames: raw.frames.map((f) => ({
      timestamp: f.t,
      frameWidth: raw.frameWidth,
      frameHeight: raw.frameHeight,
      faceCount: f.faces,
      box: f.box,
      landmarks: null,
      yaw: f.yaw,
      pitch: f.pitch,
      roll: f.roll,
      blink: f.blink,
      smile: f.smile,
      brightness: f.brightness,
      sharpness: f.sharpness,
    })),
  };
}
