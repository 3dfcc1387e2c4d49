import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The decorator settings of tsconfig.json, which the build and the element tests use too. */
const { compilerOptions } = JSON.parse(readFileSync(new URL('../tsconfig.json', import.meta.url), 'utf8')) as {
  compilerOptions: { experimentalDecorators: boolean; useDefineForClassFields: boolean };
};

/**
 * Lit's decorators compiled as the bundle compiles them (TypeScript's experimental decorators,
 * fields without define semantics): esbuild, the element tests' transform, lowers them before
 * Vite's own TypeScript transform sees the file.
 */
function lowerDecorators(): Plugin {
  const tsconfigRaw = { compilerOptions: { experimentalDecorators: compilerOptions.experimentalDecorators, useDefineForClassFields: compilerOptions.useDefineForClassFields } };
  return {
    name: 'entraide:lower-decorators',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.ts') || file.includes('/node_modules/') || !code.includes('@')) return null;
      const result = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: file, tsconfigRaw });
      return { code: result.code, map: result.map };
    },
  };
}

/** Stories for designers: every element in every state, on mocked data, with the a11y panel. */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // msw's worker script at the preview's root, straight from node_modules (no committed copy).
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), lowerDecorators()],
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      // PGlite finds its .wasm and .data beside its own module (`new URL(…, import.meta.url)`): pre-bundling would move the module away from them.
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
      // The domain's sanitizer is CommonJS: pre-bundled into an ES module (it is reached through the mocks, which Vite's scan may not follow).
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'xss'],
    },
  }),
};

export default config;
