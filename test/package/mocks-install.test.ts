/**
 * `entraide/mocks` from the tarball with what the README says to add, its two optional peers
 * (msw, PGlite) and nothing else: the demo community loads from the packed dump and the SDK
 * reads it through msw in Node.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { emptyApp, install, installedVersion, pack, ROOT, scratchDir } from './helpers.ts';

const run = promisify(execFile);

const SCRIPT = `import { setupServer } from 'msw/node';
import { closeMockForums, createMockForum, DEMO_PEOPLE } from 'entraide/mocks';
import { createEntraideClient } from 'entraide/sdk';

const baseUrl = 'http://forum.test/api';
const forum = await createMockForum({ baseUrl });
const server = setupServer(...forum.handlers);
server.listen({ onUnhandledRequest: 'error' });
const categories = await createEntraideClient({ baseUrl }).categories.list();
const member = await forum.member(DEMO_PEOPLE.topHelper);
console.log(JSON.stringify({ categories: categories.length, member: member.pseudonym }));
server.close();
await closeMockForums();
`;

describe('entraide/mocks installed with its optional peers', { timeout: 600_000 }, () => {
  const scratch = scratchDir('mocks');
  const app = join(scratch.dir, 'app');
  before(async () => {
    const tarball = await pack(ROOT, scratch.dir);
    mkdirSync(app);
    emptyApp(app, 'brand-tests');
    writeFileSync(join(app, 'mocks.mjs'), SCRIPT);
    await install(app, [tarball.path, `msw@${installedVersion('msw')}`, `@electric-sql/pglite@${installedVersion('@electric-sql/pglite')}`]);
  });
  after(() => scratch.remove());

  it('answers the SDK from the packed demo community', async () => {
    const { stdout } = await run(process.execPath, ['mocks.mjs'], { cwd: app });
    const answer = JSON.parse(stdout) as { categories: number; member: string };
    assert.ok(answer.categories > 0, stdout);
    assert.ok(answer.member.length > 0, stdout);
  });
});
