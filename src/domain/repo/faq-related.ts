/**
 * The solved threads an FAQ article's page shows. The rule: first the threads whose visible
 * posts link the article (an advisor pointed a customer to it: the surest relation), then solved
 * threads whose title or posts match the article's title, until `limit`. Only solved threads,
 * not merged away, in the article's community; never through a hidden or deleted post.
 */
import type { FaqRelated } from '../../contract/areas/knowledge.ts';
import { toTsQuery } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from './community.ts';
import { searchForum } from './search.ts';
import { THREAD_SELECT, toThread, type ThreadRow } from './threads.ts';

export async function relatedThreads(db: Queryable, community: CommunityContext, article: { id: number; title: string }, limit: number): Promise<FaqRelated> {
  const linked = await db.query<ThreadRow>(
    `${THREAD_SELECT} join categories c on c.id = t.category_id
     where c.community_id = $2 and t.status = 'solved' and t.merged_into_id is null
       and exists (select 1 from post_faq_links l join posts p on p.id = l.post_id
                   where l.article_id = $1 and p.thread_id = t.id and not p.hidden and p.deleted_at is null)
     order by t.last_post_at desc, t.id desc limit $3`,
    [article.id, community.id, limit],
  );
  const now = new Date();
  const items = linked.map((row) => ({ thread: toThread(row, community, now), linked: true }));
  const tsquery = items.length < limit ? toTsQuery(article.title, 'all') : null;
  if (tsquery !== null) {
    const seen = new Set(items.map((item) => item.thread.id));
    const { hits } = await searchForum(db, community, { tsquery, solved: true, offset: 0, limit: limit + seen.size });
    for (const hit of hits) {
      if (items.length >= limit) break;
      if (!seen.has(hit.thread.id)) items.push({ thread: hit.thread, linked: false });
    }
  }
  return { items };
}
