#!/usr/bin/env node
// Runs the real FaceLandmarker (in the vision worker, in Chromium) over each fixture clip and saves the
// per-frame metrics as JSON test data in packages/plugin/test/traces/. The clips stay in ../shared.
// Usage: node scripts/record-traces.mjs [clip ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIPS, probeClip, repoRoot, startProbeServer } from './lib/probe-run.mjs';

const LENGTH_S = {
  neutral_frontal: 6,
  head_turn_and_nod: 7,
  head_turn_left_right: 3.9,
  smile_broad: 5.2,
  selfie_blink_smile: 10,
  no_face_empty_room: 5.5,
  two_faces: 4.7,
};
const r = (v, d = 2) => (typeof v === 'number' ? Math.round(v * 10 ** d) / 10 ** d : v);
const roundBox = (b) =>
  b && { left: r(b.left, 1), top: r(b.top, 1), right: r(b.right, 1), bottom: r(b.bottom, 1) };

const clips = process.argv.slice(2).length ? process.argv.slice(2) : CLIPS;
const outDir = join(repoRoot, 'packages', 'plugin', 'test', 'traces');
mkdirSync(outDir, { recursive: true });
const server = await startProbeServer();
try {
  for (const clip of clips) {
    const res = await probeClip(server.url, clip, { seconds: LENGTH_S[clip] ?? 6, record: 0 });
    const frames = res.frames.map((f) => ({
      t: r(f.timestamp - res.t0, 1),
      faces: f.faceCount,
      box: roundBox(f.box),
      yaw: r(f.yaw),
      pitch: r(f.pitch),
      roll: r(f.roll),
      blink: r(f.blink, 3),
      smile: r(f.smile, 3),
      brightness: r(f.brightness, 1),
      sharpness: r(f.sharpness, 1),
    }));
    const w = res.frames[0]?.frameWidth ?? 640;
    const h = res.frames[0]?.frameHeight ?? 480;
    writeFileSync(
      join(outDir, `${clip}.json`),
      `${JSON.stringify({ clip, frameWidth: w, frameHeight: h, frames })}\n`,
    );
    console.log(`${clip}: ${frames.length} frames analysed`);
  }
} finally {
  server.close();
}
