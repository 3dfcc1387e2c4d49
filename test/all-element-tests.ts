// Served in place of this comment by web-test-runner.config.mjs: an import of every test file of
// test/components and test/mocks, so that `npm run test:web` runs them all in one page.
export {};
