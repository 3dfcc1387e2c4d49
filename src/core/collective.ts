/**
 * Collective problems (study §11): many people hit by the same outage post at once. When at
 * least `threshold` signals (new threads or "same problem" marks) within `windowMs` share a
 * category and either a region or a keyword of their titles, advisors get an alert.
 */

export const COLLECTIVE_DEFAULTS = { threshold: 5, windowMs: 2 * 3_600_000 } as const;

export interface Signal {
  kind: 'thread' | 'same-problem';
  threadId: number;
  categoryId: number;
  /** The asker's (or marker's) region, when known. */
  region: string | null;
  title: string;
  at: Date;
}

export interface CollectiveAlert {
  categoryId: number;
  region: string | null;
  keywords: string[];
  /** How many signals matched (threads plus marks). */
  count: number;
  threadIds: number[];
  firstAt: Date;
  lastAt: Date;
}

// Words too common in support titles to say two people share a problem.
const STOPWORDS = new Set([
  'avec', 'dans', 'depuis', 'pour', 'plus', 'mais', 'sans', 'sont', 'suis', 'mon', 'mes', 'votre', 'vous', 'nous', 'leur',
  'cette', 'quoi', 'comment', 'pourquoi', 'quand', 'encore', 'toujours', 'bonjour', 'merci', 'probleme', 'question', 'aide',
  'with', 'from', 'that', 'this', 'have', 'since', 'when', 'what', 'does', 'still', 'help', 'problem', 'issue', 'your', 'there',
]);

/** Lower-case, accent-free words of four letters or more, without stopwords. */
export function titleKeywords(title: string): string[] {
  const plain = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4 && !STOPWORDS.has(word));
  return [...new Set(words)];
}

function toAlert(categoryId: number, region: string | null, keywords: string[], signals: Signal[]): CollectiveAlert {
  const times = signals.map((signal) => signal.at.getTime());
  return {
    categoryId,
    region,
    keywords,
    count: signals.length,
    threadIds: [...new Set(signals.map((signal) => signal.threadId))].sort((a, b) => a - b),
    firstAt: new Date(Math.min(...times)),
    lastAt: new Date(Math.max(...times)),
  };
}

function groupBy(signals: Signal[], keysOf: (signal: Signal) => string[]): Map<string, Signal[]> {
  const groups = new Map<string, Signal[]>();
  for (const signal of signals) {
    for (const key of keysOf(signal)) groups.set(key, [...(groups.get(key) ?? []), signal]);
  }
  return groups;
}

/** The alerts for the signals inside the window ending at `now`, largest first. */
export function detectCollectiveProblems(
  signals: Signal[],
  options: { now: Date; threshold?: number; windowMs?: number },
): CollectiveAlert[] {
  const threshold = options.threshold ?? COLLECTIVE_DEFAULTS.threshold;
  const since = options.now.getTime() - (options.windowMs ?? COLLECTIVE_DEFAULTS.windowMs);
  const recent = signals.filter((signal) => signal.at.getTime() >= since && signal.at.getTime() <= options.now.getTime());
  const alerts: CollectiveAlert[] = [];

  const byRegion = groupBy(recent, (signal) => (signal.region ? [JSON.stringify([signal.categoryId, signal.region])] : []));
  for (const [key, group] of byRegion) {
    if (group.length < threshold) continue;
    const [categoryId, region] = JSON.parse(key) as [number, string];
    alerts.push(toAlert(categoryId, region, [], group));
  }

  // Keyword alerts whose signals are the same set collapse into one alert listing every keyword.
  const byKeyword = groupBy(recent, (signal) => titleKeywords(signal.title).map((word) => JSON.stringify([signal.categoryId, word])));
  const bySignalSet = new Map<string, CollectiveAlert>();
  for (const [key, group] of byKeyword) {
    if (group.length < threshold) continue;
    const [categoryId, word] = JSON.parse(key) as [number, string];
    const setKey = `${categoryId}:${group.map((signal) => `${signal.kind}${signal.threadId}@${signal.at.getTime()}`).sort().join(',')}`;
    const existing = bySignalSet.get(setKey);
    if (existing) existing.keywords.push(word);
    else bySignalSet.set(setKey, toAlert(categoryId, null, [word], group));
  }
  for (const alert of bySignalSet.values()) alert.keywords.sort();
  alerts.push(...bySignalSet.values());
  return alerts.sort((a, b) => b.count - a.count || a.categoryId - b.categoryId);
}

/** An incident's lifecycle, as the banner shows it; `resolved` takes the banner down. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
