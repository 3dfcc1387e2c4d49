/**
 * Mocks of the interactions routes the base handlers leave out: advisor confirmations that
 * cite and credit community replies (study §32–33), the community's advisor signature, and
 * post edits and deletions. Same rules (src/core/interactions.ts), checks and codes as
 * src/domain/services/interactions.ts; reads show the results through the store's extensions.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { Confirmation, Post } from '../../contract/models.ts';
import type { DeletePost, EditPost, NewConfirmation, Signature } from '../../contract/areas/interactions.ts';
import { confirmationProblems, creditedMembers, deletionProblem, guardian, LIMITS, needsEditReason, statusAfterDeletion, type Actor, type CandidatePost } from '../../core/index.ts';
import { param, positiveInt, readBody, requireMember, type MockContext } from '../http.ts';
import { renderBody } from '../render.ts';
import { MockApiError, type MockStore, type StoredPost } from '../store.ts';
import { refuseMerged } from '../store-error.ts';
import { FAQ_FIXTURES } from './knowledge-fixtures.ts';
import { moderationState, optionalBody } from './moderation.ts';

type Member = Extract<Actor, { memberId: number }>;

const SIGNATURE_MAX = 1000;
const REASON_MAX = 1000;
const ID_LISTS = { citedPostIds: [1, 20], faqArticleIds: [0, 10], assistedByIds: [0, 10] } as const;

const invalid = (path: string, message: string) => new MockApiError(400, 'validation_failed', `${path.slice(1)} ${message}.`, [{ in: 'body', path, message }]);

/** What an edit or a confirmation body must be, checked as the contract and the service do. */
function checkBody(value: unknown): string {
  const body = String(value);
  if (body.length < LIMITS.bodyMin) throw invalid('/body', `must be at least ${LIMITS.bodyMin} characters long`);
  if (body.length > LIMITS.bodyMax) throw invalid('/body', `must be at most ${LIMITS.bodyMax} characters long`);
  if (body.trim().length < 2) throw invalid('/body', 'needs at least 2 characters that are not spaces');
  return body.trim();
}

function idList(value: unknown, field: keyof typeof ID_LISTS): number[] {
  const [min, max] = ID_LISTS[field];
  const list = (value ?? []) as unknown[];
  if (list.length < min || list.length > max) throw invalid(`/${field}`, `must hold ${min} to ${max} ids`);
  if (!list.every((id) => Number.isSafeInteger(id) && (id as number) >= 1)) throw invalid(`/${field}`, 'must hold positive integers');
  return [...new Set(list as number[])];
}

/** The confirmations and the signature of one mocked community. */
export class InteractionsState {
  readonly #store: MockStore;
  readonly #confirmations = new Map<number, { citedPostIds: number[]; faqArticleIds: number[]; assistedByIds: number[] }>();
  #signature = '';

  constructor(store: MockStore) {
    this.#store = store;
    // The fixtures' advisor replies that confirm community answers (thread 1: Léa confirms Pix37).
    for (const post of store.storedPosts()) {
      if (post.confirms?.length) this.#confirmations.set(post.id, { citedPostIds: [...post.confirms], faqArticleIds: [], assistedByIds: [] });
    }
    store.extend({
      post: (post) => this.#decorate(post),
      credits: (memberId) => this.#credits(memberId),
      community: () => ({ advisorSignature: this.#signature }),
    });
  }

  confirm(member: Member, threadId: number, input: NewConfirmation): Post {
    if (!guardian(member).threads.canConfirm()) throw new MockApiError(403, 'forbidden', 'Only advisors confirm community answers.');
    const body = checkBody(input.body);
    const thread = this.#store.threadRecord(threadId);
    refuseMerged(thread);
    if (!guardian(member).threads.canConfirm({ authorId: this.#askerOf(threadId), status: thread.status }) || !guardian(member).threads.canReply(thread)) {
      throw new MockApiError(403, 'forbidden', `This thread is ${thread.status}: it takes no new replies.`);
    }
    const checked = this.#checkConfirmation(member, threadId, input);
    const { id } = this.#store.addPost(threadId, member.memberId, body, 'reply');
    this.#confirmations.set(id, checked);
    if (thread.status === 'open' && this.#askerOf(threadId) !== member.memberId) thread.status = 'answered';
    const post = this.#store.postView(this.#store.storedPost(id));
    this.#store.publish({ type: 'post-created', threadId, categoryId: thread.categoryId, post });
    this.#store.publish({ type: 'thread-updated', threadId, categoryId: thread.categoryId, thread: this.#store.summary(threadId) });
    return post;
  }

  setSignature(member: Member, text: string): Signature {
    if (!guardian(member).staff.canEditSignature()) throw new MockApiError(403, 'forbidden', 'Only advisors and moderators edit the advisor signature.');
    if (text.length > SIGNATURE_MAX) throw invalid('/text', `must be at most ${SIGNATURE_MAX} characters long`);
    const before = { advisorSignature: this.#signature };
    this.#signature = text.trim();
    moderationState(this.#store).audit({
      actorId: member.memberId, action: 'community.signature', targetType: 'community', targetId: 1, before, after: { advisorSignature: this.#signature },
    });
    return { advisorSignature: this.#signature, signatureHtml: this.#signatureHtml() };
  }

  edit(member: Member, postId: number, input: EditPost): Post {
    const body = checkBody(input.body);
    if (input.reason !== undefined && (input.reason.length < 1 || input.reason.length > REASON_MAX)) throw invalid('/reason', `must be 1 to ${REASON_MAX} characters long`);
    const post = this.#store.storedPost(postId);
    const thread = this.#store.threadRecord(post.threadId);
    if (!guardian(member).posts.canEditPost({ authorId: post.authorId, hidden: post.hidden ?? false }, { authorId: this.#askerOf(post.threadId), status: thread.status })) {
      const why = member.memberId !== post.authorId ? 'Only its author or a moderator may edit this post.' : post.hidden ? 'This post is hidden by moderation.' : `This thread is ${thread.status}: its posts can no longer be edited.`;
      throw new MockApiError(403, 'forbidden', why);
    }
    if (post.deleted) throw new MockApiError(409, 'conflict', 'This post is deleted: it can no longer be edited.');
    const reason = input.reason?.trim();
    if (needsEditReason(member, post) && !reason) throw new MockApiError(400, 'validation_failed', "Say why you edit someone else's post.", [{ in: 'body', path: '/reason', message: 'is required' }]);
    const before = { body: post.body };
    Object.assign(post, { body, bodyHtml: renderBody(body), editedAt: this.#store.now().toISOString() });
    if (member.memberId !== post.authorId) {
      moderationState(this.#store).audit({ actorId: member.memberId, action: 'post.edit', targetType: 'post', targetId: postId, reason, before, after: { body } });
    }
    const view = this.#store.postView(post);
    // As the server: a hidden post stays out of the public stream, whoever edits it.
    if (!post.hidden) this.#store.publish({ type: 'post-updated', threadId: post.threadId, categoryId: thread.categoryId, post: view });
    return view;
  }

  /** The smallest mock of the server's deletion (src/domain/services/deletion.ts): same rule, problems and codes. */
  delete(member: Member, postId: number, input: DeletePost): Post {
    if (input.reason !== undefined && (input.reason.length < 1 || input.reason.length > REASON_MAX)) throw invalid('/reason', `must be 1 to ${REASON_MAX} characters long`);
    const post = this.#store.storedPost(postId);
    const thread = this.#store.threadRecord(post.threadId);
    if (!guardian(member).posts.canDeletePost({ authorId: post.authorId, hidden: post.hidden ?? false }, { authorId: this.#askerOf(post.threadId), status: thread.status })) {
      const why = member.memberId !== post.authorId ? 'Only its author or a moderator may delete this post.' : post.hidden ? 'This post is hidden by moderation.' : `This thread is ${thread.status}: its posts can no longer be deleted.`;
      throw new MockApiError(403, 'forbidden', why);
    }
    const problem = deletionProblem(post);
    if (problem) throw new MockApiError(409, 'conflict', problem);
    const reason = input.reason?.trim();
    if (needsEditReason(member, post) && !reason) throw new MockApiError(400, 'validation_failed', "Say why you delete someone else's post.", [{ in: 'body', path: '/reason', message: 'is required' }]);
    const before = { body: post.body };
    const by = member.memberId === post.authorId ? 'author' : 'staff';
    Object.assign(post, { body: '', bodyHtml: '', deleted: { by, at: this.#store.now().toISOString() } });
    if (this.#store.summary(post.threadId).acceptedPostId === postId) this.#store.dropSolution(post.threadId);
    const asker = this.#askerOf(post.threadId);
    const answersLeft = this.#store.postsOf(post.threadId).filter((p) => p.kind === 'reply' && !p.deleted && p.authorId !== asker).length;
    thread.status = statusAfterDeletion({ status: thread.status, answersLeft }, post.authorId === asker) ?? thread.status;
    moderationState(this.#store).audit({ actorId: member.memberId, action: 'post.delete', targetType: 'post', targetId: postId, reason, before, after: { body: '', deletedBy: by } });
    const view = this.#store.postView(post);
    if (!post.hidden) this.#store.publish({ type: 'post-updated', threadId: post.threadId, categoryId: thread.categoryId, post: view });
    this.#store.publish({ type: 'thread-updated', threadId: post.threadId, categoryId: thread.categoryId, thread: this.#store.summary(post.threadId) });
    return view;
  }

  #askerOf(threadId: number): number {
    return this.#store.postsOf(threadId)[0]?.authorId ?? 0;
  }

  #candidate(postId: number): CandidatePost | undefined {
    const post = this.#store.storedPosts().find((p) => p.id === postId);
    if (!post) return undefined;
    return { id: post.id, threadId: post.threadId, kind: post.kind, authorId: post.authorId, authorRole: this.#store.memberRecord(post.authorId).role, hidden: post.hidden ?? false };
  }

  #checkConfirmation(member: Member, threadId: number, input: NewConfirmation) {
    const citedPostIds = idList(input.citedPostIds, 'citedPostIds');
    const faqArticleIds = idList(input.faqArticleIds, 'faqArticleIds');
    const assistedByIds = idList(input.assistedByIds, 'assistedByIds');
    const citedPosts = citedPostIds.map((id) => this.#candidate(id)).filter((post) => post !== undefined);
    const members = this.#store.members();
    const assistants = members.filter((m) => assistedByIds.includes(m.id)).map((m) => ({ id: m.id, role: m.role }));
    const knownFaqArticleIds = faqArticleIds.filter((id) => FAQ_FIXTURES.some((article) => article.id === id));
    const problems = confirmationProblems({ threadId, advisorId: member.memberId, citedPostIds, citedPosts, assistedByIds, assistants, faqArticleIds, knownFaqArticleIds });
    if (problems.length) {
      throw new MockApiError(400, 'validation_failed', `Invalid confirmation: ${problems.map((p) => p.message).join('; ')}.`, problems.map((p) => ({ in: 'body', ...p })));
    }
    return { citedPostIds, faqArticleIds, assistedByIds };
  }

  #signatureHtml(): string {
    return this.#signature ? renderBody(this.#signature) : '';
  }

  /** Advisor posts carry the signature and, on confirmations, what they cite, link and credit. */
  #decorate(post: StoredPost): Partial<Post> {
    if (this.#store.memberRecord(post.authorId).role !== 'advisor') return {};
    const signatureHtml = this.#signatureHtml();
    const confirmation = this.#confirmation(post.id);
    return { ...(signatureHtml ? { signatureHtml } : {}), ...(confirmation ? { confirmation } : {}) };
  }

  #confirmation(postId: number): Confirmation | undefined {
    const stored = this.#confirmations.get(postId);
    if (!stored) return undefined;
    const pseudonymOf = (memberId: number) => ({ id: memberId, pseudonym: this.#store.memberRecord(memberId).pseudonym });
    const cited = [...stored.citedPostIds].sort((a, b) => a - b).map((citedId) => ({ postId: citedId, author: pseudonymOf(this.#store.storedPost(citedId).authorId) }));
    const faqLinks = FAQ_FIXTURES.filter((article) => stored.faqArticleIds.includes(article.id)).map(({ id, slug, title }) => ({ id, slug, title }));
    const assistedBy = [...stored.assistedByIds].sort((a, b) => a - b).map(pseudonymOf);
    return { cited, faqLinks, assistedBy };
  }

  /** Each cited author once per confirmation; each colleague once per confirmation they assisted. */
  #credits(memberId: number): { confirmedAnswers: number; assists: number } {
    let confirmedAnswers = 0;
    let assists = 0;
    for (const { citedPostIds, assistedByIds } of this.#confirmations.values()) {
      const cited = citedPostIds.map((id) => this.#candidate(id)).filter((post) => post !== undefined);
      if (creditedMembers(cited, citedPostIds).includes(memberId)) confirmedAnswers += 1;
      if (assistedByIds.includes(memberId)) assists += 1;
    }
    return { confirmedAnswers, assists };
  }
}

const states = new WeakMap<MockStore, InteractionsState>();

/** The interactions state of one mock store, created (and hooked into its reads) on first use. */
export function interactionsState(store: MockStore): InteractionsState {
  let state = states.get(store);
  if (!state) states.set(store, (state = new InteractionsState(store)));
  return state;
}

export function interactionsHandlers({ store, route }: MockContext): HttpHandler[] {
  const state = interactionsState(store);
  return [
    route('confirmAnswers', async ({ request, params }) => {
      const member = requireMember(store, request);
      const body = await readBody(request, { body: 'string', citedPostIds: 'array', faqArticleIds: 'array', assistedByIds: 'array' }, ['body', 'citedPostIds']);
      const post = state.confirm(member, positiveInt(param(params.threadId), 'threadId'), body as unknown as NewConfirmation);
      return HttpResponse.json(post, { status: 201 });
    }),
    route('updateSignature', async ({ request }) => {
      const member = requireMember(store, request);
      const { text } = await readBody(request, { text: 'string' }, ['text']);
      return HttpResponse.json(state.setSignature(member, String(text)));
    }),
    route('editPost', async ({ request, params }) => {
      const member = requireMember(store, request);
      const body = await readBody(request, { body: 'string', reason: 'string' }, ['body']);
      return HttpResponse.json(state.edit(member, positiveInt(param(params.postId), 'postId'), body as unknown as EditPost));
    }),
    route('deletePost', async ({ request, params }) => {
      const member = requireMember(store, request);
      const body = await optionalBody(request, { reason: 'string' });
      return HttpResponse.json(state.delete(member, positiveInt(param(params.postId), 'postId'), body as unknown as DeletePost));
    }),
  ];
}
