/**
 * The advisor queue, expert suggestions and collective-problem alerts: reads for advisors.
 * SQL narrows and orders (indexes threads_awaiting_advisor, threads_recent); the holdback
 * and detection rules come from core so the queue and thread pages always agree.
 */
import type { AdvisorQueue, AlertList, ExpertList, QueueItem } from '../../contract/areas/advisor.ts';
import { guardian, type Actor, computeHoldback, detectCollectiveProblems, type Signal } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { toAuthor } from '../repo/members.ts';
import { advisorQueueRows, expertRows, findThreadAsker, flaggedPostRows, signalRows, type QueueRow } from '../repo/queue.ts';

function toQueueItem(row: QueueRow, now: Date): QueueItem {
  const holdback = computeHoldback({
    createdAt: new Date(row.created_at), holdbackMinutes: row.holdback_minutes, needsAccount: row.needs_account,
    advisorFlagged: row.advisor_now_at !== null, hasAcceptedOrConfirmedAnswer: false, now,
  });
  const kind = row.urgency === 0 ? 'advisor-now' : row.urgency === 1 ? 'advisor-due' : 'awaiting-confirmation';
  return {
    kind,
    holdback: holdback.state,
    thread: {
      id: row.id, categoryId: row.category_id, title: row.title, status: row.status, needsAccount: row.needs_account,
      replyCount: row.reply_count, createdAt: new Date(row.created_at).toISOString(),
    },
    postId: null,
    flagWeight: null,
    hasCommunityAnswer: row.community_answer,
    dueAt: holdback.dueAt.toISOString(),
    msLeft: holdback.state === 'community-time' ? holdback.msLeft : null,
    msOverdue: holdback.state === 'advisor-due' || holdback.state === 'advisor-now' ? holdback.msOverdue : null,
  };
}

/** Posts with open flags, heaviest first. */
async function flaggedPosts(db: Queryable, communityId: number, categoryId: number | null, limit: number, now: Date): Promise<QueueItem[]> {
  const rows = await flaggedPostRows(db, communityId, categoryId, limit);
  return rows.map((row) => ({
    kind: 'flagged-post' as const,
    holdback: 'advisor-now' as const,
    thread: {
      id: row.id, categoryId: row.category_id, title: row.title, status: row.status, needsAccount: row.needs_account,
      replyCount: row.reply_count, createdAt: new Date(row.created_at).toISOString(),
    },
    postId: row.post_id,
    flagWeight: row.weight,
    hasCommunityAnswer: false,
    dueAt: new Date(row.first_at).toISOString(),
    msLeft: null,
    msOverdue: Math.max(0, now.getTime() - new Date(row.first_at).getTime()),
  }));
}

export async function advisorQueue(
  { db, community }: ServiceContext, { actor, query, now = new Date() }: { actor: Actor; query: { categoryId?: number; limit: number }; now?: Date },
): Promise<AdvisorQueue> {
  guardian(actor).staff.ensureSeeAdvisorQueue();
  const categoryId = query.categoryId ?? null;
  const rows = await advisorQueueRows(db, community, { categoryId, now, limit: query.limit });
  const items = rows.map((row) => toQueueItem(row, now));
  // Flags come last and share the cap: the queue stays one bounded page.
  if (items.length < query.limit) items.push(...(await flaggedPosts(db, community.id, categoryId, query.limit - items.length, now)));
  return { generatedAt: now.toISOString(), items };
}

/**
 * Members whose answers were accepted, or cited by an advisor confirmation, in the thread's
 * category, and who posted within `days`: an advisor can leave the question to them.
 */
export async function suggestExperts(
  { db, community }: ServiceContext, { actor, query, now = new Date() }: { actor: Actor; query: { threadId: number; days: number; limit: number }; now?: Date },
): Promise<ExpertList> {
  guardian(actor).staff.ensureTriageThreads('Only staff may see expert suggestions.');
  const thread = await findThreadAsker(db, community, query.threadId);
  if (!thread) throw notFound(`Thread ${query.threadId}`);
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const rows = await expertRows(db, thread, { since, limit: query.limit });
  return {
    categoryId: thread.category_id,
    items: rows.map((row) => ({
      member: toAuthor(row.author, community.ladder, now), acceptedCount: row.accepted, confirmedCount: row.confirmed,
      lastPostAt: new Date(row.last_post_at).toISOString(),
    })),
  };
}

/** Alerts computed on demand from the window's new threads and same-problem marks. */
export async function collectiveAlerts(
  { db, community }: ServiceContext, { actor, query, now = new Date() }: { actor: Actor; query: { threshold: number; windowMinutes: number }; now?: Date },
): Promise<AlertList> {
  guardian(actor).staff.ensureTriageThreads('Only staff may see collective-problem alerts.');
  const windowMs = query.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const rows = await signalRows(db, community, since, now);
  const signals: Signal[] = rows.map((row) => ({ kind: row.kind, threadId: row.thread_id, categoryId: row.category_id, region: row.region, title: row.title, at: new Date(row.at) }));
  const alerts = detectCollectiveProblems(signals, { now, threshold: query.threshold, windowMs });
  return {
    generatedAt: now.toISOString(),
    threshold: query.threshold,
    windowMinutes: query.windowMinutes,
    items: alerts.map((alert) => ({ ...alert, firstAt: alert.firstAt.toISOString(), lastAt: alert.lastAt.toISOString() })),
  };
}
