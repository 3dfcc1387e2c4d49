/**
 * What a rendered page adds to the shell's `<head>` (issue 16, plan §2.4), pure: title, meta
 * description, canonical link, hreflang alternates, robots, Open Graph (link previews read the
 * head only) and JSON-LD. Every value is escaped here; callers pass plain text.
 */
import type { Locale } from '../../core/index.ts';
import { jsonLdScript, type JsonLd } from './json-ld.ts';
import { cutAtWord, htmlToText } from './text.ts';

/** Search engines show about this many characters of a description. */
export const DESCRIPTION_MAX = 155;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** A meta description from a post's stored HTML (the question, an article's body): its text, one line, cut on a word. */
export function describeHtml(html: string): string {
  return cutAtWord(htmlToText(html), DESCRIPTION_MAX);
}

export interface HeadAlternate {
  /** `fr`, `en` or `x-default`. */
  hreflang: string;
  /** Absolute URL. */
  href: string;
}

export interface OpenGraph {
  /** `article` for a thread or an FAQ article, `website` for the home and category pages. */
  type: 'article' | 'website';
  /** Default: the page's title. */
  title?: string;
  /** Default: the page's description. */
  description?: string;
  /** Default: the canonical URL. */
  url?: string;
  /** The community's name. */
  siteName?: string;
  /** Absolute URL of a preview image. */
  image?: string;
}

export interface HeadInput {
  title: string;
  /** Plain text; cut at `DESCRIPTION_MAX` on a word boundary here. Empty: no description. */
  description: string;
  /** Absolute canonical URL; absent on pages that have none (404, shell pages). */
  canonical?: string;
  /** Every language version, the page itself included; only where both languages exist. */
  alternates?: readonly HeadAlternate[];
  /** `noindex` on 404/410, shell pages and list pages past the first; absent = indexable. */
  robots?: string;
  og: OpenGraph;
  jsonLd?: readonly JsonLd[];
  /** The page's language, for `og:locale`. */
  lang: Locale;
  /** Scripts the page will load, fetched early (the hydrate entry). */
  modulePreloads?: readonly string[];
}

const OG_LOCALES: Record<Locale, string> = { fr: 'fr_FR', en: 'en_US' };

const meta = (name: string, content: string) => `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`;
const property = (name: string, content: string) => `<meta property="${escapeHtml(name)}" content="${escapeHtml(content)}">`;
const link = (attributes: Record<string, string>) =>
  `<link ${Object.entries(attributes).map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ')}>`;

function openGraph(og: OpenGraph, page: { title: string; description: string; canonical?: string; lang: Locale }): string[] {
  const url = og.url ?? page.canonical;
  const description = og.description === undefined ? page.description : cutAtWord(og.description, DESCRIPTION_MAX);
  return [
    property('og:type', og.type),
    property('og:title', og.title ?? page.title),
    ...(description ? [property('og:description', description)] : []),
    ...(url ? [property('og:url', url)] : []),
    ...(og.siteName ? [property('og:site_name', og.siteName)] : []),
    ...(og.image ? [property('og:image', og.image)] : []),
    property('og:locale', OG_LOCALES[page.lang]),
  ];
}

/** The HTML of the head's additions, one element a line, to put where the shell's `<!--entraide:head-->` marker is. */
export function renderHead(input: HeadInput): string {
  const description = cutAtWord(input.description, DESCRIPTION_MAX);
  const lines = [
    `<title>${escapeHtml(input.title)}</title>`,
    ...(description ? [meta('description', description)] : []),
    ...(input.robots ? [meta('robots', input.robots)] : []),
    ...(input.canonical ? [link({ rel: 'canonical', href: input.canonical })] : []),
    ...(input.alternates ?? []).map((alternate) => link({ rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href })),
    ...openGraph(input.og, { title: input.title, description, canonical: input.canonical, lang: input.lang }),
    ...(input.modulePreloads ?? []).map((href) => link({ rel: 'modulepreload', href })),
    ...(input.jsonLd ?? []).map((value) => jsonLdScript(value)),
  ];
  return lines.join('\n');
}
