/**
 * Layout shifts in Chromium, watched from navigation on: each shift not caused by input, with
 * what moved (`<tag part> in <host>`, `?` once gone from the page or hidden in a shadow root by the
 * browser) and from where to where. Used by the e2e tests (what failed, and when) and the bench.
 */
import type { Page } from 'playwright-core';

export interface LayoutShift {
  value: number;
  /** Milliseconds from navigation start. */
  at: number;
  /** What moved (`<tag part> in <host>`), and its box before and after (`y+height`). */
  sources: Array<{ node: string; from: string; to: string }>;
}

/** Starts recording on every page `page` opens from now on; call before `goto`. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Source = { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Source[] };
    const shifts: Array<{ value: number; at: number; sources: Array<{ node: string; from: string; to: string }> }> = [];
    (globalThis as { layoutShifts?: typeof shifts }).layoutShifts = shifts;
    const name = (node: Node | null) => {
      if (!(node instanceof Element)) return node?.nodeName ?? '?';
      const root = node.getRootNode();
      return `<${node.localName}${node.getAttribute('part') ? ` part=${node.getAttribute('part')}` : ''}>${root instanceof ShadowRoot ? ` in ${root.host.localName}` : ''}`;
    };
    const rect = (box: DOMRectReadOnly) => `${Math.round(box.y)}+${Math.round(box.height)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: entry.sources.map((source) => ({ node: name(source.node), from: rect(source.previousRect), to: rect(source.currentRect) })) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded so far, their sum, and one line per shift for a failure message. */
export async function readLayoutShifts(page: Page): Promise<{ cls: number; shifts: LayoutShift[]; lines: string[] }> {
  const shifts = await page.evaluate(() => (globalThis as { layoutShifts?: LayoutShift[] }).layoutShifts);
  if (!shifts) throw new Error('No layout-shift recorder on this page: call watchLayoutShifts before goto');
  return {
    cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
    shifts,
    lines: shifts.map((shift) => `${shift.value.toFixed(4)} at ${shift.at} ms: ${shift.sources.map((source) => `${source.node} ${source.from}→${source.to}`).join(', ')}`),
  };
}
