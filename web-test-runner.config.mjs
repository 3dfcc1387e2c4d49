// Browser tests for the elements and the mocks, in Debian's Chromium (never a downloaded one).
// Recipe and the reasons behind each option: /work/shared/TOOLCHAIN.md §1.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { createReadStream, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The domain's sanitizer (xss) is CommonJS, which a page cannot import: served as one ES module
 * bundled by esbuild, the way Vite pre-bundles it for Storybook.
 */
const COMMONJS = ['/node_modules/xss/'];
const commonjsAsEsm = {
  name: 'entraide-commonjs-as-esm',
  async serve(context) {
    if (!COMMONJS.some((prefix) => context.path.startsWith(prefix)) || !context.path.endsWith('.js')) return undefined;
    const file = root + context.path;
    // Named exports as Node offers them (`import { FilterXSS } from 'xss'`), read from the module itself.
    const names = Object.keys(require(file)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
    const contents = `import cjs from ${JSON.stringify(file)};\nexport default cjs;\nexport const { ${names.join(', ')} } = cjs;`;
    const result = await build({ stdin: { contents, resolveDir: root }, bundle: true, format: 'esm', write: false, logLevel: 'silent' });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/**
 * `npm run test:web` runs every element test in one page: the page opens the demo community's
 * database once (about a second) instead of once per file. The stub file is replaced, when
 * served, by an import of each test file of the folders, so no list is kept by hand. A file
 * named `*.own-page.test.ts` runs in a page of its own: it tests what a page holds once (which
 * elements are defined, which strings loaded). A single file still runs alone with `--files`.
 */
const ALL_IN_ONE_PAGE = 'test/all-element-tests.ts';
const SUITE_FOLDERS = ['test/components', 'test/mocks'];
const OWN_PAGE = '.own-page.test.ts';
const allInOnePage = {
  name: 'entraide-all-in-one-page',
  serve(context) {
    if (context.path !== `/${ALL_IN_ONE_PAGE}`) return undefined;
    const files = SUITE_FOLDERS.flatMap((folder) => readdirSync(root + folder).filter((name) => name.endsWith('.test.ts') && !name.endsWith(OWN_PAGE)).sort().map((name) => `./${folder.slice('test/'.length)}/${name}`));
    return { body: files.map((file) => `import ${JSON.stringify(file)};`).join('\n'), type: 'js' };
  },
};

/** Binary files go out as they are (the dev server would decode them as text): PGlite's file system and the demo data. */
const BINARY = /\.(data|wasm|gz)$/;

// --no-sandbox: Chromium refuses to start as root without it (CI runs as root).
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default {
  files: [ALL_IN_ONE_PAGE, ...SUITE_FOLDERS.map((folder) => `${folder}/**/*${OWN_PAGE}`)],
  // The `browser` condition is required: without it @mswjs/interceptors resolves to its Node build.
  nodeResolve: { exportConditions: ['browser', 'development'], browser: true },
  browsers: [chromeLauncher({ launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args } })],
  plugins: [allInOnePage, commonjsAsEsm, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  // Serve msw's worker at the root scope without committing a copy (`npx msw init`).
  middleware: [
    (ctx, next) => {
      if (!BINARY.test(ctx.path) || ctx.path.includes('..')) return next();
      ctx.type = ctx.path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      ctx.body = createReadStream(root + ctx.path);
      return undefined;
    },
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.url = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
  ],
  // One page at a time keeps a 2-core machine steady (with `--files`, each file is its own page).
  concurrency: 1,
  // The one page runs every element test: give it the time the suite takes, not one file's.
  testsFinishTimeout: 15 * 60_000,
  testFramework: { config: { timeout: 5000 } },
};
