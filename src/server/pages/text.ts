/**
 * Plain text out of a post's stored HTML, for what search engines and link previews read (meta
 * description, JSON-LD): no tag survives, entities become characters, blocks become lines.
 * The result is text, not HTML: whoever puts it in a page escapes it for where it goes.
 */
import { FilterXSS } from 'xss';

/** Tags whose end starts a new line of text (the stored HTML is markdown-it's output). */
const BLOCKS = new Set(['p', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'div', 'tr', 'table', 'hr']);

// No tag is allowed, and every one is dropped by `onIgnoreTag` (xss's `stripIgnoreTag: true` does the same
// but cannot be combined with it, and leaves no line between blocks).
const stripper = new FilterXSS({
  whiteList: {},
  stripIgnoreTagBody: ['script', 'style'],
  onIgnoreTag: (tag) => (BLOCKS.has(tag.toLowerCase()) ? '\n' : ''),
});

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** One pass, so `&amp;lt;` stays the text `&lt;`. Unknown names and impossible code points are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/** The text of sanitized HTML: one line per block, spaces collapsed, no empty line. */
export function htmlToText(html: string): string {
  return decodeEntities(stripper.process(html))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * `text` on one line, at most `max` characters (code points): cut at the last word boundary that
 * fits and ended with "…"; a single word longer than `max` is cut inside.
 */
export function cutAtWord(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max - 1).join('');
  // The cut falls between two words when the next character is a space.
  const boundary = chars[max - 1] === ' ' ? head.length : head.lastIndexOf(' ');
  const kept = boundary > 0 ? head.slice(0, boundary) : head;
  return `${kept.replace(/[\s,;:.!?-]+$/u, '')}…`;
}
