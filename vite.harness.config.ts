import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer built for the browser harness (dev:web, e2e, bench): the same code the app
// ships, served by test/harness over http://127.0.0.1 with a bridge in place of the preload.
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'out/harness-renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
  },
});
