/**
 * Mocks of the "review" area (src/contract/areas/review.ts). Only back-office hand-offs so far,
 * copied from the server's `services/handoffs.ts`, answering as when the brand's webhook is
 * configured and opens the case at once: the reference is a fake `BO-…` one. The public trace
 * goes on the thread (live) and the audit entry to the shared log of ./moderation.ts.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { Handoff, HandoffList, HandoffWithTrace } from '../../contract/areas/review.ts';
import { guardian, type Actor } from '../../core/index.ts';
import { HANDOFF_TRACE_TEXTS } from '../../core/review.ts';
import { param, positiveInt, readBody, requireMember, type MockContext } from '../http.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { refuseMerged } from '../store-error.ts';
import { moderationState, notFound, text } from './moderation.ts';

type Member = Extract<Actor, { memberId: number }>;

const REASON_MAX = 1000;

/** Back-office cases of one mocked community. */
export class HandoffState {
  readonly #store: MockStore;
  readonly #handoffs: Handoff[] = [];

  constructor(store: MockStore) {
    this.#store = store;
  }

  create(member: Member, threadId: number, input: string): HandoffWithTrace {
    if (!guardian(member).review.canHandOff()) throw new MockApiError(403, 'forbidden', 'Only advisors hand a case to the back office.');
    const reason = input.trim();
    if (reason.length < 2) throw new MockApiError(400, 'validation_failed', 'reason needs at least 2 characters that are not spaces.', [{ in: 'body', path: '/reason', message: 'too short' }]);
    const thread = this.#thread(threadId);
    refuseMerged(thread);
    const { status } = this.#store.summary(threadId);
    if (!guardian(member).threads.canReply({ status })) throw new MockApiError(409, 'conflict', `This thread is ${status}: no trace can be left on it.`);
    const trace = this.#store.addPost(threadId, member.memberId, HANDOFF_TRACE_TEXTS[thread.locale], 'trace');
    this.#store.publish({ type: 'post-created', threadId, categoryId: thread.categoryId, post: trace });
    const id = this.#handoffs.length + 1;
    const reference = `BO-${String(4200 + id).padStart(6, '0')}`;
    const { pseudonym } = this.#store.author(member.memberId);
    const handoff: Handoff = { id, threadId, reference, reason, advisor: { id: member.memberId, pseudonym }, tracePostId: trace.id, createdAt: this.#store.now().toISOString() };
    this.#handoffs.push(handoff);
    moderationState(this.#store).audit({ actorId: member.memberId, action: 'thread.handoff', targetType: 'thread', targetId: threadId, reason, before: null, after: { reference } });
    return { handoff, trace };
  }

  list(member: Member, threadId: number): HandoffList {
    if (!guardian(member).review.canSeeHandoffs()) throw new MockApiError(403, 'forbidden', 'Only staff see back-office cases.');
    this.#thread(threadId);
    return { items: this.#handoffs.filter((h) => h.threadId === threadId) };
  }

  #thread(threadId: number) {
    const thread = this.#store.threadRecords().find((t) => t.id === threadId);
    if (!thread) throw notFound(`Thread ${threadId}`);
    return thread;
  }
}

export function reviewHandlers({ store, route }: MockContext): HttpHandler[] {
  const handoffs = new HandoffState(store);
  const threadIdOf = (params: Record<string, unknown>) => positiveInt(param(params.threadId as string | undefined), 'threadId');
  return [
    route('createHandoff', async ({ request, params }) => {
      const threadId = threadIdOf(params);
      const reason = text(await readBody(request, { reason: 'string' }, ['reason']), 'reason', 2, REASON_MAX)!;
      return HttpResponse.json(handoffs.create(requireMember(store, request), threadId, reason), { status: 201 });
    }),
    route('listHandoffs', ({ request, params }) =>
      HttpResponse.json(handoffs.list(requireMember(store, request), threadIdOf(params)))),
  ];
}
