import { defineConfig } from 'vite';

// The pack worker: builds ZIP shot sets off the main thread (and keeps jszip out of the page script).
export default defineConfig({
  build: {
    outDir: 'dist/iife',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/pack/worker.ts',
      formats: ['iife'],
      name: 'OzPackWorker',
      fileName: () => 'pack_worker.js',
    },
  },
});
