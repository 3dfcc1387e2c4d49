/**
 * The demo's moderation, written after the threads inside the seeding transaction: a merged
 * duplicate, a closed and an archived thread, flags (one post hidden by their weight, one
 * pending), a trusted member with the review-flags grant, and real private conversations
 * behind the public traces the plan already wrote on "needs my account" threads (study
 * §17–18). Every action goes through the same in-transaction code as the API and is audited,
 * dated on the demo's timeline. Picks are by id: deterministic for a given `now`.
 */
import { DEFAULT_RANK_LADDER, flagWeight, isAdvisor, shouldAutoHide, type FlagReason, type RankLadder, type Role } from '../../core/index.ts';
import { renderMarkdown } from '../markdown.ts';
import type { Queryable } from '../database.ts';
import { writeAudit } from '../repo/audit.ts';
import { findAuthor } from '../repo/members.ts';
import { applyLifecycle, applyMerge } from '../services/moderation.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Threads a moderator may close or merge without breaking the demo's story: answered, unsolved, no trace. */
const PLAIN_THREADS = `select t.id, t.category_id, t.title, t.locale from threads t join categories c on c.id = t.category_id
  where c.community_id = $1 and t.status = 'answered' and t.accepted_post_id is null and t.merged_into_id is null
    and not t.needs_account and not exists (select 1 from posts p where p.thread_id = t.id and p.kind = 'trace')`;

interface PlainThread {
  id: number;
  category_id: number;
  title: string;
  locale: string;
}

async function staffIds(tx: Queryable, communityId: number): Promise<{ moderator: number; advisor: number }> {
  const rows = await tx.query<{ id: number; role: Role }>(
    `select id, role from members where community_id = $1 and role in ('moderator', 'advisor') order by id`,
    [communityId],
  );
  const advisor = rows.find((row) => isAdvisor(row.role))?.id;
  const moderator = rows.find((row) => row.role === 'moderator')?.id ?? advisor;
  if (advisor === undefined || moderator === undefined) throw new Error('the demo has no staff to moderate with');
  return { moderator, advisor };
}

/** A later duplicate merged into an earlier thread of the same category, then one closed and one archived thread. */
async function seedLifecycle(tx: Queryable, communityId: number, moderatorId: number, now: Date): Promise<void> {
  const threads = await tx.query<PlainThread>(`${PLAIN_THREADS} order by t.id`, [communityId]);
  // A true duplicate (same category, locale and title) when the demo has one, else a same-language neighbour.
  const sameSpot = (a: PlainThread, b: PlainThread) => a.id < b.id && a.category_id === b.category_id && a.locale === b.locale;
  const pairs = threads.flatMap((a) => threads.filter((b) => sameSpot(a, b)).map((b) => [a, b] as const));
  const [target, source] = pairs.find(([a, b]) => a.title === b.title) ?? pairs[0] ?? [];
  if (!target || !source) return;
  await applyMerge(tx, { id: communityId }, { actorId: moderatorId, threadId: source.id, intoThreadId: target.id, reason: 'Doublon : même question.', at: new Date(now.getTime() - 2 * HOUR) });
  const rest = threads.filter((t) => t.id !== target.id && t.id !== source.id);
  const closed = rest[0];
  const archived = rest.at(-1);
  if (closed) await applyLifecycle(tx, { id: communityId }, { actorId: moderatorId, threadId: closed.id, action: 'close', reason: 'Plus de réponse du demandeur depuis des semaines.', at: new Date(now.getTime() - HOUR) });
  if (archived && archived.id !== closed?.id) {
    await applyLifecycle(tx, { id: communityId }, { actorId: moderatorId, threadId: archived.id, action: 'archive', reason: 'Offre qui n’existe plus.', at: new Date(now.getTime() - 30 * MINUTE) });
  }
}

async function ladderOf(tx: Queryable, communityId: number): Promise<RankLadder> {
  const [row] = await tx.query<{ rank_ladder: RankLadder | null }>('select rank_ladder from communities where id = $1', [communityId]);
  return row?.rank_ladder ?? DEFAULT_RANK_LADDER;
}

/** Flags on a post by members who are not its author; hides it when their weight reaches the threshold. */
async function flagPost(tx: Queryable, communityId: number, ladder: RankLadder, postId: number, flaggers: number[], reason: FlagReason, at: Date): Promise<void> {
  let total = 0;
  for (const [index, memberId] of flaggers.entries()) {
    const author = await findAuthor(tx, memberId, ladder);
    if (!author) continue;
    const weight = flagWeight(author.role, author.rank.level);
    const flaggedAt = new Date(at.getTime() + index * 10 * MINUTE);
    await tx.query('insert into post_flags (post_id, member_id, reason, weight, created_at) values ($1, $2, $3, $4, $5)', [postId, memberId, reason, weight, flaggedAt]);
    total += weight;
    if (shouldAutoHide(total)) {
      await tx.query(`update posts set hidden = true, hidden_reason = 'flags' where id = $1`, [postId]);
      await writeAudit(tx, { actorId: memberId, action: 'post.auto-hide', targetType: 'post', targetId: postId, reason: 'flags', before: { hidden: false, hiddenReason: null }, after: { hidden: true, hiddenReason: 'flags', totalWeight: total }, createdAt: flaggedAt });
      return;
    }
  }
}

/** Two short member replies flagged off-topic: one by enough weight to be hidden, one pending in the queue. */
async function seedFlags(tx: Queryable, communityId: number, now: Date): Promise<void> {
  const ladder = await ladderOf(tx, communityId);
  const posts = await tx.query<{ id: number; author_id: number }>(
    `select p.id, p.author_id from posts p join threads t on t.id = p.thread_id join categories c on c.id = t.category_id join members m on m.id = p.author_id
     where c.community_id = $1 and p.kind = 'reply' and m.role = 'member' and t.merged_into_id is null and t.accepted_post_id is distinct from p.id
       and not exists (select 1 from post_citations pc where pc.cited_post_id = p.id)
     order by length(p.body_md), p.id limit 2`,
    [communityId],
  );
  // Flaggers: the most active members (trusted, heavier flags) and then newcomers.
  const members = await tx.query<{ id: number }>(
    `select id from members where community_id = $1 and role = 'member' order by post_count desc, id limit 6`,
    [communityId],
  );
  const [hidden, pending] = posts;
  const others = (authorId: number) => members.map((m) => m.id).filter((id) => id !== authorId);
  if (hidden) await flagPost(tx, communityId, ladder, hidden.id, others(hidden.author_id).slice(0, 4), 'off-topic', new Date(now.getTime() - 3 * HOUR));
  if (pending) await flagPost(tx, communityId, ladder, pending.id, others(pending.author_id).slice(-1), 'spam', new Date(now.getTime() - 40 * MINUTE));
}

/** The second most active member may review flags: an explicit grant, audited. */
async function seedGrant(tx: Queryable, communityId: number, moderatorId: number, now: Date): Promise<void> {
  const [trusted] = await tx.query<{ id: number }>(`select id from members where community_id = $1 and role = 'member' order by post_count desc, id offset 1 limit 1`, [communityId]);
  if (!trusted) return;
  const at = new Date(now.getTime() - 20 * 24 * HOUR);
  await tx.query(`insert into moderation_grants (member_id, power, granted_by, created_at) values ($1, 'review-flags', $2, $3)`, [trusted.id, moderatorId, at]);
  await writeAudit(tx, { actorId: moderatorId, action: 'grant.add', targetType: 'member', targetId: trusted.id, reason: 'Contributeur de confiance', before: { powers: [] }, after: { powers: ['review-flags'] }, createdAt: at });
}

const PRIVATE_LINES = {
  fr: ['Bonjour, pour vérifier votre dossier, pouvez-vous me confirmer votre numéro de ligne et la date de votre dernière facture ?', 'Oui, c’est bien ma ligne principale, la facture date du 3 du mois.', 'Merci, c’est corrigé de mon côté. Je mets la conclusion sur le fil public.'],
  en: ['Hello, to check your account, could you confirm your line number and the date of your last bill?', 'Yes, it is my main line, the bill is dated the 3rd.', 'Thank you, it is fixed on my side. I am posting the outcome on the public thread.'],
} as const;

/** Real conversations behind the first two threads whose public traces show a private handoff. */
async function seedPrivate(tx: Queryable, communityId: number): Promise<void> {
  const threads = await tx.query<{ id: number; author_id: number; locale: 'fr' | 'en' }>(
    `select t.id, t.author_id, t.locale from threads t join categories c on c.id = t.category_id
     where c.community_id = $1 and (select count(*) from posts p where p.thread_id = t.id and p.kind = 'trace') >= 2
     order by t.id limit 2`,
    [communityId],
  );
  for (const thread of threads) {
    const traces = await tx.query<{ id: number; author_id: number; body_md: string; created_at: Date }>(
      `select id, author_id, body_md, created_at from posts where thread_id = $1 and kind = 'trace' order by created_at, id`,
      [thread.id],
    );
    const open = traces[0];
    const close = traces.at(-1);
    if (!open || !close) continue;
    const [conversation] = await tx.query<{ id: number }>(
      `insert into private_conversations (community_id, thread_id, asker_id, opened_by, status, outcome, created_at, closed_at, closed_by, trace_post_id)
       values ($1, $2, $3, $4, 'closed', $5, $6, $7, $8, $9) returning id`,
      [communityId, thread.id, thread.author_id, open.author_id, close.body_md, open.created_at, close.created_at, close.author_id, open.id],
    );
    if (!conversation) continue;
    const opened = new Date(open.created_at).getTime();
    const closed = new Date(close.created_at).getTime();
    const lines = PRIVATE_LINES[thread.locale];
    const times = [opened + MINUTE, opened + (closed - opened) / 3, closed - MINUTE];
    const authors = [open.author_id, thread.author_id, close.author_id];
    for (const [index, body] of lines.entries()) {
      await tx.query('insert into private_messages (conversation_id, author_id, body_md, body_html, created_at) values ($1, $2, $3, $4, $5)', [
        conversation.id, authors[index], body, renderMarkdown(body), new Date(times[index] ?? closed),
      ]);
    }
    await writeAudit(tx, { actorId: open.author_id, action: 'private.open', targetType: 'private', targetId: conversation.id, reason: null, before: null, after: { threadId: thread.id, status: 'open' }, createdAt: new Date(opened) });
    await writeAudit(tx, { actorId: close.author_id, action: 'private.close', targetType: 'private', targetId: conversation.id, reason: close.body_md, before: { status: 'open' }, after: { status: 'closed' }, createdAt: new Date(closed) });
  }
}

export async function seedModeration(tx: Queryable, communityId: number, now: Date): Promise<void> {
  const { moderator } = await staffIds(tx, communityId);
  await seedPrivate(tx, communityId);
  await seedLifecycle(tx, communityId, moderator, now);
  await seedFlags(tx, communityId, now);
  await seedGrant(tx, communityId, moderator, now);
}
