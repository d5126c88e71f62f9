import { defineConfig } from 'vite';

// No React plugin needed: Vite compiles TSX with the automatic runtime (tsconfig "jsx": "react-jsx").
export default defineConfig({
  build: { outDir: 'dist', target: 'es2022' },
});
