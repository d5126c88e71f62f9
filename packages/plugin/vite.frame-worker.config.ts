import { defineConfig } from 'vite';

// The frame worker: converts camera VideoFrames to ImageBitmaps off the page's main thread (camera/frame-copier.ts).
export default defineConfig({
  build: {
    outDir: 'dist/iife',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/camera/frame-worker.ts',
      formats: ['iife'],
      name: 'OzFrameWorker',
      fileName: () => 'frame_worker.js',
    },
  },
});
