/**
 * Paint figures of one page in Chromium, from the page itself: first contentful paint and
 * largest contentful paint (`PerformanceObserver`, `buffered: true`), the moment every post is
 * on screen, and the script bytes loaded before the first paint (resource timing).
 */
import type { Browser, Page } from 'playwright-core';

/** The moment (performance.now()) `n` posts are on screen, or false while they are not. */
export type Ready = (n: number) => number | false;

export interface Paint {
  /** Milliseconds from navigation start. */
  fcp: number;
  lcp: number;
  /** What the largest paint was: a tag, or the shadow host it was painted in. */
  lcpElement: string;
  /** Every post on screen. */
  ready: number;
  /** When `<entraide-forum>` got defined, i.e. the page's bundle ran (NaN: never, as with no script). */
  defined: number;
  /** Scripts (and module preloads) whose response ended before the first contentful paint; those of them the browser marked render-blocking. */
  jsBeforeFcp: { files: number; bytes: number; blockingBytes: number };
}

/** `n` posts rendered inside the forum's thread, each with its body, through the (declarative or not) shadow roots. */
export const forumPosts: Ready = (n) => {
  const thread = document.querySelector('entraide-forum')?.shadowRoot?.querySelector('entraide-thread');
  const posts = [...(thread?.shadowRoot?.querySelectorAll('[part="posts"] entraide-post') ?? [])];
  return posts.length >= n && posts.every((post) => post.shadowRoot?.querySelector('[part="body"]')) && performance.now();
};

export const staticPosts: Ready = (n) => document.querySelectorAll('article').length >= n && performance.now();

/** Reads the page's own paint entries once everything is on screen (a function: the pages' CSP forbids eval). */
function readPaint(page: Page): Promise<Omit<Paint, 'ready' | 'defined'>> {
  return page.evaluate(async () => {
    const entries = (type: string) =>
      new Promise<PerformanceEntry[]>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          observer.disconnect();
          resolve(list.getEntries());
        });
        observer.observe({ type, buffered: true });
        // Nothing buffered: the callback never comes.
        setTimeout(() => resolve([]), 2_000);
      });
    const fcp = (await entries('paint')).find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? Number.NaN;
    const largest = (await entries('largest-contentful-paint')).at(-1) as (PerformanceEntry & { element: Element | null }) | undefined;
    const element = largest?.element;
    const host = element?.getRootNode() instanceof ShadowRoot ? `in <${(element.getRootNode() as ShadowRoot).host.localName}>` : '';
    const lcpElement = element ? `<${element.localName}>${host ? ` ${host}` : ''}` : 'in a shadow root';
    type Resource = PerformanceResourceTiming & { renderBlockingStatus?: string };
    const scripts = (performance.getEntriesByType('resource') as Resource[]).filter((entry) => /\.m?js(?:[?#]|$)/.test(entry.name) && entry.responseEnd < fcp);
    const bytes = (entries: Resource[]) => entries.reduce((sum, entry) => sum + entry.transferSize, 0);
    const blocking = scripts.filter((entry) => entry.renderBlockingStatus === 'blocking');
    return { fcp, lcp: largest?.startTime ?? Number.NaN, lcpElement, jsBeforeFcp: { files: scripts.length, bytes: bytes(scripts), blockingBytes: bytes(blocking) } };
  });
}

/** One cold load (new browser context: empty cache) of `url` until `n` posts are on screen. */
export async function coldPaint(browser: Browser, url: string, ready: Ready, n: number, { viewport = { width: 1280, height: 900 }, noScripts = false } = {}): Promise<Paint> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    // The page's own scripts never arrive (the bench's evaluation still runs): what the HTML alone paints.
    if (noScripts) await page.route(/\.m?js(?:[?#]|$)/, (route) => route.abort());
    // Injected before the page's own scripts (its CSP does not apply): the moment the bundle defines the forum.
    await page.addInitScript(() => void customElements.whenDefined('entraide-forum').then(() => Object.assign(window, { __benchDefined: performance.now() })));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(ready, n, { polling: 'raf', timeout: 60_000 });
    const readyAt = Number(await handle.jsonValue());
    // LCP candidates stop with the load; a late image or font would still count until then.
    await page.waitForLoadState('load');
    const defined = await page.evaluate(() => (window as unknown as { __benchDefined?: number }).__benchDefined ?? Number.NaN);
    return { ...(await readPaint(page)), ready: readyAt, defined };
  } finally {
    await context.close();
  }
}

/** Min, median and max of a series. */
export function spread(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
}

/** `412 ms (380–530)`: the median first, the range of the runs after it. */
export function msRange(values: number[]): string {
  const { min, median, max } = spread(values);
  return `${median.toFixed(0)} ms (${min.toFixed(0)}–${max.toFixed(0)})`;
}

/** The most frequent value of a series, with its count. */
export function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['—', 0];
  return count === values.length ? value : `${value} (${count} of ${values.length})`;
}
