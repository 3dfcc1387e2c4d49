/**
 * msw handlers for every route of `src/contract/routes.ts`, over a `MockStore`. Requests are
 * checked the way the server checks them (bearer token, query and body shapes) and refusals
 * carry the contract's `{ error: { code, message, details } }` body.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { LiveEvent } from '../contract/models.ts';
import { isSignedIn, LIMITS, type Actor, type LiveFilter } from '../core/index.ts';
import { actorOf, localeParam, oneOf, param, positiveInt, query, readBody, requireMember, routeFactory, type HandlerOptions } from './http.ts';
import { MockApiError, type MockStore } from './store.ts';
import { knowledgeHandlers } from './areas/knowledge.ts';
import { composerHandlers } from './areas/composer.ts';
import { moderationHandlers } from './areas/moderation.ts';
import { privateHandlers } from './areas/private.ts';
import { advisorHandlers } from './areas/advisor.ts';
import { interactionsHandlers } from './areas/interactions.ts';
import { workspaceHandlers } from './areas/workspace.ts';
import { workspaceConsoleHandlers } from './areas/workspace-console.ts';
import { notificationsHandlers } from './areas/notifications.ts';
import { reviewHandlers } from './areas/review.ts';
import { reviewDraftsHandlers } from './areas/review-drafts.ts';
import { reviewQualityHandlers } from './areas/review-quality.ts';

export type { Failure, HandlerOptions } from './http.ts';

function postLimit(value: string | null): number {
  const limit = positiveInt(value, 'limit', LIMITS.postPageDefault);
  if (limit > LIMITS.postPageMax) throw new MockApiError(400, 'validation_failed', `limit must be at most ${LIMITS.postPageMax}.`, [{ path: '/limit', message: 'too large' }]);
  return limit;
}

export function createHandlers(store: MockStore, options: HandlerOptions): HttpHandler[] {
  const route = routeFactory(options);

  return [
    ...knowledgeHandlers({ store, route }),
    ...composerHandlers({ store, route }),
    ...moderationHandlers({ store, route }),
    ...privateHandlers({ store, route }),
    ...advisorHandlers({ store, route }),
    ...interactionsHandlers({ store, route }),
    ...workspaceHandlers({ store, route }),
    ...workspaceConsoleHandlers({ store, route }),
    ...notificationsHandlers({ store, route }),
    ...reviewHandlers({ store, route }),
    ...reviewDraftsHandlers({ store, route }),
    ...reviewQualityHandlers({ store, route }),
    route('health', () => HttpResponse.json({ ok: true })),
    route('getCommunity', ({ request }) => HttpResponse.json(store.community(localeParam(query(request).get('locale'))))),
    route('listThreads', ({ request }) => {
      const q = query(request);
      const limit = positiveInt(q.get('limit'), 'limit', LIMITS.pageSizeDefault);
      if (limit > LIMITS.pageSizeMax) throw new MockApiError(400, 'validation_failed', `limit must be at most ${LIMITS.pageSizeMax}.`, [{ path: '/limit', message: 'too large' }]);
      const filter = oneOf(q.get('filter'), ['all', 'unanswered', 'solved', 'mine'] as const, 'filter', 'all');
      const sort = oneOf(q.get('sort'), ['activity', 'newest'] as const, 'sort', 'activity');
      const actor = actorOf(store, request);
      return HttpResponse.json(store.listThreads({ categoryId: positiveInt(q.get('categoryId'), 'categoryId'), cursor: q.get('cursor'), limit, filter, sort }, actor));
    }),
    route('getThread', ({ request, params }) =>
      HttpResponse.json(store.getThread(positiveInt(param(params.threadId), 'threadId'), postLimit(query(request).get('limit'))))),
    route('listThreadPosts', ({ request, params }) => {
      const q = query(request);
      const cursor = q.get('cursor');
      if (!cursor) throw new MockApiError(400, 'validation_failed', 'cursor is required.', [{ path: '/cursor', message: 'is required' }]);
      return HttpResponse.json(store.postPage(positiveInt(param(params.threadId), 'threadId'), { cursor, limit: postLimit(q.get('limit')) }));
    }),
    route('createThread', async ({ request }) => {
      const actor = requireMember(store, request);
      const body = await readBody(request, { categoryId: 'number', title: 'string', body: 'string', locale: 'string', needsAccount: 'boolean' }, ['categoryId', 'title', 'body']);
      const input = { categoryId: positiveInt(String(body.categoryId), 'categoryId'), title: String(body.title), body: String(body.body), locale: localeParam((body.locale as string | undefined) ?? null), needsAccount: body.needsAccount === true };
      return HttpResponse.json(store.createThread(actor, input), { status: 201 });
    }),
    route('replyToThread', async ({ request, params }) => {
      const actor = requireMember(store, request);
      const threadId = positiveInt(param(params.threadId), 'threadId');
      const body = await readBody(request, { body: 'string' }, ['body']);
      return HttpResponse.json(store.reply(actor, threadId, { body: String(body.body) }), { status: 201 });
    }),
    route('getMember', ({ params }) => HttpResponse.json(store.profile(positiveInt(param(params.memberId), 'memberId')))),
    ...[true, false].map((give) =>
      route(give ? 'giveKudos' : 'takeBackKudos', ({ request, params }) =>
        HttpResponse.json(store.giveKudos(requireMember(store, request), positiveInt(param(params.postId), 'postId'), give)))),
    ...[true, false].map((mark) =>
      route(mark ? 'markSameProblem' : 'unmarkSameProblem', ({ request, params }) =>
        HttpResponse.json(store.markSameProblem(requireMember(store, request), positiveInt(param(params.threadId), 'threadId'), mark)))),
    route('acceptSolution', async ({ request, params }) => {
      const actor = requireMember(store, request);
      const { postId } = await readBody(request, { postId: 'number' }, ['postId']);
      return HttpResponse.json(store.acceptSolution(actor, positiveInt(param(params.threadId), 'threadId'), positiveInt(String(postId), 'postId')));
    }),
    route('withdrawSolution', ({ request, params }) =>
      HttpResponse.json(store.acceptSolution(requireMember(store, request), positiveInt(param(params.threadId), 'threadId'), null))),
    route('getSession', ({ request }) => {
      const actor = actorOf(store, request);
      return HttpResponse.json({ member: isSignedIn(actor) ? store.author(actor.memberId) : null });
    }),
    route('listDemoMembers', () => {
      if (!store.community().demo) throw new MockApiError(404, 'not_found', 'Demo sign-in is off.');
      return HttpResponse.json({ items: store.members() });
    }),
    route('demoSignIn', async ({ request }) => {
      if (!store.community().demo) throw new MockApiError(404, 'not_found', 'Demo sign-in is off.');
      const { memberId } = await readBody(request, { memberId: 'number' }, ['memberId']);
      const member = store.author(positiveInt(String(memberId), 'memberId'));
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      return HttpResponse.json({ token: store.tokenFor(member.id), expiresAt, member });
    }),
    route('events', ({ request }) => {
      const q = query(request);
      const filter = {
        threadId: q.has('threadId') ? positiveInt(q.get('threadId'), 'threadId') : undefined,
        categoryId: q.has('categoryId') ? positiveInt(q.get('categoryId'), 'categoryId') : undefined,
      };
      const lastEventId = /^\d+$/.test(request.headers.get('last-event-id') ?? '') ? Number(request.headers.get('last-event-id')) : undefined;
      return eventStream(store, { filter, actor: actorOf(store, request) }, request.signal, lastEventId);
    }),
  ];
}

/** A text/event-stream that forwards the store's live events until the client goes away. */
function eventStream(store: MockStore, reader: { filter: LiveFilter; actor: Actor }, signal: AbortSignal, lastEventId?: number): Response {
  const encoder = new TextEncoder();
  const frame = (id: number, event: LiveEvent) => encoder.encode(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A first line makes the response start at once; the same reconnect delay as the server's.
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      // Resuming: replay what was missed, or tell the client to refetch (src/server/live.ts).
      // Each frame shows what this reader may see now, as the server's do.
      const missed = lastEventId === undefined ? [] : store.eventsSince(lastEventId, reader.filter, reader.actor);
      if (missed === 'reset') controller.enqueue(encoder.encode('event: reset\ndata: {}\n\n'));
      else for (const logged of missed) controller.enqueue(frame(logged.id, logged.event));
      const unsubscribe = store.subscribe(reader.filter, (event: LiveEvent, id: number) => controller.enqueue(frame(id, event)), reader.actor);
      stop = () => {
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      };
      signal.addEventListener('abort', stop, { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } });
}
