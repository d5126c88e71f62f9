import { defineConfig } from 'vite';

// The script-tag bundle: one IIFE file that defines window.OzLiveness.
export default defineConfig({
  build: {
    outDir: 'dist/iife',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/global.ts',
      formats: ['iife'],
      name: 'OzLivenessBundle',
      fileName: () => 'plugin_liveness.js',
    },
  },
});
