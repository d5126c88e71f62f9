/// <reference lib="webworker" />
// The on-device worker with onnxruntime-web's wasm build (SIMD; threads when cross-origin isolated).
import * as ort from 'onnxruntime-web/wasm';
import { startOnDeviceWorker } from './worker-core.js';

startOnDeviceWorker(ort, false);
