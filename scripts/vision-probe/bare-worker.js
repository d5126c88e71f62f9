// The naive baseline for `pnpm bench:vision`: one classic worker with a bare FaceLandmarker (same model
// and options as the plugin's worker: VIDEO mode, CPU, 2 faces, blendshapes, matrices) and nothing else —
// no metrics, no pixel stats, no JPEG. Not part of the product.
self.module = { exports: {} };
self.exports = self.module.exports;
importScripts('./tasks-vision.cjs');
const { FaceLandmarker, FilesetResolver } = self.module.exports;
let landmarker = null;
let last = -1;
self.onmessage = async (ev) => {
  const m = ev.data;
  if (m.type === 'init') {
    const t0 = performance.now();
    try {
      const fileset = await FilesetResolver.forVisionTasks(m.wasmBaseUrl);
      landmarker = await FaceLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetPath: m.modelUrl, delegate: 'CPU' },
        runningMode: 'VIDEO',
        numFaces: 2,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
      });
      self.postMessage({ type: 'ready', initMs: performance.now() - t0 });
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
