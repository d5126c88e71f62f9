#!/usr/bin/env node
// tasks-vision's GPU (WebGL2) delegate against its CPU delegate, on the bare FaceLandmarker loop
// (scripts/vision-probe/bare-worker.js) over the same camera clip, alternating, in one run. The plugin's
// worker uses the CPU delegate; this is the measurement behind that choice on the machine it runs on.
// Three setups per run: the CPU delegate with no WebGL at all (`--disable-gpu`, as every other benchmark and
// e2e run here), and both delegates on a software WebGL2 (SwiftShader), since this machine has no GPU. So
// the GPU figures say what the delegate costs where WebGL is software, not what it gives on a real GPU.
// Prints numbers; not a test.
//
// Usage: node scripts/bench-delegate.mjs [--clip neutral_frontal] [--seconds 5] [--runs 2] [--size 1280x720]
import { fmt, quantile, table } from './lib/bench-format.mjs';
import { flags } from './lib/flags.mjs';
import { probeClip, startProbeServer } from './lib/probe-run.mjs';

const args = flags(['clip', 'runs', 'seconds', 'size']);
const clip = args.clip ?? 'neutral_frontal';
const seconds = Number(args.seconds ?? 5);
const runs = Number(args.runs ?? 2);
const camera = { fps: 60, size: args.size ?? null };

const server = await startProbeServer();
const rows = [];
const renderers = new Set();
try {
  for (let run = 1; run <= runs; run++)
    for (const [delegate, webgl] of [
      ['CPU', false],
      ['CPU', true],
      ['GPU', true],
    ]) {
      const res = await probeClip(server.url, clip, { seconds, bare: true, camera, delegate, webgl });
      const infer = res.frames.slice(1).map((f) => f.inferenceMs);
      const faces = res.frames.filter((f) => f.faceCount > 0).length;
      renderers.add(res.renderer ?? 'no WebGL2');
      rows.push([
        run,
        `${delegate} delegate, ${webgl ? 'SwiftShader GL (--use-angle=swiftshader)' : '--disable-gpu'}`,
        fmt(res.initMs, 0),
        res.frames.length,
        `${faces} / ${res.frames.length}`,
        fmt(quantile(infer, 0.5), 1),
        fmt(quantile(infer, 0.95), 1),
        fmt(res.frames.length / res.seconds),
      ]);
      process.stderr.write(
        `  run ${run} ${delegate}${webgl ? ' on SwiftShader' : ''}: ${res.frames.length} frames\n`,
      );
    }
} finally {
  server.close();
}
console.log(
  `# bare FaceLandmarker loop, ${clip} (${camera.size ?? "the fixture's 640×480"}, camera 60 fps, 30 asked), ${seconds} s per run\n`,
);
console.log(
  table(['run', 'setup', 'init ms', 'analysed', 'with a face', 'infer p50 ms', 'p95', 'fps'], rows),
);
console.log(`\nWebGL2 renderer seen by the worker: ${[...renderers].join('; ')}`);
