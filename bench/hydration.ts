/**
 * Layout shift of a server-rendered thread page in Chromium, from navigation until the elements
 * have hydrated and a reply posted through the API has arrived live: the sum of every
 * `layout-shift` entry not caused by input (stricter than CLS's worst five-second window), with
 * what shifted, and whether an incident banner shows on the page and was in the server's HTML.
 */
import type { Browser, Page } from 'playwright-core';
import { call, type Api } from './api.ts';
import { forumPosts } from './paint.ts';
import { readLayoutShifts, watchLayoutShifts } from '../test/helpers/layout-shifts.ts';

export interface Shift {
  cls: number;
  shifts: number;
  /** The nodes that moved, as `<tag part>` in `<host>`, most shifted first. */
  sources: string[];
  /** Milliseconds from navigation start: hydration done, the live reply on screen. */
  hydrated: number;
  replied: number;
  /** Height of the incident banner at the end (0: none shown), and whether the server had drawn it. */
  banner: { height: number; serverRendered: boolean };
}

/** Every `entraide-*` element that is defined has rendered and none still waits for its parent (`defer-hydration`); the thread and its posts are among them. */
const hydrated = (): number | false => {
  const elements: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.startsWith('entraide-')) elements.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  const done = (element: Element) => !customElements.get(element.localName) || ((element as Element & { hasUpdated?: boolean }).hasUpdated === true && !element.hasAttribute('defer-hydration'));
  const core = ['entraide-forum', 'entraide-thread', 'entraide-post'].every((name) => elements.some((element) => element.localName === name && customElements.get(name)));
  return core && elements.every(done) && performance.now();
};

/** The incident banner's height and whether its shadow root held anything before any script ran (the server drew it). */
function bannerOf(page: Page, html: string): Promise<Shift['banner']> {
  const serverRendered = /<entraide-incident-banner\b[^>]*>\s*<template shadowroot(?:mode)?="open"[^>]*>[\s\S]*?part="list"/.test(html);
  return page.evaluate((server) => {
    const banner = document.querySelector('entraide-forum')?.shadowRoot?.querySelector('entraide-incident-banner');
    return { height: banner?.getBoundingClientRect().height ?? 0, serverRendered: server };
  }, serverRendered);
}

/** The layout shifts since navigation, summed, with what moved, most shifted first. */
async function readShifts(page: Page): Promise<{ cls: number; shifts: number; sources: string[] }> {
  const { cls, shifts } = await readLayoutShifts(page);
  const sources = [...new Set(shifts.toSorted((a, b) => b.value - a.value).flatMap((shift) => shift.sources.map((source) => source.node)))];
  return { cls, shifts: shifts.length, sources };
}

/** One cold load of the rendered `url` of thread `threadId` (50 posts), then a reply from `api`'s member, seen live by this guest. */
export async function hydrationShift(browser: Browser, api: Api, url: string, threadId: number, viewport: { width: number; height: number }): Promise<Shift> {
  const html = await (await fetch(url)).text();
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await watchLayoutShifts(page);
    // The live stream's answer (its headers come at once): replies posted after it reach the page.
    const stream = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/api/events'), { timeout: 60_000 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(forumPosts, 50, { polling: 'raf', timeout: 60_000 });
    const hydratedAt = Number(await (await page.waitForFunction(hydrated, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue());
    await stream;
    await call(api, `/threads/${threadId}/posts`, { body: 'Réponse en direct du banc d’essai : **toujours** le même souci ce matin.' });
    const repliedAt = Number(await (await page.waitForFunction(forumPosts, 51, { polling: 'raf', timeout: 30_000 })).jsonValue());
    // Chunks the reply or the stream pulled in (post actions…) hydrate and render too; then two frames for their layout.
    await page.waitForFunction(hydrated, undefined, { polling: 'raf', timeout: 30_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500)))));
    return { ...(await readShifts(page)), hydrated: hydratedAt, replied: repliedAt, banner: await bannerOf(page, html) };
  } finally {
    await context.close();
  }
}
