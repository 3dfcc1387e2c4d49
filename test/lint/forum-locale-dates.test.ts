/**
 * Dates and times in elements follow the forum's locale (issue 15, item 10): the lint refuses
 * each way of formatting in the browser's language, in any element file but the formatters'.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = new URL('../../', import.meta.url).pathname;
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
});

async function refusals(code: string, path = 'src/components/post-header/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  assert.deepEqual(result!.messages.filter((message) => message.fatal), [], `${path} did not parse`);
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

describe('lint: dates in the forum\'s locale', { timeout: 120_000 }, () => {
  it('refuses formatting in the browser\'s language in an element', async () => {
    const cases = [
      'export const a = new Intl.DateTimeFormat(undefined).format(new Date());',
      'export const b = new Date().toLocaleTimeString();',
      "export const c = new Date().toLocaleDateString('fr');",
      'export const d = (3).toLocaleString();',
      "import { html } from 'lit';\nexport const e = html`<input type=\"time\" name=\"start\">`;",
      "import { html } from 'lit';\nexport const f = html`<input type=date>`;",
    ];
    for (const code of cases) assert.equal((await refusals(code)).length, 1, code);
  });

  it('lets the formatters module and locale-given calls through', async () => {
    assert.deepEqual(await refusals('export const a = new Intl.DateTimeFormat("fr").format(new Date());', 'src/components/internal/format.ts'), []);
    assert.deepEqual(await refusals("export const b = (3).toLocaleString('fr');\nexport const c = new Intl.NumberFormat('fr').format(3);"), []);
    assert.deepEqual(await refusals("import { html } from 'lit';\nexport const d = html`<input type=\"text\" inputmode=\"numeric\">`;"), []);
  });
});
