import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: Vite's dev server injects an inline React Fast Refresh preamble and talks HMR
 * over a websocket, both of which the renderer's CSP forbids. Relax the meta CSP for the dev server
 * and nowhere else — builds (and the app:// protocol's CSP header) keep `script-src 'self'`.
 */
function devServerCsp(): Plugin {
  return {
    name: 'rapport-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
  };
}

// Three builds, one per runtime: main (plus the core entry that runs in a utilityProcess),
// the sandboxed preload (one CommonJS file), and the renderer served over app://.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          core: resolve(__dirname, 'electron/core/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require npm packages: bundle everything (zod, shared/api).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
