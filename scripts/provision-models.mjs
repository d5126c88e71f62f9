#!/usr/bin/env node
// Puts every model and wasm file the product needs into the git-ignored `.assets/` folder.
//
// Source order for each model: $LIVENESS_FIXTURES/models (default ../shared/fixtures/models), then the
// file's official public URL. Files from the faceplugin npm package come from `npm pack` of the pinned
// version (never installed as a dependency). Known sha256 sums are verified; a wrong or missing file is a
// clear error naming the file and every place it was looked for. Re-running is cheap: files already in
// place with the right hash are kept.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const assetsDir = resolve(process.env.LIVENESS_ASSETS_DIR ?? join(repoRoot, '.assets'));
const fixturesDir = resolve(process.env.LIVENESS_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures'));
const modelsOut = join(assetsDir, 'models');
const wasmOut = join(assetsDir, 'wasm');
const ortOut = join(assetsDir, 'ort');

/** Models found in the fixtures folder or at their official URL. */
const directModels = [
  {
    name: 'face_landmarker.task',
    sha256: '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff',
    url: 'https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/face_landmarker.task',
  },
  {
    name: 'MiniFASNetV2.onnx',
    sha256: '4eed38f0bde33c9b805942a5f25e42ce1161e2bda545254be622be957727794e',
    url: 'https://github.com/yakhyo/face-anti-spoofing/raw/c175efef505bc275f7835cc9aa2aecab305ac184/weights/MiniFASNetV2.onnx',
  },
  {
    name: 'MiniFASNetV1SE.onnx',
    sha256: 'd819a69bac6b9ade2a0f4d9b60b618e1260f7bf3ba1fddff6c5d82131cb1083f',
    url: 'https://github.com/yakhyo/face-anti-spoofing/raw/c175efef505bc275f7835cc9aa2aecab305ac184/weights/MiniFASNetV1SE.onnx',
  },
];

/** Models taken from the pinned faceplugin npm tarball (`package/model/<name>`). */
const npmPackage = {
  spec: 'faceplugin-face-recognition-js@0.0.1',
  tarballSha256: '7ea06031d9a3f83753254fcff60506a07b81b46fc84d4ee024cd041f260ec1ba',
  files: ['fr_detect.onnx', 'fr_feature.onnx', 'fr_landmark.onnx'],
};

/** tasks-vision runtime files the vision worker loads (served by the adapter, never from a CDN). */
const wasmFiles = [
  'vision_wasm_internal.js',
  'vision_wasm_internal.wasm',
  'vision_wasm_nosimd_internal.js',
  'vision_wasm_nosimd_internal.wasm',
];

/**
 * onnxruntime-web runtime files the on-device worker loads (`open({on_device: true})`): the wasm build for the
 * wasm backend and the asyncify build for WebGPU. Both are SIMD; the threaded ones use threads only when the page
 * is cross-origin isolated.
 */
const ortFiles = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
];

class ProvisionError extends Error {}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const log = (msg) => process.stdout.write(`[models] ${msg}\n`);

function hasGoodCopy(path, expected) {
  if (!existsSync(path)) return false;
  return expected === undefined || sha256(readFileSync(path)) === expected;
}

async function download(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

async function provisionDirect(model) {
  const dest = join(modelsOut, model.name);
  if (hasGoodCopy(dest, model.sha256)) return `${model.name}: up to date`;
  const tried = [];
  const local = join(fixturesDir, 'models', model.name);
  if (existsSync(local)) {
    const buf = readFileSync(local);
    if (sha256(buf) === model.sha256) {
      writeFileSync(dest, buf);
      return `${model.name}: copied from ${local}`;
    }
    tried.push(`${local} (sha256 mismatch)`);
  } else {
    tried.push(`${local} (missing)`);
  }
  try {
    const buf = await download(model.url);
    if (sha256(buf) !== model.sha256) throw new Error(`sha256 mismatch, got ${sha256(buf)}`);
    writeFileSync(dest, buf);
    return `${model.name}: downloaded from ${model.url}`;
  } catch (err) {
    tried.push(`${model.url} (${err instanceof Error ? err.message : String(err)})`);
  }
  throw new ProvisionError(`${model.name} could not be provisioned. Looked in:\n  - ${tried.join('\n  - ')}`);
}

function provisionFromNpm() {
  const missing = npmPackage.files.filter((f) => !existsSync(join(modelsOut, f)));
  if (missing.length === 0) return [`${npmPackage.files.join(', ')}: up to date`];
  const work = mkdtempSync(join(tmpdir(), 'ol-models-'));
  try {
    const pack = spawnSync('npm', ['pack', npmPackage.spec, '--silent'], { cwd: work, encoding: 'utf8' });
    const tgzName = pack.stdout.trim().split('\n').pop();
    if (pack.status !== 0 || !tgzName) {
      throw new ProvisionError(
        `${missing.join(', ')} could not be provisioned: 'npm pack ${npmPackage.spec}' failed (${pack.stderr.trim()})`,
      );
    }
    const tgz = join(work, tgzName);
    const got = sha256(readFileSync(tgz));
    if (got !== npmPackage.tarballSha256) {
      throw new ProvisionError(
        `${npmPackage.spec} tarball sha256 is ${got}, expected ${npmPackage.tarballSha256}`,
      );
    }
    const untar = spawnSync('tar', ['-xzf', tgz, '-C', work], { encoding: 'utf8' });
    if (untar.status !== 0) throw new ProvisionError(`could not unpack ${tgz}: ${untar.stderr}`);
    for (const f of npmPackage.files) {
      const src = join(work, 'package', 'model', f);
      if (!existsSync(src))
        throw new ProvisionError(`${f} is not in ${npmPackage.spec} (looked at package/model/${f})`);
      copyFileSync(src, join(modelsOut, f));
    }
    return [`${npmPackage.files.join(', ')}: extracted from ${npmPackage.spec}`];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function provisionWasm() {
  const requireFromPlugin = createRequire(join(repoRoot, 'packages', 'plugin', 'package.json'));
  let pkgDir;
  try {
    pkgDir = dirname(requireFromPlugin.resolve('@mediapipe/tasks-vision'));
  } catch {
    throw new ProvisionError('@mediapipe/tasks-vision is not installed: run `pnpm install` first');
  }
  for (const f of wasmFiles) {
    const src = join(pkgDir, 'wasm', f);
    if (!existsSync(src)) throw new ProvisionError(`${f} is missing from ${join(pkgDir, 'wasm')}`);
    const dest = join(wasmOut, f);
    if (!existsSync(dest) || sha256(readFileSync(dest)) !== sha256(readFileSync(src)))
      copyFileSync(src, dest);
  }
  return `tasks-vision wasm (${wasmFiles.length} files) in place`;
}

function provisionOrt() {
  const requireFromPlugin = createRequire(join(repoRoot, 'packages', 'plugin', 'package.json'));
  let distDir;
  try {
    distDir = dirname(requireFromPlugin.resolve('onnxruntime-web/wasm'));
  } catch {
    throw new ProvisionError('onnxruntime-web is not installed: run `pnpm install` first');
  }
  for (const f of ortFiles) {
    const src = join(distDir, f);
    if (!existsSync(src)) throw new ProvisionError(`${f} is missing from ${distDir}`);
    const dest = join(ortOut, f);
    if (!existsSync(dest) || sha256(readFileSync(dest)) !== sha256(readFileSync(src)))
      copyFileSync(src, dest);
  }
  return `onnxruntime-web wasm (${ortFiles.length} files) in place`;
}

async function main() {
  mkdirSync(modelsOut, { recursive: true });
  mkdirSync(wasmOut, { recursive: true });
  mkdirSync(ortOut, { recursive: true });
  for (const model of directModels) log(await provisionDirect(model));
  for (const line of provisionFromNpm()) log(line);
  log(provisionWasm());
  log(provisionOrt());
  log(`assets ready in ${assetsDir}`);
}

main().catch((err) => {
  process.stderr.write(
    `[models] ERROR: ${err instanceof ProvisionError ? err.message : (err?.stack ?? err)}\n`,
  );
  process.exit(1);
});
