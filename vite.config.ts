import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset path relative, so `dist/` works from any static file server
// and from any sub-folder. Nothing is fetched from another origin.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // ES-module workers can split: the engine worker loads tfjs only when a tfjs path runs.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
