/// <reference lib="webworker" />
// The vision worker: owns the FaceLandmarker model, measures each frame, encodes recorded frames.
// It is a classic worker because tasks-vision loads its wasm glue with importScripts().
import { FaceLandmarker, FilesetResolver } from '@mediapipe/tasks-vision';
import { type FrameImage, isRgba, releaseImage } from '../camera/frame-image.js';
import { bestFrameScore } from '../capture/score.js';
import { countedFetch, LoadMeter, loadFraction } from './load-progress.js';
import type { MaskLook, MaskRenderer, MaskRendererModule } from './mask/look.js';
import { computeMetrics, mainFaceIndex } from './metrics.js';
import { cropInto, type PixelStats, pixelStats } from './pixels.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { Box } from './types.js';

declare const self: DedicatedWorkerGlobalScope & { OzMaskRenderer?: MaskRendererModule };

let landmarker: FaceLandmarker | null = null;
let lastTimestamp = -1;
const STATS_SIZE = 96;
const statsCanvas = new OffscreenCanvas(STATS_SIZE, STATS_SIZE);
const statsCtx = statsCanvas.getContext('2d', { willReadFrequently: true });
/** The face crop of an RGBA frame, filled again for every frame. */
const statsCrop = new Uint8ClampedArray(STATS_SIZE * STATS_SIZE * 4);
const encodeCanvas = new OffscreenCanvas(1, 1);
const encodeCtx = encodeCanvas.getContext('2d');

interface ClipBest {
  frameId: number;
  score: number;
  image: FrameImage;
}
const clipBest = new Map<number, ClipBest>();

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

/** Emscripten's hook for instantiating the wasm module itself (the runtime then does not fetch it). */
interface EmscriptenModule {
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void): object;
}

/** The 3D mask, drawn only when the page hands over a canvas; its renderer script is loaded then. */
let mask: MaskRenderer | null = null;

function startMask(canvas: OffscreenCanvas, rendererUrl: string, look: MaskLook) {
  mask?.stop();
  mask = null;
  try {
    if (!self.OzMaskRenderer) importScripts(rendererUrl);
    const module = self.OzMaskRenderer;
    if (!module) throw new Error('mask renderer did not load');
    mask = module.create(
      canvas,
      FaceLandmarker.FACE_LANDMARKS_TESSELATION,
      FaceLandmarker.FACE_LANDMARKS_FACE_OVAL,
      look,
    );
  } catch (err) {
    // The mask is decoration: the capture goes on with the oval alone.
    console.warn(`[OzLiveness] 3D mask unavailable: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function init(wasmBaseUrl: string, modelUrl: string) {
  const t0 = performance.now();
  try {
    const fileset = await FilesetResolver.forVisionTasks(wasmBaseUrl);
    // The wasm runtime and the model are fetched here rather than by tasks-vision, so their bytes can be
    // counted: the loading screen shows a real percentage when they are slow to arrive.
    const meter = new LoadMeter((p) => post({ type: 'progress', fraction: loadFraction(p) }));
    const [wasmBody, modelBody] = await Promise.all([
      countedFetch(fileset.wasmBinaryPath, meter),
      countedFetch(modelUrl, meter),
    ]);
    const [wasm, model] = await Promise.all([
      // Streaming compilation: the module compiles while it downloads.
      WebAssembly.compileStreaming(
        new Response(wasmBody, { headers: { 'Content-Type': 'application/wasm' } }),
      ),
      new Response(modelBody).arrayBuffer(),
    ]);
    // tasks-vision hands a pre-set self.Module to the runtime's factory: instantiate the compiled module.
    const hook: EmscriptenModule = {
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(wasm, imports).then(done, (err: unknown) =>
          post({ type: 'init-failed', detail: `wasm instantiation failed: ${String(err)}` }),
        );
        return {};
      },
    };
    (self as unknown as { Module?: EmscriptenModule }).Module = hook;
    landmarker = await FaceLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: new Uint8Array(model), delegate: 'CPU' },
      runningMode: 'VIDEO',
      numFaces: 2,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    });
    // Warm the graph up on a blank camera-sized frame: its first run costs several hundred ms, which the
    // first real frame (the first hint) would otherwise pay. Timestamp 0, below any frame's.
    landmarker.detectForVideo(new ImageData(640, 480), 0);
    lastTimestamp = 0;
    post({ type: 'ready', initMs: performance.now() - t0 });
  } catch (err) {
    post({ type: 'init-failed', detail: err instanceof Error ? err.message : String(err) });
  }
}

/** What the model and the canvas take: RGBA bytes wrapped as ImageData (the wrapper copies nothing). */
type Pixels = ImageBitmap | ImageData;

const pixelsOf = (image: FrameImage): Pixels =>
  isRgba(image) ? new ImageData(new Uint8ClampedArray(image.rgba), image.width, image.height) : image;

function faceStats(image: Pixels, box: Box | null): PixelStats | null {
  if (!box) return null;
  if (image instanceof ImageData) {
    cropInto(image.data, image.width, image.height, box, statsCrop, STATS_SIZE, STATS_SIZE);
    return pixelStats(statsCrop, STATS_SIZE, STATS_SIZE);
  }
  if (!statsCtx) return null;
  const w = Math.max(1, box.right - box.left);
  const h = Math.max(1, box.bottom - box.top);
  statsCtx.drawImage(image, box.left, box.top, w, h, 0, 0, STATS_SIZE, STATS_SIZE);
  return pixelStats(statsCtx.getImageData(0, 0, STATS_SIZE, STATS_SIZE).data, STATS_SIZE, STATS_SIZE);
}

/** Draws the frame and starts its encoding: the canvas is copied now, the blob comes later (off-thread). */
function encode(pixels: Pixels, type: 'image/jpeg' | 'image/png', quality?: number): Promise<Blob | null> {
  if (!encodeCtx) return Promise.resolve(null);
  if (encodeCanvas.width !== pixels.width) encodeCanvas.width = pixels.width;
  if (encodeCanvas.height !== pixels.height) encodeCanvas.height = pixels.height;
  if (pixels instanceof ImageData) encodeCtx.putImageData(pixels, 0, 0);
  else encodeCtx.drawImage(pixels, 0, 0);
  return encodeCanvas.convertToBlob(quality === undefined ? { type } : { type, quality });
}

function onFrame(msg: Extract<ToWorker, { type: 'frame' }>) {
  const { image } = msg;
  let keep = false;
  /** The RGBA buffer to hand back to the page's pool with the result. */
  let spare: ArrayBuffer | null = isRgba(image) ? image.rgba : null;
  // Wrapped once for the model, the face stats and the JPEG.
  const pixels = pixelsOf(image);
  try {
    if (!landmarker) throw new Error('model not ready');
    // detectForVideo needs strictly increasing timestamps.
    const ts = msg.timestamp > lastTimestamp ? msg.timestamp : lastTimestamp + 1;
    lastTimestamp = ts;
    const t0 = performance.now();
    const result = landmarker.detectForVideo(pixels, ts);
    const inferenceMs = performance.now() - t0;
    const frame = { width: image.width, height: image.height, timestamp: msg.timestamp };
    const first = computeMetrics(result, frame, null);
    mask?.update(
      result.faceLandmarks[mainFaceIndex(result.faceLandmarks)] ?? null,
      image.width,
      image.height,
    );
    const metrics = { ...first, ...(faceStats(pixels, first.box) ?? {}) };
    let jpeg: Promise<Blob | null> | null = null;
    if (msg.record) {
      if (!msg.record.encoded) jpeg = encode(pixels, 'image/jpeg', msg.record.jpegQuality);
      const score = bestFrameScore(metrics);
      const prev = clipBest.get(msg.record.clipId);
      if (!prev || score > prev.score) {
        if (prev) releaseImage(prev.image);
        clipBest.set(msg.record.clipId, { frameId: msg.id, score, image });
        keep = true;
        spare = prev && isRgba(prev.image) ? prev.image.rgba : null;
      }
    }
    // The result goes now, so the page can send the next frame while this one's JPEG is encoded.
    post(
      { type: 'result', id: msg.id, metrics, inferenceMs, encoding: jpeg !== null, spare },
      spare ? [spare] : [],
    );
    jpeg?.then(
      (blob) => post({ type: 'jpeg', id: msg.id, jpeg: blob }),
      () => post({ type: 'jpeg', id: msg.id, jpeg: null }),
    );
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // Emscripten's abort() leaves the wasm module unusable: every later frame would fail too.
    if (detail.startsWith('Aborted(')) post({ type: 'crashed', detail });
    post({ type: 'frame-failed', id: msg.id, detail });
  } finally {
    if (!keep) releaseImage(image);
  }
}

async function finishClip(clipId: number) {
  const best = clipBest.get(clipId);
  clipBest.delete(clipId);
  const png = best ? await encode(pixelsOf(best.image), 'image/png') : null;
  if (best) releaseImage(best.image);
  post({ type: 'clip-finished', clipId, bestFrameId: best?.frameId ?? -1, score: best?.score ?? -1, png });
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'init':
      void init(msg.wasmBaseUrl, msg.modelUrl);
      break;
    case 'frame':
      onFrame(msg);
      break;
    case 'finish-clip':
      void finishClip(msg.clipId);
      break;
    case 'mask':
      startMask(msg.canvas, msg.rendererUrl, msg.look);
      break;
    case 'mask-off':
      mask?.stop();
      mask = null;
      break;
    case 'drop-clip':
      {
        const best = clipBest.get(msg.clipId);
        if (best) releaseImage(best.image);
      }
      clipBest.delete(msg.clipId);
      break;
  }
};
