/**
 * What each tarball holds (`npm pack --dry-run`): the front end ships its bundles, modules and
 * types and nothing of the server; the server ships its build; neither ships Storybook, the
 * bench's size bundles, the demo page or the sources, and every source map carries its sources.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pack, ROOT, scratchDir, type Tarball } from './helpers.ts';

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: Record<string, string>;
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The server's packages: none may be a dependency of the front end. */
const SERVER_ONLY = /^(fastify|@fastify\/.*|pg|jose|pino.*|@electric-sql\/pglite|msw)$/;

/** Each map's sources are inside it (`sourcesContent`): the tarballs hold no source tree for them to point at. */
function assertMapsCarrySources(dir: string, tarball: Tarball): void {
  const maps = tarball.files.filter((file) => file.endsWith('.map'));
  for (const file of maps) {
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
    assert.equal(map.sourcesContent?.length, map.sources.length, `${file} has no sourcesContent`);
    assert.ok(map.sourcesContent.every((text) => typeof text === 'string'), `${file} misses a source`);
  }
}

describe('the packed files', () => {
  const scratch = scratchDir('pack');
  const serverDir = join(ROOT, 'server');
  let front: Tarball;
  let server: Tarball;
  before(async () => {
    [front, server] = await Promise.all([pack(ROOT, scratch.dir, true), pack(serverDir, scratch.dir, true)]);
  });
  after(() => scratch.remove());

  it('entraide: bundles, modules, types, the manifest; no server, Storybook, size bundles, demo page or sources', () => {
    // dist/hydrate: the hydrating entry of server-rendered pages and its chunks; dist/ssr: the elements' Node build.
    // dist/frameworks: Preact, Solid and Vue tag types; the two JSON files: editor data (issue 18).
    const allowed = /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/(hydrate\/)?entraide(-[\w.-]+)?\.min\.js|dist\/ssr\/.+\.js|dist\/esm\/.+|dist\/types\/.+|dist\/frameworks\/(preact|solid|vue)\.(d\.ts|js)|dist\/(vscode\.html-custom-data|web-types)\.json)$/;
    assert.deepEqual(front.files.filter((file) => !allowed.test(file)), []);
    for (const file of ['LICENSE', 'README.md', 'dist/entraide.min.js', 'dist/entraide-sdk.min.js', 'dist/hydrate/entraide-ssr.min.js', 'dist/ssr/entraide-ssr.js', 'dist/esm/components/index.js', 'dist/esm/mocks/demo-data/community.tar.gz']) {
      assert.ok(front.files.includes(file), `${file} is not packed`);
    }
    assert.ok(!front.files.some((file) => /^dist\/esm\/server\/|\/storybook\//.test(file)));
    assertMapsCarrySources(ROOT, front);
  });

  it('entraide: no server dependency; msw and PGlite are optional peers', () => {
    const { dependencies = {}, peerDependencies = {}, peerDependenciesMeta = {}, bin } = manifest(ROOT);
    assert.deepEqual(Object.keys(dependencies).filter((name) => SERVER_ONLY.test(name)), []);
    for (const name of ['msw', '@electric-sql/pglite']) {
      assert.ok(peerDependencies[name], `${name} is not a peer dependency`);
      assert.equal(peerDependenciesMeta[name]?.optional, true, `${name} is not optional`);
    }
    assert.equal(bin, undefined, 'the CLI belongs to entraide-server');
  });

  it('entraide-server: its build, with migrations and an executable CLI', () => {
    const allowed = /^(package\.json|README\.md|LICENSE|dist\/(server|domain|contract|core)\/.+)$/;
    assert.deepEqual(server.files.filter((file) => !allowed.test(file)), []);
    for (const file of ['LICENSE', 'README.md', 'dist/server/index.js', 'dist/server/index.d.ts', 'dist/server/db/migrations/001_init.sql']) {
      assert.ok(server.files.includes(file), `${file} is not packed`);
    }
    const cli = manifest(serverDir).bin?.['entraide-server'];
    assert.ok(cli && server.files.includes(cli.replace(/^\.\//, '')), `the bin ${cli} is not packed`);
    assert.match(readFileSync(join(serverDir, cli), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assertMapsCarrySources(serverDir, server);
  });
});
