/**
 * Pure rules of search: how typed text becomes a safe `to_tsquery` expression, and how a
 * highlighted excerpt from the database becomes HTML that cannot inject markup.
 */

import { STOP_WORDS } from './search-stop-words.ts';

export const SEARCH_LIMITS = {
  /** Forum and FAQ search boxes. */
  queryMax: 200,
  /** A question being typed (suggest). */
  suggestMax: 2000,
  /** Words kept from a query: more only slows the search down. */
  termsMax: 12,
  hitsDefault: 10,
  hitsMax: 50,
  suggestHits: 5,
} as const;

/** Private-use characters the database puts around matches; they never survive to the client. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/**
 * ts_headline drops what its parser takes for tags, so `<` and `>` go in as these stand-ins
 * and come back as escaped text: a post that talks about `<script>` keeps saying so.
 */
export const ANGLE_STANDINS = '\uE002\uE003';

/** Options for ts_headline: short fragments, our private markers. */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Titles are short: highlight them whole. */
export const TITLE_HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

/** Lower-cased words of letters and digits, deduplicated, at most `termsMax`. */
export function searchTerms(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 || terms.includes(word)) continue;
    terms.push(word);
    if (terms.length === SEARCH_LIMITS.termsMax) break;
  }
  return terms;
}

/** Shorter words get no variant: "on" → "ons", "bus" → "bu" find nothing the word itself does not. */
const VARIANT_MIN_LENGTH = 4;

/**
 * The French Snowball stemmer does not stem singular and plural alike ("forfait" → forf,
 * "forfaits" → forfait), so each word is also searched in its other number. English plurals
 * stem alike already; the extra variant costs nothing there. Stop words and short words keep
 * only themselves (see STOP_WORDS), and so do words whose "plural" is part of the word
 * ("accès", "prix", "access").
 */
export function termVariants(term: string): string[] {
  if (term.length < VARIANT_MIN_LENGTH || STOP_WORDS.has(term) || /\p{N}/u.test(term)) return [term];
  if (/ss$/.test(term) || term.endsWith('ès')) return [term];
  if (term.endsWith('s')) return [term, term.slice(0, -1)];
  // French plurals in -x: "réseaux" → "réseau", "jeux" → "jeu"; "prix" and "choix" are singular too.
  if (/(eaux|eux|aux|oux)$/.test(term)) return [term, term.slice(0, -1)];
  if (/[xz]$/.test(term)) return [term];
  return [term, `${term}s`];
}

/**
 * Groups of words the community treats as one ("roaming", "itinérance"): each word of a query
 * is also searched as every word of its groups, on both sides (the query's and the texts').
 * Words are lower-case letters and digits (see SYNONYM_LIMITS).
 */
export type SynonymGroups = ReadonlyArray<ReadonlyArray<string>>;

export const SYNONYM_LIMITS = {
  groupsMax: 100,
  wordsPerGroupMin: 2,
  wordsPerGroupMax: 8,
  wordMax: 40,
} as const;

/**
 * What is wrong with a synonym list an admin wrote, as `/index/index` paths with a message:
 * each entry is one word of letters and digits (a synonym stands for one word of a query),
 * at least two per group, and no word in two groups.
 */
export function synonymProblems(groups: SynonymGroups): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const seen = new Map<string, number>();
  groups.forEach((group, g) => {
    if (new Set(group.map((word) => word.toLowerCase())).size < SYNONYM_LIMITS.wordsPerGroupMin) {
      problems.push({ path: `/${g}`, message: 'A group needs at least two different words.' });
    }
    group.forEach((word, w) => {
      const lower = word.toLowerCase();
      if (!/^[\p{L}\p{N}]+$/u.test(word) || word.length < 2) problems.push({ path: `/${g}/${w}`, message: `"${word}" must be one word of letters or digits.` });
      else if (seen.has(lower) && seen.get(lower) !== g) problems.push({ path: `/${g}/${w}`, message: `"${word}" is already in group ${(seen.get(lower) ?? 0) + 1}.` });
      seen.set(lower, seen.get(lower) ?? g);
    });
  });
  return problems;
}

/** The list as stored: lower-case words, once each per group. */
export function normalizeSynonyms(groups: SynonymGroups): string[][] {
  return groups.map((group) => [...new Set(group.map((word) => word.normalize('NFC').toLowerCase()))]);
}

/** The words searched for `term`: its variants, then those of each synonym, once each. */
export function termAlternatives(term: string, synonyms: SynonymGroups = []): string[] {
  const own = termVariants(term);
  const words = new Set(own);
  for (const group of synonyms) {
    if (!group.some((word) => own.includes(word.toLowerCase()))) continue;
    for (const word of group) for (const variant of termVariants(word.toLowerCase())) words.add(variant);
  }
  return [...words];
}

/**
 * A `to_tsquery` expression for `text`: every word (`all`, the search box) or any word
 * (`any`, suggestions while typing), each word widened by its variants and synonyms. Words
 * hold only letters and digits, so the expression cannot carry operators of its own. Null
 * when no word is left.
 */
export function toTsQuery(text: string, mode: 'all' | 'any', synonyms: SynonymGroups = []): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const groups = terms.map((term) => `(${termAlternatives(term, synonyms).filter((word) => /^[\p{L}\p{N}]+$/u.test(word)).join(' | ')})`);
  return groups.join(mode === 'all' ? ' & ' : ' | ');
}

/**
 * The query with each misspelt word replaced by the community's word closest to it
 * ("forfiat" → "forfait"), in the order typed; null when nothing was replaced.
 */
export function correctedQuery(text: string, corrections: ReadonlyMap<string, string>): string | null {
  const terms = searchTerms(text);
  if (!terms.some((term) => corrections.has(term))) return null;
  return terms.map((term) => corrections.get(term) ?? term).join(' ');
}

/** Words worth correcting: long enough for trigrams to mean something, and not stop words. */
export function correctableTerms(text: string): string[] {
  return searchTerms(text).filter((term) => term.length >= VARIANT_MIN_LENGTH && !STOP_WORDS.has(term) && !/\p{N}/u.test(term));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Markdown punctuation that reads as noise in a one-line excerpt. */
function stripMarkdown(text: string): string {
  return text
    .replace(/(\*\*|__|`)/g, '')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text with highlight markers → HTML: everything escaped first, then each marked span
 * wrapped in `<mark>`; stray markers are dropped. The only tag in the result is `<mark>`.
 */
export function highlightToHtml(marked: string): string {
  const angles = marked.replaceAll(ANGLE_STANDINS[0]!, '<').replaceAll(ANGLE_STANDINS[1]!, '>');
  const escaped = escapeHtml(stripMarkdown(angles));
  const pairs = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, 'g');
  return escaped.replace(pairs, '<mark>$1</mark>').replace(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_STOP}]`, 'g'), '');
}

/** FAQ slugs: lower-case words joined by hyphens, as in https://volta.example/faq/changer-de-forfait. */
export const FAQ_SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
