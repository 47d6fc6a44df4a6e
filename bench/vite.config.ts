import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds the naive baseline page (bench/naive) for `npm run bench`, same React and markdown
// libraries as the app, production mode.
export default defineConfig({
  root: 'bench/naive',
  plugins: [react()],
  logLevel: 'warn',
  build: { target: 'es2022', outDir: '../dist/naive', emptyOutDir: true, sourcemap: false },
});
