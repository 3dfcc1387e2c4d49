/**
 * The published declarations type-check for consumers on every TypeScript from 5.5 to the
 * repository's 6: a fresh app installs the packed package, React's types and each TypeScript
 * (as npm aliases, side by side), then each one's own compiler checks a file that uses every
 * front-end entry point — with `skipLibCheck` off, so the package's .d.ts files are checked too
 * (a DOM type of TS 6 leaking into them broke 5.9 users once, TS2417 in faq-link.d.ts).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { consumerTsconfig, emptyApp, install, installedVersion, pack, ROOT, scratchDir } from './helpers.ts';

const run = promisify(execFile);

/**
 * The oldest TypeScript the package promises and the last 5.x, then the repository's own 6. Each
 * check reads every declaration (lit's and React's too) for 10–40 s: the minors between passed
 * when tried (5.6, 5.7, 5.8 on 2026-12-07) and are left out of every run.
 */
const VERSIONS = ['5.5', '5.9'];

/** Every front-end entry point, used as a brand's code would: types that must resolve, not only load. */
const CONSUMER_TS = `import { EntraideForum } from 'entraide';
import type { EntraideComposer } from 'entraide/composer';
import type { EntraideSearch } from 'entraide/search';
import { createEntraideClient, isEntraideError, type ThreadDetail } from 'entraide/sdk';
import { LIMITS } from 'entraide/core';
import { EntraideForum as ReactForum } from 'entraide/react';
import { createElement } from 'react';

const forum: EntraideForum | null = document.querySelector('entraide-forum');
forum?.addEventListener('entraide-sign-in-requested', (event) => event.preventDefault());
const composer: EntraideComposer | null = document.querySelector('entraide-composer');
const search: EntraideSearch | null = document.querySelector('entraide-search');
void composer;
void search;

const client = createEntraideClient({ baseUrl: '/api' });
export async function firstThread(id: number): Promise<ThreadDetail | undefined> {
  try {
    return await client.threads.get(id);
  } catch (error) {
    if (isEntraideError(error)) return undefined;
    throw error;
  }
}
export const longest: number = LIMITS.bodyMax;
export const element = createElement(ReactForum, { api: '/api', locale: 'fr', onEntraideSignInRequested: (event) => event.preventDefault() });
`;

// The package's declarations are what this test checks: `skipLibCheck` off.
const TSCONFIG = consumerTsconfig(['consumer.ts'], { skipLibCheck: false });

describe('declarations for TypeScript 5.5 to 6', { timeout: 600_000 }, () => {
  const scratch = scratchDir('ts-matrix');
  const app = scratch.dir;

  before(async () => {
    const tarball = await pack(ROOT, app);
    emptyApp(app, 'brand-typescript-matrix');
    writeFileSync(join(app, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    const compilers = VERSIONS.map((version) => `ts${version.replace('.', '')}@npm:typescript@~${version}.0`);
    await install(app, [tarball.path, `react@${installedVersion('react')}`, `@types/react@${installedVersion('@types/react')}`, `typescript@${installedVersion('typescript')}`, ...compilers]);
  });
  after(() => scratch.remove());

  for (const version of [...VERSIONS, 'repository']) {
    it(`type-checks with TypeScript ${version}`, async (t) => {
      // Each alias's own lib/tsc.js: the aliases share one node_modules/.bin/tsc, which points at one of them.
      const dir = join(app, 'node_modules', version === 'repository' ? 'typescript' : `ts${version.replace('.', '')}`);
      const installed = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      if (version !== 'repository') assert.ok(installed.startsWith(`${version}.`), `ts${version} resolved to ${installed}`);
      t.diagnostic(`typescript ${installed}`);
      await run(process.execPath, [join(dir, 'lib/tsc.js'), '-p', join(app, 'tsconfig.json')], { cwd: app }).catch((error: { stdout?: string }) => {
        throw new Error(`TypeScript ${installed}:\n${error.stdout ?? ''}`, { cause: error });
      });
    });
  }

  it('fails when the consumer is wrong (the check is real)', async () => {
    writeFileSync(join(app, 'wrong.ts'), `import { LIMITS } from 'entraide/core';\nexport const wrong: string = LIMITS.bodyMax;\n`);
    const tsconfig = join(app, 'tsconfig.wrong.json');
    writeFileSync(tsconfig, JSON.stringify(consumerTsconfig(['wrong.ts'], { skipLibCheck: false })));
    await assert.rejects(run(process.execPath, [join(app, 'node_modules/ts55/lib/tsc.js'), '-p', tsconfig], { cwd: app }), (error: { stdout: string }) => /TS2322/.test(error.stdout));
  });
});
