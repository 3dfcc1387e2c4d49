/**
 * Lighthouse (a devDependency) in Debian's Chromium, mobile preset (simulated slow 4G, 4× CPU
 * slowdown): Total Blocking Time, paints and the performance, SEO and accessibility scores of a
 * page, the audits that cost a score a point, and the longest main-thread tasks (what to look
 * at when TBT is over its goal).
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];

export interface LighthouseRun {
  tbt: number;
  fcp: number;
  lcp: number;
  cls: number;
  performance: number;
  seo: number;
  accessibility: number;
  /** Titles of the SEO and accessibility audits that did not pass. */
  failed: string[];
  /** The longest tasks: `1234 ms entraide-ssr.min.js`. */
  longTasks: string[];
  /** Where the main thread's time went: `812 ms Script Evaluation`. */
  work: string[];
}

interface Audit {
  score: number | null;
  scoreDisplayMode?: string;
  title: string;
  numericValue?: number;
  details?: { items?: Array<{ url?: string; duration?: number; groupLabel?: string }> };
}

/** The failing audits of `category` (scored 0…1 and not 1). */
function failing(lhr: { categories: Record<string, { auditRefs: Array<{ id: string; weight: number }> } | undefined>; audits: Record<string, Audit> }, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit): audit is Audit => !!audit && audit.scoreDisplayMode === 'binary' && audit.score !== null && audit.score < 1)
    .map((audit) => `${category}: ${audit.title}`);
}

export async function lighthouse(url: string): Promise<LighthouseRun> {
  const { launch } = await import('chrome-launcher');
  const { default: run } = await import('lighthouse');
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await run(url, { port: chrome.port, onlyCategories: ['performance', 'seo', 'accessibility'], logLevel: 'error', output: 'json' });
    const lhr = result!.lhr as unknown as Parameters<typeof failing>[0] & { categories: Record<string, { score: number | null } | undefined> };
    const audits = lhr.audits;
    const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    const score = (id: string) => (lhr.categories[id]?.score ?? 0) * 100;
    const longest = (id: string) => [...(audits[id]?.details?.items ?? [])].sort((a, b) => (b.duration ?? 0) - (a.duration ?? 0)).slice(0, 3);
    return {
      tbt: value('total-blocking-time'),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      cls: value('cumulative-layout-shift'),
      performance: score('performance'),
      seo: score('seo'),
      accessibility: score('accessibility'),
      failed: [...failing(lhr, 'seo'), ...failing(lhr, 'accessibility')],
      longTasks: longest('long-tasks').map((task) => `${(task.duration ?? 0).toFixed(0)} ms ${(task.url ?? '?').replace(/^.*\//, '') || task.url}`),
      work: longest('mainthread-work-breakdown').map((group) => `${(group.duration ?? 0).toFixed(0)} ms ${group.groupLabel ?? '?'}`),
    };
  } finally {
    chrome.kill();
  }
}
