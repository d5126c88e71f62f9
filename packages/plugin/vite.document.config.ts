import { defineConfig } from 'vite';

// The document chunk: photo actions' frame measurement, still capture and document screen, loaded by the
// page script only when a session runs photo_id_front / photo_id_back (keeps it out of the page script).
export default defineConfig({
  build: {
    outDir: 'dist/iife',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    lib: {
      entry: 'src/document/entry.ts',
      formats: ['iife'],
      name: 'OzDocumentChunk',
      fileName: () => 'document_capture.js',
    },
  },
});
