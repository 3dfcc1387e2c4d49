/**
 * Browser figures for `npm run bench`, in Debian's Chromium against the bench server:
 * - navigation → a 50-post thread rendered by `<entraide-forum>`, beside the same 50 posts as
 *   static server HTML (what a server-rendered forum page would cost): the ratio is the figure;
 * - navigation → first page of a 2,000-post thread rendered;
 * - Total Blocking Time of the demo page, measured by Lighthouse (default mobile settings:
 *   simulated slow 4G and 4× CPU slowdown).
 */
import { escapeHtml } from '../src/core/search.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { call, firstCategoryId, makeThread, type Api } from './api.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);

/** The same posts as plain server HTML: header fields, then the stored sanitized body. */
function staticThreadPage(detail: ThreadDetail): string {
  const post = (p: Post) => `<article><header><strong>${escapeHtml(p.author.pseudonym)}</strong> · ${escapeHtml(p.author.rank.name)} · ${p.author.postCount} messages · <time datetime="${p.createdAt}">${new Date(p.createdAt).toLocaleString('fr-FR')}</time></header>${p.bodyHtml}</article>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(detail.thread.title)}</title><link rel="stylesheet" href="/demo.css"></head><body><main><h1>${escapeHtml(detail.thread.title)}</h1>${detail.posts.map(post).join('\n')}</main></body></html>`;
}

/** The moment (performance.now()) `n` posts are on screen, or false while they are not. */
type Ready = (n: number) => number | false;

/** Milliseconds from navigation start until `ready(n)` holds in the page, median of RUNS cold loads. */
async function timeToReady(browser: Browser, url: string, ready: Ready, n: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // A function, not a string: the demo page's CSP forbids eval.
    const handle = await page.waitForFunction(ready, n, { polling: 'raf', timeout: 60_000 });
    times.push(Number(await handle.jsonValue()));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** `n` posts rendered inside the forum's thread, each with its body, through the shadow roots. */
const forumPosts: Ready = (n) => {
  const thread = document.querySelector('entraide-forum')?.shadowRoot?.querySelector('entraide-thread');
  const posts = [...(thread?.shadowRoot?.querySelectorAll('[part="posts"] entraide-post') ?? [])];
  return posts.length >= n && posts.every((post) => post.shadowRoot?.querySelector('[part="body"]')) && performance.now();
};

const staticPosts: Ready = (n) => document.querySelectorAll('article').length >= n && performance.now();

async function lighthouseTbt(url: string): Promise<{ tbt: number; fcp: number; lcp: number; score: number }> {
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...ARGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
    const audits = result!.lhr.audits;
    return {
      tbt: audits['total-blocking-time']!.numericValue!,
      fcp: audits['first-contentful-paint']!.numericValue!,
      lcp: audits['largest-contentful-paint']!.numericValue!,
      score: (result!.lhr.categories.performance!.score ?? 0) * 100,
    };
  } finally {
    chrome.kill();
  }
}

/** `fifty`: the run's 50-post thread (bench/http.ts wrote it); the 2,000-post one is written here. */
export async function runBrowserBench(api: Api, staticDir: string, fifty: number): Promise<void> {
  process.stdout.write('\nBrowser (Debian Chromium, headless, cold cache each run, loopback)\n  writing a 2,000-post thread through the API…');
  const twoThousand = await makeThread(api, await firstCategoryId(api), 2_000);
  writeFileSync(join(staticDir, 'bench-static-thread.html'), staticThreadPage(await call<ThreadDetail>(api, `/threads/${fifty}?limit=50`)));
  console.log(' done');

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const forum = await timeToReady(browser, `${api.url}/#/threads/${fifty}`, forumPosts, 50);
    const html = await timeToReady(browser, `${api.url}/bench-static-thread.html`, staticPosts, 50);
    const long = await timeToReady(browser, `${api.url}/#/threads/${twoThousand}`, forumPosts, 50);
    const row = (label: string, ms: number, note = '') => console.log(`  ${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms${note}`);
    console.log(`  median of ${RUNS} navigations, until every post is on screen`);
    row('50-post thread, static server HTML', html);
    row('50-post thread, <entraide-forum> (bundle + API + render)', forum, `   ratio ${(forum / html).toFixed(2)} × static`);
    row('2,000-post thread, first page (50 posts) rendered', long);
  } finally {
    await browser.close();
  }

  const lh = await lighthouseTbt(`${api.url}/`);
  console.log('  Lighthouse 13, demo page (mobile preset: simulated slow 4G, 4× CPU slowdown)');
  console.log(`    Total Blocking Time ${lh.tbt.toFixed(0)} ms · FCP ${(lh.fcp / 1000).toFixed(2)} s · LCP ${(lh.lcp / 1000).toFixed(2)} s · performance score ${lh.score.toFixed(0)}`);
}
