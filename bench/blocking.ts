/**
 * Total Blocking Time measured in the page itself, beside Lighthouse's (which simulates a slow
 * phone from a trace of this loaded machine): a cold load at phone width with the CPU really
 * slowed down 4× (CDP `Emulation.setCPUThrottlingRate`), `longtask` entries observed from the
 * document's start, TBT = Σ (duration − 50 ms) of the tasks (their part after the first contentful paint),
 * until every post is on screen and the main thread has been quiet for two seconds.
 */
import type { Browser } from 'playwright-core';
import type { Ready } from './paint.ts';

export interface Blocking {
  tbt: number;
  /** The longest task's duration and start (ms from navigation). */
  longest: { duration: number; start: number };
  tasks: number;
}

const QUIET_MS = 2_000;

export async function measuredBlocking(browser: Browser, url: string, ready: Ready): Promise<Blocking> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Injected by the browser before the page's own scripts (the page's CSP does not apply to it).
    await page.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      Object.assign(window, { __benchLongTasks: tasks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask' });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(ready, 50, { polling: 'raf', timeout: 120_000 });
    // Quiet: no long task has ended for QUIET_MS (hydration and the chunks it pulls in are done).
    await page.waitForFunction(
      (quiet) => {
        const tasks = (window as unknown as { __benchLongTasks: Array<{ start: number; duration: number }> }).__benchLongTasks;
        const last = tasks.at(-1);
        return performance.now() - (last ? last.start + last.duration : 0) > quiet;
      },
      QUIET_MS,
      { polling: 250, timeout: 120_000 },
    );
    return await page.evaluate(() => {
      const tasks = (window as unknown as { __benchLongTasks: Array<{ start: number; duration: number }> }).__benchLongTasks;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      // As Lighthouse counts it: a task that began before the first paint blocks only for its part after it.
      const blocking = (task: { start: number; duration: number }) => Math.max(0, task.start + task.duration - Math.max(task.start, fcp) - 50);
      const longest = [...tasks].sort((a, b) => b.duration - a.duration)[0] ?? { start: 0, duration: 0 };
      return { tbt: tasks.reduce((sum, task) => sum + blocking(task), 0), longest, tasks: tasks.length };
    });
  } finally {
    await context.close();
  }
}
