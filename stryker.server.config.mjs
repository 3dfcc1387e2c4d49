// Mutation testing of the server's rules (`npm run test:mutation:server`).
// Narrowed, because every server test file starts its own server on PGlite (4–20 s a file on this
// machine) and the whole server suite once per mutant would take many hours:
// - mutated: the services that apply the core rules to asking and replying (posting), to the
//   thread lifecycle (moderation) and to the advisor queue's holdback (queue). interactions.ts
//   (kudos, solutions, confirmations, edits: 373 mutants, more than the other three together)
//   is left out so that a run fits in under an hour; the other services mostly shape SQL reads.
// - tests: the API test files that aim at those services, plus the permission matrix; the
//   other API test files would each add seconds to every surviving mutant.
// See stryker.survivors.md for what survives and why.
import core from './stryker.core.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...core,
  mutate: ['src/domain/services/{posting,moderation,queue}.ts'],
  tap: {
    testFiles: ['test/server/api/{forum,advisor,boundaries,moderation,moderation-records,posting-rules,authorization}.test.ts'],
  },
  // A server test file takes seconds: the default 5 s on top of its dry-run time is too tight under load.
  timeoutMS: 30_000,
  thresholds: { high: 85, low: 70, break: 70 },
  htmlReporter: { fileName: 'reports/mutation/server.html' },
  jsonReporter: { fileName: 'reports/mutation/server.json' },
  incrementalFile: 'reports/mutation/server-incremental.json',
};
