import { defineConfig } from 'vite';

// The 3D mask renderer: a classic script the vision worker importScripts() only when the mask is on.
export default defineConfig({
  build: {
    outDir: 'dist/iife',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/vision/mask/renderer.ts',
      formats: ['iife'],
      name: 'OzMaskRendererBundle',
      fileName: () => 'mask_renderer.js',
    },
  },
});
