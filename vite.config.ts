import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { referenceBackend } from './demo/server/vite-plugin.js';

/**
 * The demo dashboard (`demo/`) on the embedded reference backend. Workspace
 * packages resolve to their TypeScript sources through the `source` export
 * condition, so `npm start` needs no build step.
 */
export default defineConfig({
  root: 'demo',
  publicDir: 'public',
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  plugins: [referenceBackend()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The CSP forbids inline scripts: keep Vite's module preload polyfill out.
    modulePreload: { polyfill: false },
    // Two pages: the dashboard and the simulated monitored computer (/agent/).
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'demo/index.html'),
        agent: resolve(import.meta.dirname, 'demo/agent/index.html'),
      },
    },
  },
});
