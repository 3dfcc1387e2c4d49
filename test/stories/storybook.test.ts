/**
 * Every story of the static Storybook, opened in Debian's Chromium: it must render, log no
 * console error and pass axe-core with no violation, in French and in English on a desktop, and
 * in French on a 360 px phone, where nothing may be wider than the screen either. Builds `dist/storybook`
 * first when it is missing or older than the stories, the Storybook config or the elements.
 *
 *   node --test test/stories/storybook.test.ts
 *
 * ENTRAIDE_STORIES=<substring>[,<substring>…] limits the run to matching story ids.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { elementsOf, readManifest } from '../../scripts/manifest.ts';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'dist/storybook');
const indexFile = join(out, 'index.json');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');
/**
 * The first story of the page also opens the demo community's database (PGlite, from the dump
 * in dist/storybook/assets): seconds on a quiet machine, much more on a busy one. Later stories
 * only put the database back as loaded. A story switched away from while its loader still runs
 * makes Storybook reload the preview, so the first story gets this long before the others start.
 */
const FIRST_STORY_TIMEOUT = 180_000;
/** Console text a story tagged `expected-http-error` may log: Chromium's line for a failed or 5xx response. */
const EXPECTED_HTTP_ERROR = /Failed to load resource|net::ERR_FAILED|Failed to fetch/;
/**
 * Switching stories aborts the previous story's requests still in flight, which Chromium logs as
 * `net::ERR_FAILED` while the next story renders: not the next story's failure. HTTP errors
 * (`status of 4xx/5xx`) still fail a story that does not expect them.
 */
const ABORTED_BY_STORY_SWITCH = /Failed to load resource: net::ERR_FAILED/;

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
  tags?: string[];
}

/** Newest modification time under `dir` (files only). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let time = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // Directories too: removing a story changes its folder's time, not any file's.
    if (entry.isFile() || entry.isDirectory()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

function ensureBuilt(): void {
  const sources = Math.max(...['stories', '.storybook', 'scripts', 'src/components', 'src/mocks', 'src/sdk', 'src/core'].map((dir) => newest(join(root, dir))));
  if (existsSync(indexFile) && statSync(indexFile).mtimeMs >= sources) return;
  execFileSync('npx', ['storybook', 'build', '-o', 'dist/storybook', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.map': 'application/json',
  // PGlite's engine (compiled by the browser as it streams in) and the demo community's dump.
  '.wasm': 'application/wasm', '.gz': 'application/gzip',
};

/** A tiny static server for `dist/storybook` on a free loopback port. */
function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/**
 * Waits until the story has rendered and settled: `#storybook-root` has content and its
 * elements and text, shadow roots included, have not changed for 400 ms (data stories fetch from
 * the msw worker; loading stories settle on their loading message).
 */
async function settle(page: Page, quietMs = 400, root = '#storybook-root', timeout = 15_000): Promise<string> {
  await page.evaluate(() => delete (window as unknown as { __settle?: unknown }).__settle);
  await page.waitForFunction((selector) => (document.querySelector(selector)?.childElementCount ?? 0) > 0, root, { timeout });
  await page.waitForFunction(
    ([quiet, selector]) => {
      // Tag names and text, shadow roots included: what a reader (or axe) would meet.
      const deepText = (node: Node): string => {
        let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : node instanceof Element ? `<${node.localName}>` : '';
        if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
        for (const child of node.childNodes) text += deepText(child);
        return text;
      };
      const state = window as unknown as { __settle?: { text: string; since: number } };
      const text = deepText(document.querySelector(selector)!);
      const now = performance.now();
      if (state.__settle?.text !== text) state.__settle = { text, since: now };
      return now - state.__settle.since >= quiet;
    },
    [quietMs, root] as const,
    { polling: Math.min(100, quietMs / 2), timeout },
  );
  return page.evaluate(() => (window as unknown as { __settle: { text: string } }).__settle.text);
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

type Channel = { emit(event: string, payload: unknown): void; on(event: string, fn: (payload: unknown) => void): void; off(event: string, fn: (payload: unknown) => void): void };

/**
 * Shows `storyId` in the preview. The first story loads the iframe; later ones are selected
 * through Storybook's channel (`setCurrentStory`), as the manager does, which saves reloading
 * the preview bundle and re-registering the msw worker for every story.
 */
async function show(page: Page, base: string, storyId: string, first: boolean): Promise<void> {
  await page.evaluate(() => delete (window as unknown as { __settle?: unknown }).__settle).catch(() => undefined);
  if (first) {
    await page.goto(`${base}/iframe.html?id=${storyId}&viewMode=story`);
    await page.addScriptTag({ path: axePath });
    await page.waitForFunction(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0, undefined, { timeout: FIRST_STORY_TIMEOUT });
    return;
  }
  const outcome = await page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }).__STORYBOOK_ADDONS_CHANNEL__;
        const events = ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing'];
        const listeners = events.map((name) => {
          const listener = (payload: unknown) => {
            if (name === 'storyRendered' && payload !== id) return;
            for (const [i, event] of events.entries()) channel.off(event, listeners[i]!);
            resolve(name === 'storyRendered' ? 'ok' : `${name}: ${JSON.stringify(payload)?.slice(0, 300)}`);
          };
          channel.on(name, listener);
          return listener;
        });
        setTimeout(() => resolve('no storyRendered event within 15 s'), 15_000);
        channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
      }),
    storyId,
  );
  if (outcome !== 'ok') throw new Error(outcome);
}

/**
 * Shows the docs page `docsId`, first by loading the preview, then through the channel as the
 * manager does, and waits until its first story has rendered and settled.
 */
async function showDocs(page: Page, base: string, docsId: string, first: boolean): Promise<void> {
  if (first) {
    await page.goto(`${base}/iframe.html?id=${docsId}&viewMode=docs`);
    await page.addScriptTag({ path: axePath });
  } else {
    await page.evaluate((id) => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }).__STORYBOOK_ADDONS_CHANNEL__;
      channel.emit('setCurrentStory', { storyId: id, viewMode: 'docs' });
    }, docsId);
  }
  await page.waitForFunction(
    (id) => {
      const story = document.querySelector('#storybook-docs [id^="story--"][id$="--primary-inner"]');
      return story?.id.startsWith(`story--${id.replace(/--docs$/, '--')}`) === true && (story.textContent ?? '').length + story.querySelectorAll('*').length > 2;
    },
    docsId,
    { timeout: first ? FIRST_STORY_TIMEOUT : 30_000 },
  );
  await settle(page, 400, '#storybook-docs', 30_000);
}

/**
 * axe rules that judge the docs page's frame rather than the element: panels made to sit under
 * their host's heading (an h4 in the advisor tools) follow the page's h1 there. Every story
 * still passes them on its own.
 */
const DOCS_PAGE_ONLY = ['heading-order'];

/** What a docs page lacks: its title, or the table of the element's properties, events, parts… */
async function docsProblems(page: Page, title: string): Promise<string[]> {
  return page.evaluate((expected) => {
    const problems: string[] = [];
    const heading = document.querySelector('#storybook-docs h1')?.textContent ?? '';
    if (heading !== expected.split('/').at(-1)) problems.push(`docs title is "${heading}", not "${expected.split('/').at(-1)}"`);
    if (!document.querySelector('#storybook-docs .docblock-argstable tbody tr')) problems.push('docs page has no table of the element\'s API');
    return problems;
  }, title);
}

const DESKTOP = { width: 1000, height: 800 };
/** A small phone held upright: what the forum's smallest readers meet. */
const PHONE = { width: 360, height: 740 };
/**
 * Quiet times after a change in place, shorter than a story's first render: the mock community
 * answers at once, and the other language's strings are loaded after the first story. A resize
 * only changes the layout.
 */
const LOCALE_QUIET_MS = 250;
const RESIZE_QUIET_MS = 100;

/** axe-core's violations inside the story root, one line each. */
async function axeViolations(page: Page, root = '#storybook-root', skip: string[] = []): Promise<string[]> {
  const violations = await page.evaluate(async ([selector, skipped]) => {
    const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    // Details of violations only: axe skips collecting the passes, a good part of its time.
    const rules = Object.fromEntries(skipped.map((rule) => [rule, { enabled: false }]));
    const results = await axe.run(document.querySelector(selector)!, { resultTypes: ['violations'], rules });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, [root, skip] as const);
  return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * A page wider than the phone scrolls sideways: the reader loses the end of every line. Names the
 * outermost elements (shadow roots included) that stick out past the right edge.
 */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return [];
    const edge = doc.clientWidth + 0.5;
    const name = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const culprits: string[] = [];
    const visit = (el: Element, path: string) => {
      const here = `${path} > ${name(el)}`;
      if (el.getBoundingClientRect().right > edge && getComputedStyle(el).position !== 'fixed') {
        // The outermost overflowing element whose children all fit is the one to fix.
        const before = culprits.length;
        for (const child of [...(el.shadowRoot?.children ?? []), ...el.children]) visit(child, here);
        if (culprits.length === before) culprits.push(`${here} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
        return;
      }
      for (const child of [...(el.shadowRoot?.children ?? []), ...el.children]) visit(child, here);
    };
    visit(document.querySelector('#storybook-root')!, '');
    return [`page is ${doc.scrollWidth} px wide on a ${doc.clientWidth} px screen`, ...culprits.slice(0, 4).map((c) => `  ${c.slice(-240)}`)];
  });
}

/** The story's language: the decorator's wrapper `lang` (from the toolbar or the story's globals). */
const storyLocale = (page: Page) => page.evaluate(() => document.querySelector('#storybook-root [lang]')?.getAttribute('lang') ?? 'fr');

/**
 * Switches the story's language in place, as a page changing its `lang` does: the wrapper's
 * `lang` and the document's (whose change the elements observe). No re-render of the story, so
 * a state a story reached by playing (a form sent, a list opened) stays on screen.
 */
async function switchLocale(page: Page, locale: string): Promise<void> {
  await page.evaluate((lang) => {
    document.querySelector('#storybook-root [lang]')?.setAttribute('lang', lang);
    document.documentElement.setAttribute('lang', lang);
  }, locale);
}

/**
 * Shows one story and checks it in both languages on a desktop, and in French on a phone; throws with every
 * console error, axe violation and phone overflow found, each under the language and screen it
 * was met on. Leaves the page as the next story expects it: desktop size, the story's language.
 */
async function checkStory(page: Page, base: string, story: IndexEntry, first: boolean, problems: string[], notes: string[]): Promise<void> {
  problems.length = 0;
  let initial: string | undefined;
  try {
    await show(page, base, story.id, first);
    let text = await settle(page);
    initial = await storyLocale(page);
    // Both languages on a desktop, and the phone in French, whose strings run longer: three
    // checks, not four, keep \`npm test\` within its 40 minutes on two cores.
    const states = initial === 'en'
      ? [{ locale: 'en', viewport: DESKTOP }, { locale: 'fr', viewport: DESKTOP }, { locale: 'fr', viewport: PHONE }]
      : [{ locale: initial, viewport: DESKTOP }, { locale: initial, viewport: PHONE }, { locale: 'en', viewport: DESKTOP }];
    let current = states[0]!;
    for (const state of states) {
      if (state.locale !== current.locale) {
        await switchLocale(page, state.locale);
        const switched = await settle(page, LOCALE_QUIET_MS);
        if (switched === text) notes.push(`${story.id}: switching to ${state.locale} changed no text`);
        text = switched;
      }
      if (state.viewport !== current.viewport) {
        await page.setViewportSize(state.viewport);
        text = await settle(page, RESIZE_QUIET_MS);
      }
      current = state;
      const where = `[${state.viewport.width} px, ${state.locale}]`;
      const found = [...(await axeViolations(page)), ...(state.viewport === PHONE ? await horizontalOverflow(page) : [])];
      problems.push(...found.map((problem) => `${where} ${problem}`));
    }
  } catch (error) {
    problems.push((error as Error).message.split('\n')[0] ?? String(error));
  } finally {
    // The decorator re-renders `lang` only when its value changes: put back what it wrote, and
    // let that render's requests end here, so their errors are this story's, not the next one's.
    if (initial && initial !== (await storyLocale(page).catch(() => initial))) {
      await switchLocale(page, initial).then(() => settle(page, LOCALE_QUIET_MS)).catch(() => undefined);
    }
    await page.setViewportSize(DESKTOP).catch(() => undefined);
  }
  const expectHttpErrors = story.tags?.includes('expected-http-error') ?? false;
  const found = problems.filter((problem) => {
    if (!problem.startsWith('console error:')) return true;
    if (ABORTED_BY_STORY_SWITCH.test(problem)) return false;
    return !(expectHttpErrors && EXPECTED_HTTP_ERROR.test(problem));
  });
  if (found.length) throw new Error(found.join('\n'));
}

describe('Storybook: every story renders, logs no error, passes axe-core in fr and en on a desktop, and in fr on a 360 px phone', { timeout: 2_400_000 }, () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let stories: IndexEntry[] = [];

  before(async () => {
    ensureBuilt();
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry> };
    const only = process.env.ENTRAIDE_STORIES?.split(',').filter(Boolean) ?? [];
    stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && (!only.length || only.some((part) => entry.id.includes(part))));
    server = await serve(out);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('has stories and a docs page for every element of the manifest', () => {
    if (process.env.ENTRAIDE_STORIES) return;
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry & { importPath: string }> };
    const tags = elementsOf(readManifest(join(root, 'custom-elements.json'))).map((element) => element.tagName);
    // Each story file's `component` (one element per file); its docs page comes from the same file.
    const files = readdirSync(join(root, 'stories')).filter((file) => file.endsWith('.stories.ts'));
    const componentOf = new Map(files.map((file) => [file, /component: '(entraide-[a-z-]+)'/.exec(readFileSync(join(root, 'stories', file), 'utf8'))?.[1]]));
    const documented = new Set(Object.values(index.entries).filter((entry) => entry.type === 'docs').map((entry) => componentOf.get(entry.importPath.replace('./stories/', ''))));
    const storied = new Set(Object.values(index.entries).filter((entry) => entry.type === 'story').map((entry) => componentOf.get(entry.importPath.replace('./stories/', ''))));
    assert.deepEqual(tags.filter((tag) => !storied.has(tag)), [], 'elements without a story');
    assert.deepEqual(tags.filter((tag) => !documented.has(tag)), [], 'elements without a docs page');
  });

  // Each element's docs page: it renders its title, its first story and the table of its public
  // API from the manifest, logs no error, and the story inside passes axe-core.
  it('opens every docs page', { timeout: 900_000 }, async (t) => {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, IndexEntry> };
    const only = process.env.ENTRAIDE_STORIES?.split(',').filter(Boolean) ?? [];
    const pages = Object.values(index.entries).filter((entry) => entry.type === 'docs' && (!only.length || only.some((part) => entry.id.includes(part))));
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !ABORTED_BY_STORY_SWITCH.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    try {
      let first = true;
      for (const docs of pages) {
        await t.test(docs.id, async () => {
          problems.length = 0;
          await showDocs(page, base, docs.id, first);
          first = false;
          const found = [...problems, ...(await docsProblems(page, docs.title)), ...(await axeViolations(page, '#storybook-docs .docs-story', DOCS_PAGE_ONLY))];
          const expected = Object.values(index.entries).some((entry) => entry.type === 'story' && entry.title === docs.title && entry.tags?.includes('expected-http-error'));
          const real = found.filter((problem) => !(expected && EXPECTED_HTTP_ERROR.test(problem)));
          if (real.length) throw new Error(real.join('\n'));
        });
      }
    } finally {
      await context.close();
    }
  });

  // One story after another in one page, each checked in four states without reloading it: about
  // three seconds a story on the demo community (its database put back as loaded at each).
  it('opens every story', { timeout: 1_800_000 }, async (t) => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    // Problems of the story on screen; each story starts with an empty list.
    const problems: string[] = [];
    // Stories whose text stayed the same in the other language: worth a look, not a failure (a rank badge has no words).
    const notes: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    try {
      let first = true;
      for (const story of stories) {
        await t.test(story.id, () => checkStory(page, base, story, first, problems, notes));
        first = false;
      }
      for (const note of notes) t.diagnostic(note);
    } finally {
      await context.close();
    }
  });
});
