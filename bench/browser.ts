/**
 * Browser figures for `npm run bench`, in Debian's Chromium against the bench server (its
 * rendered pages on), all on the run's 50-post thread:
 * - three pages side by side, each loaded cold `RUNS` times in turn: the same posts as static
 *   HTML, the server-rendered thread page (`/t/<id>-<slug>`, hydrated afterwards) and the
 *   client-rendered forum (the demo page, `#/threads/<id>`): first contentful paint and largest
 *   contentful paint read from the page, every post on screen, and the scripts loaded before the
 *   first paint; the ratios to static HTML are the figures (goal: rendered ÷ static ≤ 1.2);
 * - the bytes before the first post is visible (./page-bytes.ts);
 * - the layout shift of the rendered page until it has hydrated and a reply has arrived live
 *   (./hydration.ts; goal ≤ 0.02), at desktop and phone widths, on fresh 50-post threads (each
 *   run's reply makes its thread 51 posts), in the bench's category and in the category of an
 *   active incident (its banner shows to every guest there);
 * - the first page of a 2,000-post thread in the forum;
 * - Lighthouse's mobile preset on the rendered page and on the forum (./lighthouse.ts): Total
 *   Blocking Time (goal ≤ 50 ms), SEO and accessibility scores (goal 100).
 */
import { escapeHtml } from '../src/core/search.ts';
import { threadPath } from '../src/core/seo.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { call, firstCategoryId, makeThread, THREAD_TITLE, type Api } from './api.ts';
import { measuredBlocking } from './blocking.ts';
import { hydrationShift, type Shift } from './hydration.ts';
import { lighthouse, type LighthouseRun } from './lighthouse.ts';
import { bytesText, kbText, renderedPageBytes, staticPageBytes } from './page-bytes.ts';
import { coldPaint, forumPosts, mostFrequent, msRange, spread, staticPosts, type Paint, type Ready } from './paint.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const SHIFT_RUNS = Number(process.env.BENCH_SHIFT_RUNS ?? 3);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const GOAL_RATIO = 1.2;
const GOAL_CLS = 0.02;
const GOAL_TBT_MS = 50;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** The same posts as plain server HTML: header fields, then the stored sanitized body. */
function staticThreadPage(detail: ThreadDetail): string {
  const post = (p: Post) => `<article><header><strong>${escapeHtml(p.author.pseudonym)}</strong> · ${escapeHtml(p.author.rank.name)} · ${p.author.postCount} messages · <time datetime="${p.createdAt}">${new Date(p.createdAt).toLocaleString('fr-FR')}</time></header>${p.bodyHtml}</article>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(detail.thread.title)}</title><link rel="stylesheet" href="/demo.css"></head><body><main><h1>${escapeHtml(detail.thread.title)}</h1>${detail.posts.map(post).join('\n')}</main></body></html>`;
}

interface Contender {
  label: string;
  url: string;
  ready: Ready;
  paints: Paint[];
  noScripts?: boolean;
  /** The page the ratio goal is about (the rendered one). */
  goal?: boolean;
}

const row = (label: string, text: string) => console.log(`  ${label.padEnd(58)} ${text}`);
const median = (values: number[]) => spread(values).median;
const verdict = (pass: boolean) => (pass ? 'pass' : 'MISSED');

const medians = ({ paints }: Contender) => ({ fcp: median(paints.map((p) => p.fcp)), lcp: median(paints.map((p) => p.lcp)), ready: median(paints.map((p) => p.ready)) });

/** One line per page: paints as median (min–max), and the scripts that had arrived before the first paint. */
function printPaintRows(contenders: Contender[]): void {
  console.log(`  ${RUNS} cold loads of each page, 1280×900: median (min–max) from navigation start`);
  console.log(`  ${'page'.padEnd(42)} ${'FCP'.padEnd(18)} ${'LCP'.padEnd(18)} ${'50 posts on screen'.padEnd(18)} JS arrived before FCP (render-blocking)`);
  for (const { label, paints } of contenders) {
    const js = spread(paints.map((paint) => paint.jsBeforeFcp.bytes));
    const blocking = Math.max(...paints.map((paint) => paint.jsBeforeFcp.blockingBytes));
    const files = Math.max(...paints.map((paint) => paint.jsBeforeFcp.files));
    console.log(`  ${label.padEnd(42)} ${msRange(paints.map((p) => p.fcp)).padEnd(18)} ${msRange(paints.map((p) => p.lcp)).padEnd(18)} ${msRange(paints.map((p) => p.ready)).padEnd(18)} ${js.max === 0 ? '0 B' : `${js.min}–${js.max} B, ${files} files`} (${blocking} B)`);
  }
}

/** Each page's medians over static HTML's; the rendered page's against its goal. */
function printRatios([staticHtml, ...others]: Contender[]): void {
  const base = medians(staticHtml!);
  for (const contender of others) {
    const page = medians(contender);
    const label = contender.label.replace(/^.*?, /, '');
    const ratio = (key: 'fcp' | 'lcp' | 'ready') => (page[key] / base[key]).toFixed(2);
    const goal = contender.goal ? `   goal ≤ ${GOAL_RATIO}: FCP ${verdict(page.fcp / base.fcp <= GOAL_RATIO)}, LCP ${verdict(page.lcp / base.lcp <= GOAL_RATIO)}` : '';
    row(`${label} ÷ static: FCP × ${ratio('fcp')}, LCP × ${ratio('lcp')}`, `50 posts × ${ratio('ready')}${goal}`);
  }
}

/** RUNS cold loads of each page, in turn (static, rendered, forum, no script, static…), so that the machine's load falls on all of them alike. */
async function paintSideBySide(browser: Browser, contenders: Contender[]): Promise<void> {
  for (let run = 0; run < RUNS; run += 1) {
    for (const contender of contenders) contender.paints.push(await coldPaint(browser, contender.url, contender.ready, 50, { noScripts: contender.noScripts }));
  }
  printPaintRows(contenders);
  printRatios(contenders);
  for (const { label, paints } of contenders) row(`largest paint, ${label.replace(/^.*?, /, '')}`, mostFrequent(paints.map((paint) => paint.lcpElement)));
  // Module scripts are deferred, which does not hold them back until after the first paint: did the bundle run before it?
  const rendered = contenders.find((contender) => contender.goal)!;
  const before = rendered.paints.filter((paint) => paint.defined < paint.fcp).length;
  row('rendered page: its bundle defined <entraide-forum> at', `${msRange(rendered.paints.map((paint) => paint.defined))}: before the first paint in ${before} of ${RUNS} loads`);
}

async function printBytes(renderedUrl: string, staticHtml: string): Promise<void> {
  const rendered = await renderedPageBytes(renderedUrl);
  const plain = staticPageBytes(staticHtml);
  console.log('  Bytes before the first post is visible (the rendered page from the server\'s page cache)');
  row('rendered page: HTML up to the first post\'s end', bytesText(rendered.firstPost));
  row(`rendered page: whole HTML (${rendered.posts} posts)`, `${bytesText(rendered.whole)}; sent as ${rendered.wire.encoding}: ${kbText(rendered.wire.bytes)}`);
  row('rendered page: its JSON island (the seed, after the forum)', bytesText(rendered.island));
  row('rendered page: <style> in its shadow roots', `${rendered.styles.count} elements, ${kbText(rendered.styles.raw)} raw`);
  row('static page: HTML up to the first post\'s end / whole', `${bytesText(plain.firstPost)} / ${bytesText(plain.whole)}`);
}

/** SHIFT_RUNS loads at each width, each on a fresh 50-post thread (the reply makes it 51: a thread's first page shows 50). */
async function printShifts(browser: Browser, api: Api, categoryId: number, where: string): Promise<void> {
  for (const [label, viewport] of [['1280×900', DESKTOP], ['360×740 (phone)', PHONE]] as const) {
    const runs: Shift[] = [];
    for (let run = 0; run < SHIFT_RUNS; run += 1) {
      const thread = await makeThread(api, categoryId, 50);
      runs.push(await hydrationShift(browser, api, `${api.url}${threadPath(thread, THREAD_TITLE(50))}`, thread, viewport));
    }
    const worst = Math.max(...runs.map((run) => run.cls));
    row(`${where}, ${label}: sum of shifts, ${SHIFT_RUNS} loads (worst ${verdict(worst <= GOAL_CLS)})`, `${runs.map((run) => run.cls.toFixed(4)).join(' / ')}; hydrated at ${msRange(runs.map((run) => run.hydrated))}, reply on screen at ${msRange(runs.map((run) => run.replied))}`);
    const sources = [...new Set(runs.flatMap((run) => run.sources))];
    if (sources.length > 0) row('  what moved', sources.slice(0, 4).join(', '));
    const banner = runs.find((run) => run.banner.height > 0)?.banner;
    if (!banner) row('  incident banner', 'none shown on this thread');
    else row('  incident banner', `${banner.height.toFixed(0)} px high, ${banner.serverRendered ? 'in the server\'s HTML' : `NOT in the server's HTML: drawn after hydration${worst > 0 ? ', it shifts the page' : ''}`}`);
  }
}

/** The first active incident that names a category: its threads show the banner to every guest. */
async function incidentCategory(api: Api): Promise<number | undefined> {
  const { items } = await call<{ items: Array<{ categoryId: number | null; active: boolean }> }>(api, '/incidents');
  return items.find((incident) => incident.active && incident.categoryId !== null)?.categoryId ?? undefined;
}

async function printAllShifts(browser: Browser, api: Api, categoryId: number): Promise<void> {
  console.log(`  Layout shift of the rendered page, navigation → hydrated → a reply posted through the API shown live (goal ≤ ${GOAL_CLS})`);
  await printShifts(browser, api, categoryId, 'bench thread');
  const incident = await incidentCategory(api);
  if (incident === undefined) row('under an active incident', 'the seed has no active incident in a category: the banner was not exercised');
  else await printShifts(browser, api, incident, `incident's category ${incident}`);
}

/** The same figure measured in the page, on a really slowed-down CPU (./blocking.ts): a cross-check of Lighthouse's simulation. */
async function printBlocking(browser: Browser, pages: Array<[string, string]>): Promise<void> {
  console.log(`  Total Blocking Time measured in the page: 360×740, CPU slowed 4× through CDP, no network throttling, ${LIGHTHOUSE_RUNS} loads: median (min–max)`);
  for (const [label, url] of pages) {
    const runs = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) runs.push(await measuredBlocking(browser, url, forumPosts));
    const longest = runs.map((run) => run.longest).sort((a, b) => b.duration - a.duration)[0]!;
    row(`${label}: TBT`, `${msRange(runs.map((run) => run.tbt))}; longest task ${longest.duration.toFixed(0)} ms at ${longest.start.toFixed(0)} ms`);
  }
}

async function printLighthouse(renderedUrl: string, forumUrl: string): Promise<void> {
  const rendered: LighthouseRun[] = [];
  const forum: LighthouseRun[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
    rendered.push(await lighthouse(renderedUrl));
    forum.push(await lighthouse(forumUrl));
  }
  console.log(`  Lighthouse 13, mobile preset (simulated slow 4G, 4× CPU slowdown), ${LIGHTHOUSE_RUNS} runs: median (min–max)`);
  for (const [label, runs] of [['rendered thread page', rendered], ['forum (client-rendered), same thread', forum]] as const) {
    const tbt = runs.map((run) => run.tbt);
    const goal = label.startsWith('rendered') ? `   goal ≤ ${GOAL_TBT_MS} ms: ${verdict(median(tbt) <= GOAL_TBT_MS)}` : '';
    row(`${label}: Total Blocking Time`, `${msRange(tbt)}${goal}`);
    row(`${label}: FCP / LCP / CLS`, `${msRange(runs.map((run) => run.fcp))} / ${msRange(runs.map((run) => run.lcp))} / ${spread(runs.map((run) => run.cls)).max.toFixed(3)}`);
    row(`${label}: scores performance / SEO / accessibility`, runs.map((run) => `${run.performance.toFixed(0)} / ${run.seo.toFixed(0)} / ${run.accessibility.toFixed(0)}`).join(', '));
    const failed = [...new Set(runs.flatMap((run) => run.failed))];
    if (failed.length > 0) row(`${label}: audits not passed`, failed.join('; '));
    row(`${label}: longest tasks (last run)`, runs.at(-1)!.longTasks.join(', ') || 'none over 50 ms');
    row(`${label}: main thread (last run)`, runs.at(-1)!.work.join(', '));
  }
}

/** `fifty`: the run's 50-post thread (bench/http.ts wrote it); the 2,000-post one is written here. */
export async function runBrowserBench(api: Api, staticDir: string, fifty: number): Promise<void> {
  process.stdout.write('\nBrowser (Debian Chromium, headless, cold cache each load, loopback)\n  writing a 2,000-post thread through the API…');
  const categoryId = await firstCategoryId(api);
  const twoThousand = await makeThread(api, categoryId, 2_000);
  const detail = await call<ThreadDetail>(api, `/threads/${fifty}?limit=50`);
  const staticHtml = staticThreadPage(detail);
  writeFileSync(join(staticDir, 'bench-static-thread.html'), staticHtml);
  console.log(' done');
  const renderedUrl = `${api.url}${threadPath(fifty, detail.thread.title)}`;
  // The demo page itself, served as a file: `/` is the rendered home page.
  const forumUrl = `${api.url}/index.html#/threads/${fifty}`;
  await printBytes(renderedUrl, staticHtml);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    await paintSideBySide(browser, [
      { label: '50-post thread, static HTML', url: `${api.url}/bench-static-thread.html`, ready: staticPosts, paints: [] },
      { label: '50-post thread, rendered page (SSR)', url: renderedUrl, ready: forumPosts, paints: [], goal: true },
      { label: '50-post thread, forum (client-rendered)', url: forumUrl, ready: forumPosts, paints: [] },
      // The same rendered page with its scripts refused: does any script hold the first paint back?
      { label: '50-post thread, rendered page, no script', url: renderedUrl, ready: forumPosts, paints: [], noScripts: true },
    ]);
    const long: number[] = [];
    for (let run = 0; run < RUNS; run += 1) long.push((await coldPaint(browser, `${api.url}/index.html#/threads/${twoThousand}`, forumPosts, 50)).ready);
    row('2,000-post thread in the forum, first page (50 posts) on screen', msRange(long));
    if (SHIFT_RUNS > 0) await printAllShifts(browser, api, categoryId);
    if (LIGHTHOUSE_RUNS > 0) await printBlocking(browser, [['rendered thread page', renderedUrl], ['forum (client-rendered), same thread', forumUrl]]);
  } finally {
    await browser.close();
  }
  if (LIGHTHOUSE_RUNS > 0) await printLighthouse(renderedUrl, forumUrl);
}
