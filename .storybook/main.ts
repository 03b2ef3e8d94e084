import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The media pool is generated (`npm run fixtures`); Storybook refuses to start
// on a missing static dir, so stories that need media simply find none yet.
const mediaPool = join(here, '../demo/fixtures/pool');

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      builder: {
        // Not the root vite.config.ts: that one mounts the reference backend.
        viteConfigPath: join(here, 'vite.config.ts'),
      },
    },
  },
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
  core: { disableTelemetry: true },
  staticDirs: existsSync(mediaPool) ? [{ from: '../demo/fixtures/pool', to: '/media/pool' }] : [],
  viteFinal(config) {
    // Workspace packages expose their TypeScript under the "source" condition.
    config.resolve = { ...config.resolve, conditions: ['source', ...defaultClientConditions] };
    // Storybook's own preview runtime is ~900 kB; that warning says nothing about our code.
    config.build = { ...config.build, chunkSizeWarningLimit: 1500 };
    return config;
  },
};

export default config;
