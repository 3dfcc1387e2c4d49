// Type-aware linting for the whole repository, plus the Lit and web-component rules for elements.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/**', 'reports/**', '.stryker-tmp/**', 'node_modules/**', 'storybook-static/**', 'custom-elements.json', '.entraide/**', 'examples/react/**', 'examples/vue/**'] },
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
  { files: ['src/components/**/*.ts', 'stories/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['src/components/**/*.ts'], ...wc.configs['flat/recommended'] },
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
