import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The bench pages, built like production code so the comparison is fair. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'pages'),
  logLevel: 'warn',
  resolve: { conditions: ['source', 'module', 'browser', 'production'] },
  build: {
    outDir: resolve(import.meta.dirname, '.out/pages'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        player: resolve(import.meta.dirname, 'pages/player.html'),
        hls: resolve(import.meta.dirname, 'pages/hls.html'),
        index: resolve(import.meta.dirname, 'pages/index.html'),
        timeline: resolve(import.meta.dirname, 'pages/timeline.html'),
        panel: resolve(import.meta.dirname, 'pages/panel.html'),
        'e2ee-crypto': resolve(import.meta.dirname, 'pages/e2ee-crypto.html'),
        'e2ee-player': resolve(import.meta.dirname, 'pages/e2ee-player.html'),
      },
    },
  },
});
