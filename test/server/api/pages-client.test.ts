/**
 * With rendered pages on, the forum's views that only the browser renders (search, preferences,
 * inbox, a profile, the workspaces, a new question) still open at their own address: the shell
 * with an empty `<entraide-forum>`, never indexed; while the static files and the API's typed
 * JSON 404s keep their paths. Over real HTTP.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const PUBLIC_URL = 'https://www.brand.test/aide';
const DEMO_PAGE = new URL('../../../demo/index.html', import.meta.url).pathname;
const BUNDLE = 'export const entry = "the plain entry";\n';

let server: TestServer;
let staticDir: string;

const page = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

/** The forum element as the page holds it, with what is inside it. */
const forumElement = (html: string) => /<entraide-forum\b[^>]*>[\s\S]*?<\/entraide-forum>/.exec(html)?.[0] ?? '';

describe('client-rendered views in pages mode', () => {
  before(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'entraide-pages-client-'));
    writeFileSync(join(staticDir, 'index.html'), readFileSync(DEMO_PAGE));
    writeFileSync(join(staticDir, 'entraide.min.js'), BUNDLE);
    server = await createTestServer({ listen: true, staticDir, pages: { publicUrl: PUBLIC_URL } });
  });
  after(async () => {
    await server?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('opens each of them: the shell with an unrendered forum, noindex, 200', async () => {
    for (const path of ['/search', '/search?q=forfait', '/search/forfait', '/preferences', '/inbox', '/inbox/3', '/members/7', '/agent', '/admin', '/categories/3/new']) {
      const response = await page(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      const html = await response.text();
      assert.equal(forumElement(html), '<entraide-forum api="/api" base-path="/aide"></entraide-forum>', `${path}: the browser renders it`);
      assert.ok(!html.includes('shadowroot'), `${path}: no declarative shadow root to hydrate`);
      assert.ok(!html.includes('id="entraide-seed"'), `${path}: no seed`);
      assert.match(html, /<meta name="robots" content="noindex">/, path);
      assert.ok(!html.includes('rel="canonical"'), `${path}: no canonical`);
      assert.match(html, /<script type="module" src="\/hydrate\/entraide-ssr\.min\.js"><\/script>/, `${path}: the one entry`);
      assert.ok(response.headers.get('content-security-policy')?.includes("script-src 'self'"), `${path}: the page's CSP`);
    }
  });

  it('speaks the language asked for', async () => {
    const html = await (await page('/search?lang=en')).text();
    assert.match(html, /<html lang="en"/);
  });

  it('says "not found" for an id the forum would not read', async () => {
    for (const path of ['/members/abc', '/members/0', '/inbox/-2', '/categories/x/new', `/members/${'9'.repeat(30)}`]) {
      const response = await page(path);
      assert.equal(response.status, 404, path);
      await response.arrayBuffer();
    }
  });

  it('keeps the static files and the API\'s typed JSON 404s', async () => {
    const bundle = await page('/entraide.min.js');
    assert.equal(bundle.status, 200);
    assert.equal(await bundle.text(), BUNDLE);
    for (const path of ['/api/nothing-here', '/api/search-nothing', '/api/members/abc/nope']) {
      const response = await page(path);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/, path);
      assert.equal((await response.json()).error.code, 'not_found', path);
    }
    const missing = await page('/nothing-here.js');
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.code, 'not_found');
  });
});
