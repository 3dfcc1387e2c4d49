/**
 * What a brand's front end gets from `npm install entraide` (issue 14): a fresh Vite app
 * (vanilla TypeScript, written here rather than downloaded with create-vite) installs the packed
 * package, imports the elements and the SDK, type-checks and builds. Its node_modules holds no
 * server, no PGlite and no msw; the figures are printed for the README.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { consumerTsconfig, emptyApp, footprint, install, installedVersion, kb, mb, pack, ROOT, scratchDir, type Footprint, type Tarball } from './helpers.ts';

const run = promisify(execFile);

/** Packages that must never reach a front end: the server's, and the mocks' optional peers. */
const NOT_IN_A_FRONT_END = ['@electric-sql/pglite', 'fastify', 'pg', 'msw', 'jose', 'entraide-server'];

const INDEX_HTML = `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>Aide</title></head>
  <body>
    <entraide-forum api="/api" locale="fr"></entraide-forum>
    <p id="categories"></p>
    <script type="module" src="/main.ts"></script>
  </body>
</html>
`;

/** The two imports of the README: the elements (registered on import) and the typed SDK. */
const MAIN_TS = `import 'entraide';
import { createEntraideClient } from 'entraide/sdk';

const forum = document.querySelector('entraide-forum');
if (forum) {
  forum.addEventListener('entraide-sign-in-requested', (event) => {
    event.preventDefault();
    void forum.setToken('token-from-the-brand-back-end');
  });
}

const client = createEntraideClient({ baseUrl: '/api' });
void client.categories.list().then((categories) => {
  const name: string | undefined = categories[0]?.name;
  // @ts-expect-error The contract's types survive packing: a category id is a number, not a string.
  const id: string | undefined = categories[0]?.id;
  document.querySelector('#categories')!.textContent = \`\${categories.length} \${name ?? ''} \${id ?? ''}\`;
});
`;

const TSCONFIG = consumerTsconfig(['main.ts']);

describe('entraide in a fresh Vite app', { timeout: 600_000 }, () => {
  const scratch = scratchDir('vite');
  const app = join(scratch.dir, 'app');
  let tarball: Tarball;
  let viteAlone: Footprint;
  let withEntraide: Footprint;

  before(async () => {
    tarball = await pack(ROOT, scratch.dir);
    await run('mkdir', [app]);
    emptyApp(app, 'brand-help-page');
    writeFileSync(join(app, 'index.html'), INDEX_HTML);
    writeFileSync(join(app, 'main.ts'), MAIN_TS);
    writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    await install(app, [`vite@${installedVersion('vite')}`]);
    viteAlone = await footprint(app);
    await install(app, [tarball.path]);
    withEntraide = await footprint(app);
  });
  after(() => scratch.remove());

  it('installs no server, no PGlite and no msw', (t) => {
    const added = withEntraide.packages.filter((name) => !viteAlone.packages.includes(name));
    t.diagnostic(`entraide tarball: ${kb(tarball.size)} (${kb(tarball.unpackedSize)} unpacked, ${tarball.files.length} files)`);
    t.diagnostic(`node_modules: vite ${installedVersion('vite')} alone ${mb(viteAlone.megabytes)} (${viteAlone.packages.length} packages); with entraide ${mb(withEntraide.megabytes)} (${withEntraide.packages.length} packages)`);
    t.diagnostic(`added by entraide: ${added.length} packages, ${mb(withEntraide.megabytes - viteAlone.megabytes)}: ${added.sort().join(', ')}`);
    for (const name of NOT_IN_A_FRONT_END) assert.ok(!withEntraide.packages.includes(name), `${name} is in the app's node_modules`);
    assert.ok(withEntraide.packages.includes('entraide'));
  });

  it('type-checks against the packed types', async () => {
    // The repository's own tsc, resolving `entraide` from the app's node_modules as the app's editor would.
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { cwd: app });
  });

  it('builds with vite, the elements registered in the page script', async (t) => {
    await run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app });
    const assets = join(app, 'dist/assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    const code = new Map(scripts.map((name) => [name, readFileSync(join(assets, name), 'utf8')]));
    const html = readFileSync(join(app, 'dist/index.html'), 'utf8');
    // What the page loads at once: its module script and the chunks it preloads.
    const initial = [...html.matchAll(/<(?:script type="module"|link rel="modulepreload")[^>]* (?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
    assert.ok(initial.length > 0 && initial.every((name) => code.has(name)), `index.html loads ${initial.join(', ')} of ${scripts.join(', ')}`);
    const initialCode = initial.map((name) => code.get(name)!).join('\n');
    // The read path registers on import (package.json#sideEffects keeps these modules); the rest are chunks.
    for (const tag of ['entraide-forum', 'entraide-category-list', 'entraide-thread-list', 'entraide-thread', 'entraide-post', 'entraide-post-header', 'entraide-rank-badge']) {
      assert.match(initialCode, new RegExp(`["'\`]${tag}["'\`]`), `${tag} is not defined by the page's scripts`);
    }
    assert.ok([...code.values()].some((text) => /["'`]entraide-composer["'`]/.test(text)), 'the composer chunk is missing');
    const bytes = [...code.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    t.diagnostic(`vite build: ${scripts.length} scripts, ${kb(bytes)}; loaded at once: ${initial.length} scripts, ${kb(Buffer.byteLength(initialCode))}`);
  });
});
