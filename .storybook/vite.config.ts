import { defineConfig } from 'vite';

/**
 * Storybook's own Vite base config. Pointed to from main.ts so that Storybook
 * does not pick up the root vite.config.ts, which mounts the reference backend.
 * (Storybook keeps only `build.target` from here; other build options go in viteFinal.)
 */
export default defineConfig({
  build: { target: 'es2022' },
});
