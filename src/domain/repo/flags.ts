/**
 * SQL of flags, the moderation queue, hide/restore and trusted-member grants
 * (../services/flags.ts keeps the rules).
 */
import type { FlagReason, ModerationPower } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { authorJson, type AuthorRow } from './members.ts';

export interface FlaggablePost {
  id: number;
  thread_id: number;
  category_id: number;
  author_id: number;
  hidden: boolean;
  hidden_reason: string | null;
}

/** The post of this community, locked for the transaction; undefined when unknown. */
export async function lockFlaggablePost(tx: Queryable, community: CommunityContext, postId: number): Promise<FlaggablePost | undefined> {
  const [post] = await tx.query<FlaggablePost>(
    `select p.id, p.thread_id, t.category_id, p.author_id, p.hidden, p.hidden_reason from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where p.id = $1 and c.community_id = $2 for update of p`,
    [postId, community.id],
  );
  return post;
}

/** The summed weight of the post's unresolved flags. */
export const openFlagWeight = async (tx: Queryable, postId: number) =>
  (await tx.query<{ n: number }>('select coalesce(sum(weight), 0)::int as n from post_flags where post_id = $1 and resolved_at is null', [postId]))[0]?.n ?? 0;

export async function powersOf(db: Queryable, memberId: number): Promise<ModerationPower[]> {
  const rows = await db.query<{ power: ModerationPower }>('select power from moderation_grants where member_id = $1 order by power', [memberId]);
  return rows.map((row) => row.power);
}

/** The new flag; undefined when the member had already flagged the post. */
export async function insertFlag(
  tx: Queryable, flag: { postId: number; memberId: number; reason: FlagReason; note: string | null; weight: number },
): Promise<{ id: number; created_at: Date } | undefined> {
  const [row] = await tx.query<{ id: number; created_at: Date }>(
    `insert into post_flags (post_id, member_id, reason, note, weight) values ($1, $2, $3, $4, $5)
     on conflict (post_id, member_id) do nothing returning id, created_at`,
    [flag.postId, flag.memberId, flag.reason, flag.note, flag.weight],
  );
  return row;
}

export async function hidePostRow(tx: Queryable, postId: number, reason: 'flags' | 'moderator'): Promise<void> {
  await tx.query('update posts set hidden = true, hidden_reason = $2 where id = $1', [postId, reason]);
}

export async function showPostRow(tx: Queryable, postId: number): Promise<void> {
  await tx.query('update posts set hidden = false, hidden_reason = null where id = $1', [postId]);
}

/** Closes the post's open flags with the reviewer's decision; returns how many were open. */
export async function resolveFlags(tx: Queryable, postId: number, memberId: number, resolution: 'hidden' | 'restored'): Promise<number> {
  const rows = await tx.query(
    'update post_flags set resolved_at = now(), resolved_by = $2, resolution = $3 where post_id = $1 and resolved_at is null returning id',
    [postId, memberId, resolution],
  );
  return rows.length;
}

export interface FlaggedPostRow {
  post_id: number;
  title: string;
  hidden: boolean;
  hidden_reason: string | null;
  total: number;
}

export interface OpenFlagRow {
  id: number;
  post_id: number;
  reason: FlagReason;
  note: string | null;
  weight: number;
  created_at: Date;
  flagger: AuthorRow;
}

/** Posts of the community with open flags, heaviest first, and those flags with their flaggers. */
export async function readFlagQueue(db: Queryable, community: CommunityContext, limit: number): Promise<{ posts: FlaggedPostRow[]; flags: OpenFlagRow[] }> {
  const posts = await db.query<FlaggedPostRow>(
    `select p.id as post_id, t.title, p.hidden, p.hidden_reason, sum(f.weight)::int as total
     from post_flags f join posts p on p.id = f.post_id join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     where c.community_id = $1 and f.resolved_at is null
     group by p.id, t.title, p.hidden, p.hidden_reason order by total desc, min(f.created_at), p.id limit $2`,
    [community.id, limit],
  );
  const flags = await db.query<OpenFlagRow>(
    `select f.id, f.post_id, f.reason, f.note, f.weight, f.created_at, ${authorJson('m')} as flagger
     from post_flags f join members m on m.id = f.member_id
     where f.post_id = any($1::int[]) and f.resolved_at is null order by f.created_at, f.id`,
    [posts.map((row) => row.post_id)],
  );
  return { posts, flags };
}

export async function isCommunityMember(tx: Queryable, community: CommunityContext, memberId: number): Promise<boolean> {
  const [row] = await tx.query('select id from members where id = $1 and community_id = $2', [memberId, community.id]);
  return row !== undefined;
}

/** False when the member already held the power. */
export async function insertGrant(tx: Queryable, grant: { memberId: number; power: ModerationPower; grantedBy: number }): Promise<boolean> {
  const inserted = await tx.query('insert into moderation_grants (member_id, power, granted_by) values ($1, $2, $3) on conflict do nothing returning power', [
    grant.memberId, grant.power, grant.grantedBy,
  ]);
  return inserted.length > 0;
}

/** False when the member did not hold the power. */
export async function deleteGrant(tx: Queryable, memberId: number, power: ModerationPower): Promise<boolean> {
  const deleted = await tx.query('delete from moderation_grants where member_id = $1 and power = $2 returning power', [memberId, power]);
  return deleted.length > 0;
}
