// The naive baseline for `pnpm bench:vision`: one classic worker with a bare FaceLandmarker (same model
// and options as the plugin's worker: VIDEO mode, CPU, 2 faces, blendshapes, matrices) and nothing else —
// no metrics, no pixel stats, no JPEG. Not part of the product. `delegate: 'GPU'` in the init message is for
// scripts/bench-delegate.mjs, which weighs tasks-vision's WebGL delegate against the CPU one.
self.module = { exports: {} };
self.exports = self.module.exports;
importScripts('./tasks-vision.cjs');
const { FaceLandmarker, FilesetResolver } = self.module.exports;
let landmarker = null;
/** The WebGL2 renderer this worker would get (what the GPU delegate runs on), or null without WebGL2. */
function webglRenderer() {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
let last = -1;
self.onmessage = async (ev) => {
  const m = ev.data;
  if (m.type === 'init') {
    const t0 = performance.now();
    try {
      const fileset = await FilesetResolver.forVisionTasks(m.wasmBaseUrl);
      landmarker = await FaceLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetPath: m.modelUrl, delegate: m.delegate ?? 'CPU' },
        runningMode: 'VIDEO',
        numFaces: 2,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
      });
      self.postMessage({ type: 'ready', initMs: performance.now() - t0, renderer: webglRenderer() });
    } catch (err) {
      self.postMessage({ type: 'init-failed', detail: String(err?.message ?? err) });
    }
  } else if (m.type === 'frame') {
    const ts = m.timestamp > last ? m.timestamp : last + 1;
    last = ts;
    const t0 = performance.now();
    const r = landmarker.detectForVideo(m.bitmap, ts);
    const inferenceMs = performance.now() - t0;
    m.bitmap.close();
    self.postMessage({ type: 'result', id: m.id, inferenceMs, faceCount: r.faceLandmarks.length });
  }
};
