// Build configuration of the web app (src/ui). Relative base so dist/ works as plain
// static files opened from any folder or served from any path.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  root: '.',
  build: {
    outDir: 'dist',
    target: 'es2022',
  },
  worker: { format: 'es' },
});
