// Type-aware linting for the whole repository, plus the Lit and web-component rules for elements.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The layers of DESIGN.md's Architecture table, and what each may import. A layer not named in
 * `to` is refused; `typesOnly` layers may be imported with `import type` / `export type` only.
 * Browser layers (core, sdk, components, mocks) never reach src/server.
 */
const LAYERS = {
  core: { to: [] },
  contract: { to: ['core'] },
  sdk: { to: ['core'], typesOnly: ['contract'] },
  components: { to: ['core', 'sdk'] },
  // `entraide/react`: generated wrappers of the elements (scripts/generate-frameworks.ts).
  react: { to: ['core', 'sdk', 'components'] },
  domain: { to: ['core', 'contract'] },
  mocks: { to: ['core', 'contract', 'domain'] },
  server: { to: ['core', 'contract', 'domain'] },
  // Stories, the demo page and the browser examples run in the browser over the mocks or the SDK.
  stories: { to: ['core', 'sdk', 'components', 'mocks'], typesOnly: ['contract'] },
  demo: { to: ['core', 'sdk', 'components'], typesOnly: ['contract'] },
  // Tests may import anything.
  test: { to: ['core', 'contract', 'sdk', 'components', 'react', 'domain', 'mocks', 'server', 'stories', 'demo'] },
};

const layerBoundaries = {
  plugins: { boundaries },
  settings: {
    // Folders from the repository root (partialMatch: false), so test/stories is a test, not a story.
    'boundaries/elements': [
      ...['core', 'contract', 'sdk', 'components', 'react', 'domain', 'mocks', 'server'].map((type) => ({ type, pattern: `src/${type}` })),
      { type: 'stories', pattern: 'stories' },
      // `[.]`: the `.storybook` folder, written so that the plugin does not take it for a file name.
      { type: 'stories', pattern: '[.]storybook' },
      { type: 'demo', pattern: 'demo' },
      { type: 'demo', pattern: 'examples/html' },
      { type: 'demo', pattern: 'examples/sdk' },
      { type: 'test', pattern: 'test' },
    ].map((descriptor) => ({ ...descriptor, partialMatch: false })),
    // Re-exports and dynamic imports are arrows too.
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
  },
  rules: {
    'boundaries/dependencies': ['error', {
      default: 'disallow',
      message: '{{from.type}} may not import {{to.type}} ({{dependency.kind}}): see the Architecture table in DESIGN.md',
      policies: Object.entries(LAYERS).map(([type, { to, typesOnly = [] }]) => ({
        from: { element: { type } },
        allow: [
          { to: { element: { types: { anyOf: [type, ...to] } } } },
          ...(typesOnly.length ? [{ to: { element: { types: { anyOf: typesOnly } } }, dependency: { kind: 'type' } }] : []),
        ],
      })),
    }],
  },
};

/** Packages for the server side: I/O, schemas, markdown and sanitizing, mocking. No browser layer ships them. */
const SERVER_SIDE_PACKAGES = ['node:*', 'markdown-it', 'xss', 'typebox', 'typebox/*', 'pg', '@electric-sql/*', 'fastify', '@fastify/*', 'jose', 'msw', 'msw/*'];

/** Core is pure (no I/O, no rendering, no framework); the SDK and elements keep server-side code out of the bundle. */
const layerPackages = [
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: [...SERVER_SIDE_PACKAGES, 'lit', 'lit/*', '@lit/*'], message: 'src/core is pure: no I/O, rendering or framework (DESIGN.md, Architecture).' }],
      }],
    },
  },
  {
    files: ['src/sdk/**/*.ts', 'src/components/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: SERVER_SIDE_PACKAGES, allowTypeImports: true, message: 'Server-side code stays out of the browser bundle (DESIGN.md, Architecture).' }],
      }],
    },
  },
];

/** What the rule above refuses in elements, each with what to do instead (tested by test/lint/forum-locale-dates.test.ts). */
export const FORUM_LOCALE_DATES = [
  { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: 'Format dates through src/components/internal/format.ts, in the forum\'s locale.' },
  { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: 'Format dates through src/components/internal/format.ts, in the forum\'s locale.' },
  { selector: "CallExpression[callee.property.name='toLocaleString'][arguments.length=0]", message: 'Give toLocaleString the forum\'s locale (or use src/components/internal/format.ts).' },
  { selector: "TemplateElement[value.raw=/<input[^>]*\\stype=[\"']?(time|date|datetime-local|month|week)\\b/]", message: 'Date and time inputs draw in the browser\'s language: use a 24-hour text field (agent-team/plan-editor.ts) or a select labelled through internal/format.ts (agent-quality).' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'server/dist/**', 'reports/**', '.stryker-tmp/**', 'node_modules/**', 'storybook-static/**', 'custom-elements.json', '.entraide/**', 'examples/react/**', 'examples/vue/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', '.storybook/*.ts', 'examples/html/*.js', 'examples/sdk/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify's convention: async handlers and plugins signal "returns a promise", with or without await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  layerBoundaries,
  ...layerPackages,
  { files: ['src/components/**/*.ts', 'stories/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['src/components/**/*.ts'], ...wc.configs['flat/recommended'] },
  {
    // Dates and times follow the forum's locale, never the browser's ("01:30 PM" in a French forum).
    files: ['src/components/**/*.ts'],
    ignores: ['src/components/internal/format.ts', 'src/components/internal/format-more.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...FORUM_LOCALE_DATES],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // node:test's describe/it return promises that the runner awaits.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  { files: ['**/*.mjs', 'examples/html/*.js', 'examples/sdk/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['examples/html/*.js', 'examples/sdk/*.js'],
    languageOptions: { globals: { navigator: 'readonly', addEventListener: 'readonly', AbortController: 'readonly', document: 'readonly', window: 'readonly', fetch: 'readonly', sessionStorage: 'readonly', customElements: 'readonly', console: 'readonly' } },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } } },
);
