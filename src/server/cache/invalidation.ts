/**
 * What empties the API read cache (./api-cache.ts), in every process:
 * - the live events each process hears (post, thread, kudos, moderation…), tag by tag;
 * - a successful write through this process empties it all before its answer leaves, so the
 *   writer's next read shows the write even before the event is read back — except the calls
 *   that change only their caller's own state or nothing shared (`LEAVES_SHARED_READS`): a member
 *   marks a thread read on every visit, and emptying the cache each time would defeat it;
 * - a write that no live event reports (FAQ articles, categories, ranks, the signature, a
 *   member's powers…) also tells the other processes to empty theirs, through a NOTIFY of its own.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../domain/database.ts';
import type { LiveHub } from '../../domain/live.ts';
import type { OperationName } from '../../domain/operations/index.ts';
import type { ApiCache } from './api-cache.ts';

export const CACHE_CHANNEL = 'entraide_api_cache';

/**
 * Writes whose every change to a cached read is reported by a live event carrying the thread
 * (test/server/api/api-cache-events.test.ts checks each against a second server on the same database).
 */
export const REPORTED_BY_LIVE_EVENTS: ReadonlySet<OperationName> = new Set<OperationName>([
  'createThread', 'replyToThread', 'giveKudos', 'takeBackKudos', 'acceptSolution', 'withdrawSolution',
  'markSameProblem', 'unmarkSameProblem', 'confirmAnswers', 'editPost', 'deletePost',
  'closeThread', 'reopenThread', 'archiveThread', 'moveThread', 'mergeThread', 'hidePost', 'restorePost',
]);

/**
 * Calls that change nothing a cached read shares: previews, the caller's own reading state, follows
 * and settings (added per reader by `own`, never cached), drafts, plans and webhooks.
 */
export const LEAVES_SHARED_READS: ReadonlySet<OperationName> = new Set<OperationName>([
  'previewMarkdown', 'suggestFaq', 'previewRankLadder',
  'markThreadRead', 'markNotificationRead', 'markAllNotificationsRead', 'markPrivateRead',
  'followThread', 'unfollowThread', 'followCategory', 'unfollowCategory',
  'updatePreferences', 'unsubscribeEmail', 'setMyWeeklyPlan',
  'createDraft', 'updateDraft', 'commentDraft', 'saveRubric',
  'createWebhook', 'updateWebhook', 'rotateWebhookSecret', 'deleteWebhook', 'retryWebhookDelivery',
]);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The domain operation a route runs (the API's routes registered from the contract). */
    operation?: string;
  }
}

/** Wires the cache to the live events, to this process's writes and to other processes' broadcasts. */
export async function installApiCacheInvalidation(api: FastifyInstance, { db, live, communityId, cache }: { db: Database; live: LiveHub; communityId: number; cache: ApiCache }): Promise<void> {
  const authorOf = async (postId: number) => (await db.query<{ author_id: number }>('select author_id from posts where id = $1', [postId]))[0]?.author_id;
  const stopEvents = live.onEvent(({ event }) => cache.invalidateFor(event, authorOf));
  // Listening again after a lost connection: whatever the gap's notifications emptied is unknown.
  const stopListening = await db.listen(CACHE_CHANNEL, (payload) => payload === String(communityId) && cache.clear(), () => cache.clear());
  api.addHook('onClose', async () => {
    stopEvents();
    await stopListening();
  });
  api.addHook('onSend', async (request, reply, payload) => {
    if (READS.has(request.method) || reply.statusCode >= 400) return payload;
    const operation = request.routeOptions.config.operation as OperationName | undefined;
    if (operation && LEAVES_SHARED_READS.has(operation)) return payload;
    cache.clear();
    if (!operation || !REPORTED_BY_LIVE_EVENTS.has(operation)) {
      await db.query('select pg_notify($1, $2)', [CACHE_CHANNEL, String(communityId)]).catch((error: unknown) => request.log.error({ err: error }, 'cache broadcast failed'));
    }
    return payload;
  });
}
