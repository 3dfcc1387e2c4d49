/**
 * Pure rules of search: how typed text becomes a safe `to_tsquery` expression, and how a
 * highlighted excerpt from the database becomes HTML that cannot inject markup.
 */

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

/**
 * The French Snowball stemmer does not stem singular and plural alike ("forfait" → forf,
 * "forfaits" → forfait), so each word is also searched in its other number. English plurals
 * stem alike already; the extra variant costs nothing there.
 */
export function termVariants(term: string): string[] {
  const variants = [term];
  if (/[sx]$/.test(term)) {
    if (term.length > 3) variants.push(term.slice(0, -1));
  } else {
    variants.push(`${term}s`);
  }
  return variants;
}

/**
 * A `to_tsquery` expression for `text`: every word (`all`, the search box) or any word
 * (`any`, suggestions while typing). Words hold only letters and digits, so the expression
 * cannot carry operators of its own. Null when no word is left.
 */
export function toTsQuery(text: string, mode: 'all' | 'any'): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const groups = terms.map((term) => `(${termVariants(term).join(' | ')})`);
  return groups.join(mode === 'all' ? ' & ' : ' | ');
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
