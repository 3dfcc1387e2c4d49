/**
 * Mocks of private conversations (study §17–18), copied from the server's `services/private.ts`:
 * they start only from a public thread, between its asker and the advisors, and leave public
 * `trace` posts on that thread when they open and close. Anyone else gets 404, as if the
 * conversation did not exist. Audit entries go to the shared log of ./moderation.ts.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { PrivateConversation, PrivateDetail, PrivateList, PrivateMessage, PrivateWithTrace } from '../../contract/areas/moderation.ts';
import type { Post } from '../../contract/models.ts';
import { isAdvisor, guardian, LIMITS, TRACE_TEXTS, type Actor } from '../../core/index.ts';
import { param, positiveInt, query, readBody, requireMember, type MockContext } from '../http.ts';
import { renderBody } from '../render.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { refuseMerged } from '../store-error.ts';
import { allowedValue, moderationState, notFound, optionalBody, text, type ModerationState } from './moderation.ts';

type Member = Extract<Actor, { memberId: number }>;

const OUTCOME_MAX = 1000;

interface ConversationRecord {
  id: number;
  threadId: number;
  askerId: number;
  openedBy: number;
  status: 'open' | 'closed';
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
}

interface MessageRecord {
  id: number;
  conversationId: number;
  authorId: number;
  bodyHtml: string;
  createdAt: string;
}

function tooShort(field: string): MockApiError {
  return new MockApiError(400, 'validation_failed', `${field} needs at least 2 characters that are not spaces.`, [{ path: `/${field}`, message: 'too short' }]);
}

export class PrivateState {
  readonly #store: MockStore;
  readonly #moderation: ModerationState;
  readonly #conversations: ConversationRecord[] = [];
  readonly #messages: MessageRecord[] = [];

  constructor(store: MockStore) {
    this.#store = store;
    this.#moderation = moderationState(store);
  }

  open(member: Member, threadId: number, message: string | undefined): PrivateWithTrace {
    const thread = this.#thread(threadId);
    const askerId = this.#store.summary(threadId).author.id;
    if (!guardian(member).private.canOpenPrivate({ authorId: askerId })) throw new MockApiError(403, 'forbidden', 'Only an advisor or the asker may open a private conversation.');
    refuseMerged(thread);
    if (thread.status === 'archived') throw new MockApiError(409, 'conflict', 'This thread is archived.');
    if (this.#conversations.some((c) => c.threadId === threadId && c.status === 'open')) throw new MockApiError(409, 'conflict', 'A private conversation is already open for this thread.');
    const conversation: ConversationRecord = {
      id: this.#conversations.length + 1, threadId, askerId, openedBy: member.memberId, status: 'open', outcome: null,
      createdAt: this.#store.now().toISOString(), closedAt: null,
    };
    this.#conversations.push(conversation);
    if (message !== undefined && message.trim()) this.#addMessage(conversation.id, member.memberId, message.trim());
    const trace = this.#writeTrace(threadId, member.memberId, isAdvisor(member.role) ? TRACE_TEXTS.open[thread.locale] : TRACE_TEXTS.requested[thread.locale]);
    this.#moderation.audit({ actorId: member.memberId, action: 'private.open', targetType: 'private', targetId: conversation.id, before: null, after: { threadId, status: 'open' } });
    return { conversation: this.#view(conversation), messages: this.#messagesOf(conversation.id), trace };
  }

  /** Advisors take part in every conversation; anyone else sees only those about their threads. */
  list(member: Member, status: 'open' | 'closed' | undefined): PrivateList {
    const items = this.#conversations
      .filter((c) => guardian(member).private.canSeePrivate(c) && (status === undefined || c.status === status))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    return { items: items.map((c) => this.#view(c)) };
  }

  get(member: Member, conversationId: number): PrivateDetail {
    const conversation = this.#visible(member, conversationId);
    return { conversation: this.#view(conversation), messages: this.#messagesOf(conversationId) };
  }

  send(member: Member, conversationId: number, body: string): PrivateMessage {
    const trimmed = body.trim();
    if (trimmed.length < 2) throw tooShort('body');
    const conversation = this.#visible(member, conversationId);
    if (!guardian(member).private.canWritePrivate(conversation)) throw new MockApiError(409, 'conflict', 'This private conversation is closed.');
    const id = this.#addMessage(conversationId, member.memberId, trimmed);
    return this.#messagesOf(conversationId).find((m) => m.id === id)!;
  }

  close(member: Member, conversationId: number, outcome: string): { conversation: PrivateConversation; trace: Post } {
    const trimmed = outcome.trim();
    if (trimmed.length < 2) throw tooShort('outcome');
    const conversation = this.#visible(member, conversationId);
    if (!guardian(member).private.canClosePrivate()) throw new MockApiError(403, 'forbidden', 'Only an advisor closes a private conversation.');
    if (conversation.status === 'closed') throw new MockApiError(409, 'conflict', 'This private conversation is already closed.');
    conversation.status = 'closed';
    conversation.outcome = trimmed;
    conversation.closedAt = this.#store.now().toISOString();
    // The outcome goes public where the thread's posts live: the thread it was merged into, if it was.
    let thread = this.#thread(conversation.threadId);
    for (let hops = 0; thread.mergedIntoId !== undefined && hops < 20; hops += 1) thread = this.#thread(thread.mergedIntoId);
    const trace = this.#writeTrace(thread.id, member.memberId, `${TRACE_TEXTS.outcome[thread.locale]}${trimmed}`);
    this.#moderation.audit({
      actorId: member.memberId, action: 'private.close', targetType: 'private', targetId: conversationId, reason: trimmed,
      before: { status: 'open' }, after: { status: 'closed', outcome: trimmed },
    });
    return { conversation: this.#view(conversation), trace };
  }

  /** The conversation if `member` may see it; 404 otherwise, the same as when it does not exist. */
  #visible(member: Member, conversationId: number): ConversationRecord {
    const conversation = this.#conversations.find((c) => c.id === conversationId);
    if (!conversation || !guardian(member).private.canSeePrivate(conversation)) throw notFound(`Private conversation ${conversationId}`);
    return conversation;
  }

  #thread(threadId: number) {
    const thread = this.#store.threadRecords().find((t) => t.id === threadId);
    if (!thread) throw notFound(`Thread ${threadId}`);
    return thread;
  }

  /** The public trace: a post of kind `trace`, counted in the thread, sent live. */
  #writeTrace(threadId: number, authorId: number, body: string): Post {
    const post = this.#store.addPost(threadId, authorId, body, 'trace');
    this.#store.publish({ type: 'post-created', threadId, categoryId: this.#thread(threadId).categoryId, post });
    return post;
  }

  #addMessage(conversationId: number, authorId: number, body: string): number {
    const id = this.#messages.length + 1;
    this.#messages.push({ id, conversationId, authorId, bodyHtml: renderBody(body), createdAt: this.#store.now().toISOString() });
    return id;
  }

  #messagesOf(conversationId: number): PrivateMessage[] {
    return this.#messages
      .filter((m) => m.conversationId === conversationId)
      .map(({ authorId, ...message }) => ({ ...message, author: this.#store.author(authorId) }));
  }

  #view(c: ConversationRecord): PrivateConversation {
    return {
      id: c.id, threadId: c.threadId, threadTitle: this.#thread(c.threadId).title, status: c.status, outcome: c.outcome,
      asker: this.#store.author(c.askerId), openedBy: this.#store.author(c.openedBy), createdAt: c.createdAt, closedAt: c.closedAt,
    };
  }
}

export function privateHandlers({ store, route }: MockContext): HttpHandler[] {
  const state = new PrivateState(store);
  const conversationIdOf = (params: Record<string, unknown>) => positiveInt(param(params.conversationId as string | undefined), 'conversationId');

  return [
    route('openPrivate', async ({ request, params }) => {
      const threadId = positiveInt(param(params.threadId), 'threadId');
      const message = text(await optionalBody(request, { message: 'string' }), 'message', LIMITS.bodyMin, LIMITS.bodyMax);
      return HttpResponse.json(state.open(requireMember(store, request), threadId, message), { status: 201 });
    }),
    route('listPrivate', ({ request }) => {
      const raw = query(request).get('status');
      const status = raw === null ? undefined : (allowedValue(raw, 'querystring', ['open', 'closed'], 'status') as 'open' | 'closed');
      return HttpResponse.json(state.list(requireMember(store, request), status));
    }),
    route('getPrivate', ({ request, params }) => {
      const conversationId = conversationIdOf(params);
      return HttpResponse.json(state.get(requireMember(store, request), conversationId));
    }),
    route('postPrivateMessage', async ({ request, params }) => {
      const conversationId = conversationIdOf(params);
      const body = text(await readBody(request, { body: 'string' }, ['body']), 'body', LIMITS.bodyMin, LIMITS.bodyMax)!;
      return HttpResponse.json(state.send(requireMember(store, request), conversationId, body), { status: 201 });
    }),
    route('closePrivate', async ({ request, params }) => {
      const conversationId = conversationIdOf(params);
      const outcome = text(await readBody(request, { outcome: 'string' }, ['outcome']), 'outcome', LIMITS.bodyMin, OUTCOME_MAX)!;
      return HttpResponse.json(state.close(requireMember(store, request), conversationId, outcome));
    }),
  ];
}
