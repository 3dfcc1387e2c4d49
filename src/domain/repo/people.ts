/**
 * What a member's profile lists, a page at a time: the questions they asked and the answers they
 * gave. Only what every reader sees in the threads: no hidden or deleted post, no thread merged
 * away, no thread whose question is hidden or deleted (private messages and staff notes live in
 * their own tables and never appear here).
 */
import type { MemberAnswerPage, MemberThreadPage } from '../../contract/areas/people.ts';
import type { Queryable } from '../database.ts';
import { markdownToText } from '../markdown.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import type { CommunityContext } from './community.ts';
import { THREAD_SELECT, toThread, type ThreadRow } from './threads.ts';

export class BadProfileCursorError extends Error {}

const OFFSET_MAX = 100_000;
const EXCERPT_LENGTH = 160;

/** Pages are short and a profile changes slowly: an offset is exact enough, and opaque to callers. */
function encodeOffset(offset: number): string {
  return toBase64Url(`o:${offset}`);
}

function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,6})$/.exec(fromBase64Url(cursor));
  if (!match || Number(match[1]) > OFFSET_MAX) throw new BadProfileCursorError();
  return Number(match[1]);
}

/** A thread every reader sees: in the community, not merged away, its question neither hidden nor deleted. */
const PUBLIC_THREAD = `c.community_id = $2 and t.merged_into_id is null
  and not exists (select 1 from posts q where q.thread_id = t.id and q.kind = 'question' and (q.hidden or q.deleted_at is not null))`;

export async function memberThreads(db: Queryable, community: CommunityContext, memberId: number, query: { cursor?: string; limit: number }): Promise<MemberThreadPage> {
  const offset = decodeOffset(query.cursor);
  const rows = await db.query<ThreadRow>(
    `${THREAD_SELECT} join categories c on c.id = t.category_id
     where t.author_id = $1 and ${PUBLIC_THREAD}
     order by t.created_at desc, t.id desc limit $3 offset $4`,
    [memberId, community.id, query.limit + 1, offset],
  );
  const now = new Date();
  return {
    items: rows.slice(0, query.limit).map((row) => toThread(row, community, now)),
    nextCursor: rows.length > query.limit ? encodeOffset(offset + query.limit) : null,
  };
}

interface AnswerRow {
  post_id: number;
  thread_id: number;
  thread_title: string;
  body_md: string;
  created_at: Date;
  kudos_count: number;
  accepted: boolean;
  confirmed: boolean;
}

export async function memberAnswers(db: Queryable, community: CommunityContext, memberId: number, query: { cursor?: string; limit: number }): Promise<MemberAnswerPage> {
  const offset = decodeOffset(query.cursor);
  const rows = await db.query<AnswerRow>(
    `select p.id as post_id, t.id as thread_id, t.title as thread_title, p.body_md, p.created_at, p.kudos_count,
       (t.accepted_post_id = p.id) as accepted,
       exists (select 1 from post_citations ci join posts a on a.id = ci.post_id
               where ci.cited_post_id = p.id and not a.hidden and a.deleted_at is null) as confirmed
     from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.author_id = $1 and p.kind = 'reply' and not p.hidden and p.deleted_at is null and ${PUBLIC_THREAD}
     order by p.created_at desc, p.id desc limit $3 offset $4`,
    [memberId, community.id, query.limit + 1, offset],
  );
  return {
    items: rows.slice(0, query.limit).map((row) => ({
      postId: row.post_id,
      threadId: row.thread_id,
      threadTitle: row.thread_title,
      excerpt: markdownToText(row.body_md).slice(0, EXCERPT_LENGTH),
      createdAt: new Date(row.created_at).toISOString(),
      kudosCount: row.kudos_count,
      accepted: row.accepted,
      confirmed: row.confirmed,
    })),
    nextCursor: rows.length > query.limit ? encodeOffset(offset + query.limit) : null,
  };
}
