// Browser tests for the elements and the mocks, in Debian's Chromium (never a downloaded one).
// Recipe and the reasons behind each option: /work/shared/TOOLCHAIN.md §1.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

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
  files: ['test/components/**/*.test.ts', 'test/mocks/**/*.test.ts'],
  // The `browser` condition is required: without it @mswjs/interceptors resolves to its Node build.
  nodeResolve: { exportConditions: ['browser', 'development'], browser: true },
  browsers: [chromeLauncher({ launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args } })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  // Serve msw's worker at the root scope without committing a copy (`npx msw init`).
  middleware: [
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.url = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
  ],
  // Each file is its own page with its own msw worker; one at a time keeps a 2-core machine steady.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
};
