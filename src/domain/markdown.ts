/**
 * Post bodies are markdown, rendered once on write (study: writing is public and stays), then
 * passed through an allow-list sanitizer. Raw HTML is off in the parser and the sanitizer
 * still runs, so a bug in one layer is caught by the other.
 */
import MarkdownIt from 'markdown-it';
import { FilterXSS, type IWhiteList } from 'xss';

const SAFE_URL = /^(https?:|mailto:|\/|#|\.{0,2}\/)/i;

/** Links may go to the web, to mail, or inside the site; nothing that runs code. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (!trimmed) return false;
  // A scheme-less relative link has no colon before its first slash, question mark or hash.
  const firstColon = trimmed.indexOf(':');
  const firstStop = trimmed.search(/[/?#]/);
  const hasScheme = firstColon !== -1 && (firstStop === -1 || firstColon < firstStop);
  return hasScheme ? SAFE_URL.test(trimmed) : true;
}

const parser = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
parser.validateLink = isSafeUrl;
parser.disable(['image']);

const defaultLinkOpen =
  parser.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
parser.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    token.attrSet('rel', 'nofollow ugc noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

const ALLOWED: IWhiteList = {
  a: ['href', 'title', 'rel', 'target'],
  p: [], br: [], hr: [], blockquote: [], strong: [], em: [], s: [], code: [], pre: [],
  ul: [], ol: ['start'], li: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  table: [], thead: [], tbody: [], tr: [], th: ['style'], td: ['style'],
};

const sanitizer = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style'],
  css: { whiteList: { 'text-align': /^(left|right|center)$/ } },
  safeAttrValue(tag, name, value, cssFilter) {
    if (name === 'href') return isSafeUrl(value) ? value.replace(/"/g, '&quot;') : '#';
    if (name === 'style') return cssFilter.process(value);
    return value.replace(/"/g, '&quot;');
  },
});

/** The one HTML that elements may show for a post body. */
export function renderMarkdown(markdown: string): string {
  return sanitizer.process(parser.render(markdown));
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Plain text of a body, for excerpts and search; elements show it as text, never as HTML. */
export function markdownToText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<\/?(p|br|li|ul|ol|h[1-6]|blockquote|pre|hr|table|thead|tbody|tr|td|th)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
