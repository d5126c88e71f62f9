import { defineConfig } from 'vite';

// The npm ESM build; dependencies stay external so the host bundler dedupes them.
export default defineConfig({
  build: {
    outDir: 'dist/esm',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2020',
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: { external: [/^preact/, 'jszip', '@mediapipe/tasks-vision'] },
  },
});
