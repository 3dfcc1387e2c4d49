// Mutation testing of the domain rules in src/core/ and of the markdown renderer and sanitizer
// (src/domain/markdown.ts: pure, no database) against their own tests (`npm run test:mutation:core`).
// The tap runner runs each `node --test` file in its own Node process (native type stripping, no build);
// its coverage is per test file, so a mutant only reruns the test files that reach it.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/core/**/*.ts', '!src/core/index.ts', 'src/domain/markdown.ts'],
  testRunner: 'tap',
  tap: { testFiles: ['test/core/**/*.test.ts', 'test/domain/markdown.test.ts'] },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  concurrency: 2,
  thresholds: { high: 90, low: 80, break: 80 },
  reporters: ['progress-append-only', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/core.html' },
  jsonReporter: { fileName: 'reports/mutation/core.json' },
  // Later runs retest only the mutants whose code or covering tests changed (`--force` for all).
  incremental: true,
  incrementalFile: 'reports/mutation/core-incremental.json',
  ignorePatterns: ['dist', 'reports', 'storybook-static', 'docs', '.entraide'],
};
