import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * Vite 8 transforms TypeScript with Oxc, which does not lower standard (TC39) decorators: the
 * build succeeds but ships raw `@property() accessor …`, which no browser parses. esbuild
 * (the same transform the element tests use) lowers them first.
 */
function lowerStandardDecorators(): Plugin {
  return {
    name: 'entraide:lower-standard-decorators',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.ts') || file.includes('/node_modules/') || !code.includes('@')) return null;
      const result = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: file });
      return { code: result.code, map: result.map };
    },
  };
}

/** Stories for designers: every element in every state, on mocked data, with the a11y panel. */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  // msw's worker script at the preview's root, straight from node_modules (no committed copy).
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => ({ ...viteConfig, plugins: [...(viteConfig.plugins ?? []), lowerStandardDecorators()] }),
};

export default config;
