/**
 * The lint keeps DESIGN.md's Architecture table: every arrow between two layers, as a value
 * import and as a type import, is linted from an in-memory file placed in the importing layer,
 * and must pass exactly when the table allows it. The table is written again here, from
 * DESIGN.md, so that a wrong rule in eslint.config.mjs fails this test instead of agreeing with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = new URL('../../', import.meta.url).pathname;

type Layer = 'core' | 'contract' | 'sdk' | 'components' | 'domain' | 'mocks' | 'server';

/** A real module of each layer, for the snippets to import. */
const MODULE: Record<Layer, string> = {
  core: 'src/core/index.ts',
  contract: 'src/contract/models.ts',
  sdk: 'src/sdk/index.ts',
  components: 'src/components/index.ts',
  domain: 'src/domain/database.ts',
  mocks: 'src/mocks/index.ts',
  server: 'src/server/app.ts',
};

/** DESIGN.md's "may import" column: values, and layers allowed as types only. */
const TABLE: Record<Layer, { values: Layer[]; types?: Layer[] }> = {
  core: { values: [] },
  contract: { values: ['core'] },
  sdk: { values: ['core'], types: ['contract'] },
  components: { values: ['core', 'sdk'] },
  domain: { values: ['core', 'contract'] },
  mocks: { values: ['core', 'contract', 'domain'] },
  server: { values: ['core', 'contract', 'domain'] },
};

const LAYERS = Object.keys(TABLE) as Layer[];

const LAYER_RULES = ['boundaries/dependencies', '@typescript-eslint/no-restricted-imports'];

/**
 * The repository's own eslint.config.mjs, running only the layer rules: the snippets exist in no
 * TypeScript project, so type information is off, and so are the rules that need it.
 */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => LAYER_RULES.includes(ruleId),
});

/** The layer rules' messages for `code` linted as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  assert.ok(result, `no lint result for ${path}`);
  const fatal = result.messages.filter((message) => message.fatal);
  assert.deepEqual(fatal, [], `${path} did not parse`);
  return result.messages.filter((message) => LAYER_RULES.includes(message.ruleId ?? '')).map((message) => message.message);
}

/** The path from a file in src/<from>/ to the module of layer `to`. */
const specifier = (to: Layer) => `../${MODULE[to].slice('src/'.length)}`;

describe('layers (DESIGN.md, Architecture)', () => {
  describe('when a layer imports another one as a value', () => {
    for (const from of LAYERS) {
      for (const to of LAYERS.filter((layer) => layer !== from)) {
        const allowed = TABLE[from].values.includes(to);
        it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const errors = await layerErrors(`src/${from}/x.ts`, `import * as other from '${specifier(to)}';\nexport const y = other;\n`);
          assert.equal(errors.length, allowed ? 0 : 1, errors.join('\n'));
        });
      }
    }
  });

  describe('when a layer imports another one as types only', () => {
    for (const from of LAYERS) {
      for (const to of LAYERS.filter((layer) => layer !== from)) {
        const allowed = TABLE[from].values.includes(to) || (TABLE[from].types ?? []).includes(to);
        it(`${from} → type ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const errors = await layerErrors(`src/${from}/x.ts`, `import type * as other from '${specifier(to)}';\nexport type Y = typeof other;\n`);
          assert.equal(errors.length, allowed ? 0 : 1, errors.join('\n'));
        });
      }
    }
  });

  describe('when the arrow hides in another form', () => {
    it('refuses an element re-exporting the server', async () => {
      const errors = await layerErrors('src/components/x.ts', `export { buildApp } from '../server/app.ts';\n`);
      assert.equal(errors.length, 1);
    });

    it('refuses an element importing the server lazily', async () => {
      const errors = await layerErrors('src/components/x.ts', `export const load = () => import('../server/app.ts');\n`);
      assert.equal(errors.length, 1);
    });

    it('refuses an inline `type` specifier from the SDK to the contract: the import itself stays', async () => {
      const errors = await layerErrors('src/sdk/x.ts', `import { type Post } from '../contract/models.ts';\nexport type P = Post;\n`);
      assert.equal(errors.length, 1);
    });

    it('allows the SDK to re-export the contract as types', async () => {
      assert.deepEqual(await layerErrors('src/sdk/x.ts', `export type * from '../contract/models.ts';\n`), []);
    });

    it('names both layers and the design in its message', async () => {
      const [message] = await layerErrors('src/core/x.ts', `import { createEntraideClient } from '../sdk/index.ts';\nexport const c = createEntraideClient;\n`);
      assert.match(message ?? '', /core may not import sdk \(value\).*DESIGN\.md/);
    });
  });

  describe('when a layer imports a package', () => {
    it('refuses markdown-it, xss and node: modules in core', async () => {
      for (const source of ['markdown-it', 'xss', 'node:fs']) {
        const errors = await layerErrors('src/core/x.ts', `import * as lib from '${source}';\nexport const l = lib;\n`);
        assert.equal(errors.length, 1, source);
        assert.match(errors[0] ?? '', /src\/core is pure/);
      }
    });

    it('refuses lit in core', async () => {
      assert.equal((await layerErrors('src/core/x.ts', `import { html } from 'lit';\nexport const h = html;\n`)).length, 1);
    });

    it('refuses typebox as a value in the SDK and in elements, and allows its types', async () => {
      assert.equal((await layerErrors('src/sdk/x.ts', `import { Type } from 'typebox';\nexport const t = Type;\n`)).length, 1);
      assert.equal((await layerErrors('src/components/x.ts', `import { FilterXSS } from 'xss';\nexport const f = FilterXSS;\n`)).length, 1);
      assert.deepEqual(await layerErrors('src/sdk/x.ts', `import type { Static } from 'typebox';\nexport type S = Static<never>;\n`), []);
    });

    it('lets elements import lit, and the domain import markdown-it', async () => {
      assert.deepEqual(await layerErrors('src/components/x.ts', `import { html } from 'lit';\nexport const h = html;\n`), []);
      assert.deepEqual(await layerErrors('src/domain/x.ts', `import MarkdownIt from 'markdown-it';\nexport const m = MarkdownIt;\n`), []);
    });
  });

  describe('when the file is not in src/', () => {
    it('lets a test import the server', async () => {
      assert.deepEqual(await layerErrors('test/x.test.ts', `import { buildApp } from '../src/server/app.ts';\nexport const b = buildApp;\n`), []);
    });

    it('refuses a story importing the server or the domain', async () => {
      assert.equal((await layerErrors('stories/x.stories.ts', `import { buildApp } from '../src/server/app.ts';\nexport const b = buildApp;\n`)).length, 1);
      assert.equal((await layerErrors('stories/x.stories.ts', `import * as db from '../src/domain/database.ts';\nexport const d = db;\n`)).length, 1);
    });

    it('refuses the demo page importing the mocks', async () => {
      assert.equal((await layerErrors('demo/x.ts', `import * as mocks from '../src/mocks/index.ts';\nexport const m = mocks;\n`)).length, 1);
    });
  });

  describe('when the whole configuration is used', () => {
    it('runs the layer rule on every source folder', async () => {
      const full = new ESLint({ cwd: root });
      for (const path of [...Object.values(MODULE), 'stories/post.stories.ts', 'test/core/domain.test.ts']) {
        const resolved = (await full.calculateConfigForFile(path)) as { rules?: Record<string, unknown> };
        assert.deepEqual((resolved.rules?.['boundaries/dependencies'] as unknown[] | undefined)?.[0], 2, path);
      }
    });
  });
});
