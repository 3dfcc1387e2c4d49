/**
 * What an advisor can credit in a reply (study §32–§33, §46): the thread's community replies
 * to confirm, the colleagues who helped, and the citation lines that name them in the text.
 */
import type { Author, Post } from '../../contract/models.ts';

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
const isStaff = (author: Author) => author.role === 'advisor' || author.role === 'moderator';

/** The text of sanitized HTML; DOMParser documents run no scripts and load nothing. */
export function textOfHtml(bodyHtml: string): string {
  const { body } = new DOMParser().parseFromString(bodyHtml, 'text/html');
  body.querySelectorAll('script, style, template').forEach((node) => node.remove());
  return (body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function excerptOf(bodyHtml: string): string {
  const text = textOfHtml(bodyHtml);
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : text;
}

/** Replies by members (not staff), other than the question itself, oldest first. */
export function communityReplies(posts: readonly Post[]): CommunityReply[] {
  return posts
    .filter((post) => post.kind === 'reply' && !isStaff(post.author))
    .map((post) => ({ postId: post.id, author: post.author, excerpt: excerptOf(post.bodyHtml) }));
}

/** Advisors who wrote in the thread, plus any other known advisors, without `selfId`, once each. */
export function colleaguesOf(posts: readonly Post[], selfId: number | undefined, others: readonly Colleague[] = []): Colleague[] {
  const found = new Map<number, Colleague>();
  for (const post of posts) {
    if (post.author.role === 'advisor') found.set(post.author.id, { id: post.author.id, pseudonym: post.author.pseudonym });
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
