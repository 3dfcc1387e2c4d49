/**
 * Writes a planned community in a few multi-row INSERTs (a few hundred rows each), inside the
 * caller's transaction. Post bodies are rendered once here, like every post written on the server.
 */
import { isAdvisor } from '../../core/domain.ts';
import { markdownToText, renderMarkdown } from '../markdown.ts';
import type { Queryable } from '../database.ts';
import type { CommunityPlan } from './community.ts';
import { CATEGORIES } from './content.ts';
import { VOLTA_RANK_LADDER } from './people.ts';
import { DAY, MINUTE } from './random.ts';

export const VOLTA_SLUG = 'volta';
export const VOLTA_NAME = 'Volta Mobile';
export const VOLTA_SIGNATURE =
  "La communauté, c'est le partage : merci de ne pas envoyer de message privé sauf si un conseiller vous le demande.";
/** The signature under advisor posts in English threads (issue 15, item 10). */
export const VOLTA_SIGNATURE_EN = 'The community is about sharing: please do not send private messages unless an advisor asks you to.';
/** Words Volta's customers use for one thing (search finds each through the others). */
export const VOLTA_SYNONYMS = [
  ['roaming', 'itinérance'],
  ['forfait', 'plan', 'abonnement', 'offre'],
  ['facture', 'bill', 'invoice'],
  ['résiliation', 'résilier', 'cancel', 'cancelling'],
  ['portabilité', 'porting', 'rio'],
  ['messagerie', 'répondeur', 'voicemail'],
];
const BATCH = 300;
const EXCERPT_LENGTH = 160;

/** A column and the SQL type its parameter is cast to (explicit, so PGlite and pg agree). */
type Column = readonly [name: string, type: string];

/** One `insert … values (…), (…) returning id` per batch of rows; ids come back in row order. */
export async function insertRows(
  tx: Queryable, table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map(([, type], index) => {
      params.push(row[index] ?? null);
      return `$${params.length}::${type}`;
    });
    return `(${cells.join(', ')})`;
  });
  const names = columns.map(([name]) => name).join(', ');
  const result = await tx.query<{ id: number }>(`insert into ${table} (${names}) values ${tuples.join(', ')} returning id`, params);
  return result.map((row) => row.id);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export function excerptOf(markdown: string): string {
  const text = markdownToText(markdown);
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** How many progress steps `writeCommunity` reports. */
export function writeSteps(plan: CommunityPlan): number {
  const posts = plan.threads.reduce((sum, thread) => sum + thread.posts.length, 0);
  return 2 + chunks(plan.members, BATCH).length + chunks(plan.threads, BATCH).length + Math.ceil(posts / BATCH) + 1;
}

export type Progress = (label: string) => void;

/** Inserts everything; returns the new community's id and the id of each planned thread. */
export async function writeCommunity(
  tx: Queryable, plan: CommunityPlan, now: Date, progress: Progress,
): Promise<{ communityId: number; threadIds: number[] } | null> {
  const iso = (date: Date): string => date.toISOString();
  const firstJoin = Math.min(...plan.members.map((member) => member.joinedAt.getTime()));
  const created = await tx.query<{ id: number }>(
    `insert into communities (slug, name, locale, rank_ladder, advisor_signature, created_at, search_synonyms, advisor_signature_translations)
     values ($1, $2, 'fr', $3::text::jsonb, $4, $5::timestamptz, $6::text::jsonb, $7::text::jsonb) on conflict (slug) do nothing returning id`,
    [VOLTA_SLUG, VOLTA_NAME, JSON.stringify(VOLTA_RANK_LADDER), VOLTA_SIGNATURE, iso(new Date(firstJoin - 2 * DAY)), JSON.stringify(VOLTA_SYNONYMS),
      JSON.stringify({ en: VOLTA_SIGNATURE_EN })],
  );
  const communityId = created[0]?.id;
  if (communityId === undefined) return null;
  progress('community');

  const categoryIds = await insertRows(
    tx, 'categories',
    [['community_id', 'int'], ['slug', 'text'], ['name', 'text::jsonb'], ['description', 'text::jsonb'], ['position', 'int'], ['holdback_minutes', 'int']],
    CATEGORIES.map((category, index) => [
      communityId, category.slug, JSON.stringify(category.name), JSON.stringify(category.description), index + 1, category.holdbackMinutes,
    ]),
  );
  const categoryId = new Map(CATEGORIES.map((category, index) => [category.slug, categoryIds[index]]));
  progress('categories');

  const memberIds: number[] = [];
  for (const batch of chunks(plan.members, BATCH)) {
    const ids = await insertRows(
      tx, 'members',
      [
        ['community_id', 'int'], ['external_id', 'text'], ['pseudonym', 'text'], ['role', 'text'], ['team', 'text'], ['region', 'text'],
        ['joined_at', 'timestamptz'], ['last_seen_at', 'timestamptz'], ['post_count', 'int'], ['accepted_count', 'int'], ['kudos_received', 'int'],
      ],
      batch.map((member) => {
        const lastSeen = isAdvisor(member.role) ? new Date(now.getTime() - 7 * MINUTE) : (member.lastPostAt ?? member.joinedAt);
        return [
          communityId, `demo:${member.pseudonym.toLowerCase()}`, member.pseudonym, member.role, member.team, member.region,
          iso(member.joinedAt), iso(lastSeen), member.posts + member.history.posts, member.accepted + member.history.accepted,
          member.kudos + member.history.kudos,
        ];
      }),
    );
    memberIds.push(...ids);
    progress(`members ${memberIds.length}/${plan.members.length}`);
  }
  const memberId = (index: number): number => {
    const id = memberIds[index];
    if (id === undefined) throw new Error(`planned member ${index} was not inserted`);
    return id;
  };

  const threadIds: number[] = [];
  for (const batch of chunks(plan.threads, BATCH)) {
    const ids = await insertRows(
      tx, 'threads',
      [
        ['category_id', 'int'], ['author_id', 'int'], ['title', 'text'], ['status', 'text'], ['locale', 'text'], ['excerpt', 'text'],
        ['needs_account', 'boolean'], ['reply_count', 'int'], ['same_problem_count', 'int'], ['created_at', 'timestamptz'], ['last_post_at', 'timestamptz'],
      ],
      batch.map((thread) => {
        const [question] = thread.posts;
        if (!question) throw new Error('a planned thread has no question');
        const last = thread.posts.reduce((latest, post) => (post.createdAt > latest ? post.createdAt : latest), question.createdAt);
        const status = thread.acceptedIndex !== null ? 'solved' : thread.posts.length > 1 ? 'answered' : 'open';
        return [
          categoryId.get(thread.category), memberId(thread.authorIndex), thread.title, status, thread.locale, excerptOf(question.bodyMd),
          thread.needsAccount, thread.posts.length - 1, thread.sameProblemCount, iso(question.createdAt), iso(last),
        ];
      }),
    );
    threadIds.push(...ids);
    progress(`threads ${threadIds.length}/${plan.threads.length}`);
  }

  // Posts go in in time order across threads, so ids follow the community's history.
  const refs = plan.threads
    .flatMap((thread, threadIndex) => thread.posts.map((post, postIndex) => ({ post, threadIndex, postIndex })))
    .sort((a, b) => a.post.createdAt.getTime() - b.post.createdAt.getTime() || a.threadIndex - b.threadIndex || a.postIndex - b.postIndex);
  const postIds: number[] = [];
  for (const batch of chunks(refs, BATCH)) {
    const ids = await insertRows(
      tx, 'posts',
      [['thread_id', 'int'], ['author_id', 'int'], ['kind', 'text'], ['body_md', 'text'], ['body_html', 'text'], ['kudos_count', 'int'], ['created_at', 'timestamptz']],
      batch.map(({ post, threadIndex }) => [
        threadIds[threadIndex], memberId(post.authorIndex), post.kind, post.bodyMd, renderMarkdown(post.bodyMd), post.kudos, iso(post.createdAt),
      ]),
    );
    postIds.push(...ids);
    progress(`posts ${postIds.length}/${refs.length}`);
  }

  const accepted: [number, number][] = [];
  refs.forEach((ref, index) => {
    if (plan.threads[ref.threadIndex]?.acceptedIndex === ref.postIndex) accepted.push([threadIds[ref.threadIndex] as number, postIds[index] as number]);
  });
  if (accepted.length > 0) {
    const values = accepted.map((_pair, index) => `($${index * 2 + 1}::int, $${index * 2 + 2}::int)`).join(', ');
    await tx.query(
      `update threads t set accepted_post_id = v.post_id from (values ${values}) as v(thread_id, post_id) where t.id = v.thread_id`,
      accepted.flat(),
    );
  }
  await tx.query(
    `update categories c set thread_count = s.threads, post_count = s.posts, last_post_at = s.last_post_at
     from (select t.category_id, count(distinct t.id)::int as threads, count(p.id)::int as posts, max(p.created_at) as last_post_at
           from threads t join posts p on p.thread_id = t.id join categories k on k.id = t.category_id
           where k.community_id = $1 group by t.category_id) s
     where c.id = s.category_id`,
    [communityId],
  );
  progress('solutions and counters');
  return { communityId, threadIds };
}
