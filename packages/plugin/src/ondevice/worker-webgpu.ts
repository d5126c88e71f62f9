/// <reference lib="webworker" />
// The on-device worker with onnxruntime-web's WebGPU build (its wasm backend is the fallback in the same file).
import * as ort from 'onnxruntime-web/webgpu';
import { startOnDeviceWorker } from './worker-core.js';

startOnDeviceWorker(ort, true);
