/**
 * What an advisor can credit in a reply (study §32–§33, §46): the thread's community replies
 * to confirm, the colleagues who helped, and the citation lines that name them in the text.
 */
import type { Author, Post } from '../../sdk/types.ts';
import { isAdvisor, isStaff } from '../../core/index.ts';

export interface CommunityReply {
  postId: number;
  author: Author;
  /** Plain text taken from the server-rendered body; reaches the DOM only as a text binding. */
  excerpt: string;
}

export interface Colleague {
  id: number;
  pseudonym: string;
}

const EXCERPT_MAX = 140;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|hr)\b[^>]*>/gi;

function decodeEntity(entity: string): string | undefined {
  const code = /^#x([0-9a-f]+)$/i.exec(entity)?.[1] ?? /^#(\d+)$/.exec(entity)?.[1];
  if (code === undefined) return ENTITIES[entity.toLowerCase()];
  const point = entity[1] === 'x' || entity[1] === 'X' ? parseInt(code, 16) : Number(code);
  return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
}

/**
 * The text of the server's sanitized HTML. No DOM parsing: pages under Trusted Types (the
 * demo's CSP allows only lit-html's policy) refuse strings in DOMParser and innerHTML. Block
 * tags become spaces, other tags vanish, entities are decoded; the result is only ever bound
 * as text.
 */
export function textOfHtml(bodyHtml: string): string {
  return bodyHtml
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => decodeEntity(entity) ?? match)
    .replace(/\s+/g, ' ')
    .trim();
}

export function excerptOf(bodyHtml: string): string {
  const text = textOfHtml(bodyHtml);
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : text;
}

/** Replies by members (not staff), other than the question itself, oldest first. */
export function communityReplies(posts: readonly Post[]): CommunityReply[] {
  return posts
    .filter((post) => post.kind === 'reply' && !isStaff(post.author.role))
    .map((post) => ({ postId: post.id, author: post.author, excerpt: excerptOf(post.bodyHtml) }));
}

/** Advisors who wrote in the thread, plus any other known advisors, without `selfId`, once each. */
export function colleaguesOf(posts: readonly Post[], selfId: number | undefined, others: readonly Colleague[] = []): Colleague[] {
  const found = new Map<number, Colleague>();
  for (const post of posts) {
    if (isAdvisor(post.author.role)) found.set(post.author.id, { id: post.author.id, pseudonym: post.author.pseudonym });
  }
  for (const colleague of others) if (!found.has(colleague.id)) found.set(colleague.id, colleague);
  found.delete(selfId ?? -1);
  return [...found.values()];
}

/** Adds `line` after the greeting (the first written line), or at the end when there is none. */
export function insertLine(body: string, line: string): string {
  const lines = body.split('\n');
  const greeting = lines.findIndex((text) => text.trim());
  if (greeting === -1) return line;
  lines.splice(greeting + 1, 0, line);
  return lines.join('\n');
}

/** Takes `line` out again (unticking a citation), leaving the text untouched when it was edited. */
export function removeLine(body: string, line: string): string {
  const lines = body.split('\n');
  const index = lines.indexOf(line);
  if (index === -1) return body;
  lines.splice(index, 1);
  return lines.join('\n');
}
