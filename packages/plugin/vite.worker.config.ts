import { defineConfig } from 'vite';

// The vision worker: a classic-script IIFE (tasks-vision loads its wasm glue with importScripts).
export default defineConfig({
  build: {
    outDir: 'dist/iife',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/vision/worker.ts',
      formats: ['iife'],
      name: 'OzVisionWorker',
      fileName: () => 'vision_worker.js',
    },
  },
});
