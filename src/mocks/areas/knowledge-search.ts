/**
 * Word matching for the mocked search: close enough to the server's PostgreSQL full-text
 * search to test against (same words from core `searchTerms`, the same French plural
 * variants from `termVariants`, stop words ignored, a light suffix stemmer), plus case and
 * accent folding. Highlights are built like core `highlightToHtml` builds them: everything
 * escaped first, then only `<mark>` added around matched words.
 */
import { searchTerms, termVariants } from '../../core/index.ts';
import { bodyText, escapeHtml } from '../render.ts';

/** One group per query word: the stems any of its variants may take. */
export type TermGroups = ReadonlyArray<ReadonlySet<string>>;

// The words PostgreSQL's french and english configurations drop, the common ones at least.
const STOP_WORDS = new Set([
  'au', 'aux', 'ce', 'ces', 'de', 'des', 'du', 'elle', 'en', 'est', 'et', 'il', 'je', 'la', 'le', 'les', 'ma', 'mais', 'me', 'mes', 'mon',
  'ne', 'nous', 'on', 'ou', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 'sa', 'se', 'ses', 'son', 'sur', 'ta', 'te', 'tu', 'un', 'une', 'vous',
  'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its', 'my', 'no', 'not', 'of', 'on', 'or',
  'the', 'to', 'was', 'with',
]);

const SUFFIXES = ['ements', 'ations', 'ement', 'ation', 'ables', 'euses', 'able', 'euse', 'eurs', 'ing', 'eur', 'ees', 'ee', 'es', 'er', 'ez', 'ed', 's', 'x', 'e'];
const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET_WORDS = 28;
const WORDS_BEFORE_MATCH = 6;

export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** "Activation", "activer" and "activés" all become "activ", as the Snowball stemmers would have it. */
function stem(word: string): string {
  const folded = fold(word);
  const suffix = SUFFIXES.find((ending) => folded.endsWith(ending) && folded.length - ending.length >= 3);
  return suffix ? folded.slice(0, -suffix.length) : folded;
}

/** The groups of a query; null when it holds no word at all (the server's 400), empty when only stop words. */
export function termGroups(text: string): TermGroups | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms.filter((term) => !STOP_WORDS.has(fold(term))).map((term) => new Set(termVariants(fold(term)).map(stem)));
}

function groupOf(word: string, groups: TermGroups): number {
  const stemmed = stem(word);
  return groups.findIndex((group) => group.has(stemmed));
}

/** The indexes of the groups some word of `text` matches. */
export function matchedGroups(text: string, groups: TermGroups): Set<number> {
  const found = new Set<number>();
  for (const [word] of text.matchAll(WORD)) {
    const index = groupOf(word, groups);
    if (index >= 0) found.add(index);
  }
  return found;
}

/** `all`: every group somewhere in `text` (the search box); `any`: at least one (suggestions). */
export function matches(text: string, groups: TermGroups, mode: 'all' | 'any'): boolean {
  if (groups.length === 0) return false;
  const found = matchedGroups(text, groups).size;
  return mode === 'all' ? found === groups.length : found > 0;
}

/** Escaped `text` with `<mark>` around each matched word. */
export function highlight(text: string, groups: TermGroups): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    html += escapeHtml(text.slice(last, match.index));
    html += groupOf(word, groups) >= 0 ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
    last = match.index + word.length;
  }
  return html + escapeHtml(text.slice(last));
}

/** A highlighted excerpt of markdown: a few words before the first match and some after, like ts_headline. */
export function snippet(markdown: string, groups: TermGroups): string {
  const text = bodyText(markdown);
  const words = [...text.matchAll(WORD)];
  const first = words.findIndex((word) => groupOf(word[0], groups) >= 0);
  const start = Math.max(0, first - WORDS_BEFORE_MATCH);
  const end = words[Math.min(words.length, start + SNIPPET_WORDS) - 1];
  const from = words[start]?.index ?? 0;
  const to = end ? end.index + end[0].length : text.length;
  return highlight(text.slice(from, to), groups);
}
