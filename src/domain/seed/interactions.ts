/**
 * The demo's interactions, written after the threads inside the seeding transaction: FAQ
 * articles the answers link to, kudos rows behind every post's kudos count, "same problem
 * here" marks behind every thread's count (from the asker's region first, so the outage
 * looks collective), and real advisor confirmations (citations, FAQ links, "assisted by")
 * for the advisor posts that credit community members by @pseudonym, as in the study's
 * Example 2 (§32–33). Set-based SQL: a handful of statements, deterministic for a given `now`.
 */
import { renderMarkdown } from '../markdown.ts';
import type { Queryable } from '../database.ts';
import { FAQ_BASE } from './content.ts';
import { planFaqArticles } from './faq.ts';

/**
 * One FAQ article per topic and locale, written by the FAQ seed's one generator (`planFaqArticles`:
 * greetings dropped, placeholders filled), dated at the seed's `now`.
 */
async function insertFaqArticles(tx: Queryable, communityId: number, now: Date): Promise<void> {
  for (const article of planFaqArticles()) {
    await tx.query(
      `insert into faq_articles (community_id, category_id, slug, locale, title, summary, body_md, body_html, created_at, updated_at)
       values ($1, (select id from categories where community_id = $1 and slug = $2), $3, $4, $5, $6, $7, $8, $9::timestamptz, $9::timestamptz)
       on conflict (community_id, locale, slug) do nothing`,
      [communityId, article.category, article.slug, article.locale, article.title, article.summary, article.bodyMd, renderMarkdown(article.bodyMd), now.toISOString()],
    );
  }
}

/** Kudos rows matching each post's planned count, from members other than the author who had joined. */
async function insertKudos(tx: Queryable, communityId: number, now: Date): Promise<void> {
  await tx.query(
    `insert into kudos (post_id, member_id, created_at)
     select p.id, g.id, least(p.created_at + interval '20 minutes', $2::timestamptz)
     from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     cross join lateral (
       select m.id from members m
       where m.community_id = $1 and m.id <> p.author_id and m.joined_at <= p.created_at
       order by (m.id * 7919 + p.id * 104729) % 1009, m.id limit p.kudos_count
     ) g
     where c.community_id = $1 and p.kudos_count > 0`,
    [communityId, now.toISOString()],
  );
}

/** One mark per counted member, people from the asker's region first, spread after the question. */
async function insertSameProblemMarks(tx: Queryable, communityId: number, now: Date): Promise<void> {
  await tx.query(
    `insert into same_problem_marks (thread_id, member_id, region, created_at)
     select t.id, g.id, g.region, least(t.created_at + g.n * interval '6 minutes', $2::timestamptz)
     from threads t join categories c on c.id = t.category_id join members a on a.id = t.author_id
     cross join lateral (
       select m.id, m.region, row_number() over (order by (m.region is not distinct from a.region) desc, (m.id * 7919 + t.id * 104729) % 1009, m.id) as n
       from members m
       where m.community_id = $1 and m.id <> t.author_id and m.role = 'member' and m.joined_at <= t.created_at
       order by n limit t.same_problem_count
     ) g
     where c.community_id = $1 and t.same_problem_count > 0`,
    [communityId, now.toISOString()],
  );
}

/**
 * Advisor posts that name, with @, members who replied earlier in the thread (not the asker)
 * become confirmations of those replies, linking the FAQ article they point to.
 */
async function insertConfirmations(tx: Queryable, communityId: number): Promise<void> {
  await tx.query(
    `insert into post_citations (post_id, cited_post_id, cited_member_id)
     select distinct on (p.id, q.author_id) p.id, q.id, q.author_id
     from posts p join members adv on adv.id = p.author_id and adv.role = 'advisor'
     join threads t on t.id = p.thread_id join categories c on c.id = t.category_id
     join posts q on q.thread_id = p.thread_id and q.kind = 'reply' and q.created_at < p.created_at and not q.hidden
     join members m on m.id = q.author_id and m.role <> 'advisor' and m.id <> t.author_id
     where c.community_id = $1 and p.kind = 'reply'
       and position('@' || m.pseudonym in p.body_md) > 0
       and substr(p.body_md, position('@' || m.pseudonym in p.body_md) + length(m.pseudonym) + 1, 1) !~ '[[:alnum:]_-]'
     order by p.id, q.author_id, q.created_at, q.id`,
    [communityId],
  );
  await tx.query(
    `insert into post_faq_links (post_id, article_id)
     select distinct p.id, a.id
     from posts p join threads t on t.id = p.thread_id
     join faq_articles a on a.community_id = $1 and a.locale = t.locale and position($2 || a.slug || ')' in p.body_md) > 0
     where p.id in (select post_id from post_citations)`,
    [communityId, FAQ_BASE],
  );
  // Every third confirmation credits the other team's advisor as "assisted by".
  await tx.query(
    `insert into post_assists (post_id, advisor_id)
     select p.id, o.id from posts p
     join members adv on adv.id = p.author_id
     join members o on o.community_id = $1 and o.role = 'advisor' and o.id <> adv.id
     where p.id in (select post_id from post_citations) and p.id % 3 = 0`,
    [communityId],
  );
  await tx.query(
    `update members m set confirmed_count = m.confirmed_count + s.n
     from (select cited_member_id, count(distinct post_id)::int as n from post_citations group by cited_member_id) s
     where m.id = s.cited_member_id and m.community_id = $1`,
    [communityId],
  );
  await tx.query(
    `update members m set assist_count = m.assist_count + s.n
     from (select advisor_id, count(*)::int as n from post_assists group by advisor_id) s
     where m.id = s.advisor_id and m.community_id = $1`,
    [communityId],
  );
  await tx.query(
    `update threads t set confirmed_at = s.at
     from (select p.thread_id, min(p.created_at) as at from posts p where p.id in (select post_id from post_citations) group by p.thread_id) s
     where t.id = s.thread_id`,
  );
}

/** Writes the interactions of a freshly written demo community (same transaction). */
export async function seedInteractions(tx: Queryable, communityId: number, now: Date): Promise<void> {
  await insertFaqArticles(tx, communityId, now);
  await insertKudos(tx, communityId, now);
  await insertSameProblemMarks(tx, communityId, now);
  await insertConfirmations(tx, communityId);
}
