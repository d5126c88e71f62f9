import { defineConfig } from 'vite';

// The on-device liveness worker (onnxruntime-web webgpu build), loaded only by open({on_device: true}). The
// extern-wasm condition keeps ort's wasm glue out of the bundle: it is imported at run time from the adapter's
// /assets/ort/ (so threads can start their own workers from it).
export default defineConfig({
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', 'module', 'browser', 'import', 'default'] },
  build: {
    outDir: 'dist/iife',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/ondevice/worker-webgpu.ts',
      formats: ['iife'],
      name: 'OzOnDeviceWorker',
      fileName: () => 'ondevice_worker_webgpu.js',
    },
  },
});
