/**
 * The framework examples as a developer runs them (issue 18): examples/react (React 19 through
 * `entraide/react`) and examples/vue (Vue with `entraide/vue`'s template types) type-check with
 * their own config and build with Vite, then each built app shows the forum in Chromium, talking
 * to the real server. The apps resolve `entraide` to this checkout's build and their other
 * packages to the repository's node_modules (linked, not downloaded: seconds, not minutes).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, startDemoServer, type DemoServer } from '../e2e/demo-server.ts';
import { ROOT } from './helpers.ts';

const run = promisify(execFile);
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'entraide-examples-'));
const staticDir = join(scratch, 'static');
const dataDir = join(scratch, 'data');

/** examples/<name> copied to the scratch folder, its dependencies linked. */
function prepare(name: string): string {
  const app = join(scratch, name);
  cpSync(join(ROOT, 'examples', name), app, { recursive: true, filter: (path) => !/\/(node_modules|dist)$/.test(path) });
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
    const link = join(app, 'node_modules', dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(dependency === 'entraide' ? ROOT : join(ROOT, 'node_modules', dependency), link);
  }
  return app;
}

async function buildInto(app: string, name: string): Promise<void> {
  await run(bin('vite'), ['build', '--base', './', '--outDir', join(staticDir, name), '--logLevel', 'error'], { cwd: app });
}

let server: DemoServer;
let browser: Browser;

before(() => mkdirSync(staticDir, { recursive: true }));
after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
});

describe('the framework examples', { timeout: 300_000 }, () => {
  it('React 19: type-checks (typed props and onEntraide… events) and builds', async () => {
    const app = prepare('react');
    // What the wrapper refuses: a number for the locale, an event prop that does not exist.
    writeFileSync(join(app, 'src/refused.tsx'), [
      "import { EntraideForum } from 'entraide/react';",
      '// @ts-expect-error The locale is "fr" or "en".',
      'export const a = <EntraideForum locale={42} />;',
      '// @ts-expect-error No such event.',
      'export const b = <EntraideForum onEntraideNoSuchThing={() => undefined} />;',
      "export const c = <EntraideForum onEntraideNavigate={(event) => event.detail.route} />;",
      '',
    ].join('\n'));
    await run(bin('tsc'), ['--noEmit', '-p', '.'], { cwd: app });
    await buildInto(app, 'react');
  });

  it('Vue: type-checks its template against the elements (vue-tsc) and builds', async () => {
    const app = prepare('vue');
    await run(bin('vue-tsc'), ['--noEmit', '-p', '.'], { cwd: app });
    // A wrong property type in a template fails the check.
    const template = join(app, 'src/App.vue');
    const original = readFileSync(template, 'utf8');
    writeFileSync(template, original.replace(':locale="locale"', ':locale="42"'));
    await assert.rejects(run(bin('vue-tsc'), ['--noEmit', '-p', '.'], { cwd: app }), (error: { stdout: string }) => /TS2322/.test(error.stdout));
    writeFileSync(template, original);
    await buildInto(app, 'vue');
  });

  for (const [framework, jsx] of [['preact', 'react-jsx'], ['solid-js', 'preserve']] as const) {
    it(`${framework}: every tag type-checks in JSX, typed by its element`, async () => {
      const app = join(scratch, framework);
      mkdirSync(join(app, 'node_modules'), { recursive: true });
      symlinkSync(ROOT, join(app, 'node_modules/entraide'));
      symlinkSync(join(ROOT, 'node_modules', framework), join(app, 'node_modules', framework));
      const types = framework === 'preact' ? 'entraide/preact' : 'entraide/solid';
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, jsx, jsxImportSource: framework, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2023', 'dom'], skipLibCheck: true, types: [types] }, include: ['app.tsx'] }));
      writeFileSync(join(app, 'app.tsx'), [
        'export const ok = <entraide-forum api="/api" locale="en" />;',
        'export const search = <entraide-search />;',
        '// @ts-expect-error The locale is "fr" or "en".',
        'export const refused = <entraide-forum locale={42} />;',
        '',
      ].join('\n'));
      await run(bin('tsc'), ['-p', '.'], { cwd: app });
    });
  }

  it('each built app shows the forum from the real server', async () => {
    server = await startDemoServer(dataDir, { ENTRAIDE_STATIC_DIR: staticDir });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (const name of ['react', 'vue']) {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.url}/${name}/index.html`);
      await page.locator('entraide-forum entraide-category-list a').first().waitFor({ timeout: 30_000 });
      // The app's own button switches the forum's language through the property.
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.locator('entraide-forum').getByText('Sign in', { exact: true }).first().waitFor({ timeout: 15_000 });
      mkdirSync('/tmp/shots-fe', { recursive: true });
      await page.screenshot({ path: `/tmp/shots-fe/example-${name}-360.png` });
      assert.deepEqual(problems, [], `${name}: page errors`);
      await page.close();
    }
  });
});
