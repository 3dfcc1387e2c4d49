/**
 * The advisor queue, expert suggestions and collective-problem alerts: reads for advisors.
 * SQL narrows and orders (indexes threads_awaiting_advisor, threads_recent); the holdback
 * and detection rules come from core so the queue and thread pages always agree.
 */
import type { AdvisorQueue, AlertList, ExpertList, QueueGroupPage, QueueItem } from '../../contract/areas/advisor.ts';
import { ApiError, guardian, type Actor, computeHoldback, detectCollectiveProblems, QUEUE_GROUPS, type QueueGroup, type Signal } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { getAdvisorPlan } from './workspace.ts';
import { toAuthor } from '../repo/members.ts';
import { fromBase64Url, toBase64Url } from '../repo/base64url.ts';
import { advisorQueueCounts, advisorQueueRows, expertRows, findThreadAsker, flaggedPostCount, flaggedPostRows, signalRows, type QueueRow } from '../repo/queue.ts';

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

/** A page of posts with open flags, heaviest first. */
async function flaggedPosts(db: Queryable, communityId: number, categoryIds: number[] | null, page: { limit: number; offset: number }, now: Date): Promise<QueueItem[]> {
  const rows = await flaggedPostRows(db, communityId, categoryIds, page);
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

/** Each thread group's urgency in the SQL (flags are their own query). */
const URGENCY: Record<Exclude<QueueGroup, 'flagged-post'>, number> = { 'advisor-now': 0, 'advisor-due': 1, 'awaiting-confirmation': 2 };

/** Offset cursors: the queue is ordered by waits that change every minute, so it has no stable key. */
const encodeQueueCursor = (group: QueueGroup, offset: number) => toBase64Url(`q:${group}:${offset}`);
function decodeQueueCursor(cursor: string, group: QueueGroup): number {
  const match = /^q:([a-z-]+):(\d{1,7})$/.exec(fromBase64Url(cursor));
  if (match?.[1] !== group || match[2] === undefined) {
    throw new ApiError('validation_failed', 'The cursor is not one this server gave out for this group.', [{ in: 'querystring', path: '/cursor', message: 'unknown cursor' }]);
  }
  return Number(match[2]);
}

/** The categories asked: one, those of the advisor's plan right now, both (their intersection), or all (null). */
async function queueCategories(ctx: ServiceContext, actor: Actor, query: { categoryId?: number; planned?: boolean }, now: Date): Promise<number[] | null> {
  if (!query.planned) return query.categoryId === undefined ? null : [query.categoryId];
  const { categoryIdsNow } = await getAdvisorPlan(ctx, { actor, now });
  return query.categoryId === undefined ? categoryIdsNow : categoryIdsNow.filter((id) => id === query.categoryId);
}

/**
 * The queue by urgency group: each group's count and first page, or with `group` (and `cursor`)
 * one group's next page. Every group is counted, so "all categories" never hides the flags;
 * `planned` narrows to the categories the advisor's weekly plan assigns now, on the server, so
 * that counts and pages are those of the advisor's categories.
 */
export async function advisorQueue(
  ctx: ServiceContext,
  { actor, query, now = new Date() }: { actor: Actor; query: { categoryId?: number; planned?: boolean; group?: QueueGroup; cursor?: string; limit: number }; now?: Date },
): Promise<AdvisorQueue> {
  const { db, community } = ctx;
  guardian(actor).staff.ensureSeeAdvisorQueue();
  if (query.cursor !== undefined && query.group === undefined) {
    throw new ApiError('validation_failed', 'A cursor pages one group: give its group too.', [{ in: 'querystring', path: '/group', message: 'required with cursor' }]);
  }
  const categoryIds = await queueCategories(ctx, actor, query, now);
  const offset = query.cursor === undefined || query.group === undefined ? 0 : decodeQueueCursor(query.cursor, query.group);
  const counts = await advisorQueueCounts(db, community, { categoryIds, now });
  const flagged = await flaggedPostCount(db, community.id, categoryIds);
  const items: QueueItem[] = [];
  const groups: QueueGroupPage[] = [];
  for (const kind of QUEUE_GROUPS) {
    if (query.group !== undefined && query.group !== kind) continue;
    const page = { limit: query.limit, offset };
    const found = kind === 'flagged-post'
      ? await flaggedPosts(db, community.id, categoryIds, page, now)
      : (await advisorQueueRows(db, community, { categoryIds, now, urgency: URGENCY[kind], ...page })).map((row) => toQueueItem(row, now));
    const total = kind === 'flagged-post' ? flagged : counts.get(URGENCY[kind]) ?? 0;
    items.push(...found);
    groups.push({ kind, total, nextCursor: offset + found.length < total && found.length > 0 ? encodeQueueCursor(kind, offset + found.length) : null });
  }
  return { generatedAt: now.toISOString(), items, groups };
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
