import { defineConfig } from 'vite';
import { angularAot } from './angular-aot.js';

export default defineConfig({
  plugins: [angularAot()],
  build: { outDir: 'dist', target: 'es2022' },
});
