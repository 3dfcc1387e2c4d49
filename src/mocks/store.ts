/**
 * An in-memory community that follows the server's rules: ranks from `computeRank`, field
 * limits from `LIMITS`, permissions from `src/core`, errors with the contract's codes.
 */
import type { Author, Category, Community, CreatedThread, LiveEvent, MemberProfile, Post, PostPage, ThreadDetail, ThreadPage, ThreadSummary } from '../contract/models.ts';
import type { KudosState, SameProblemState, ThreadState } from '../contract/areas/interactions.ts';
import {
  computeRank, daysBetween, guardian, LIMITS, liveMatches, liveView, pickLocale, solutionProblem, statusAfterAccept, statusAfterUnaccept,
  type Actor, type LiveFilter, type Locale, isSignedIn,
} from '../core/index.ts';
import type { Fixtures, MemberFixture, PostFixture, ThreadFixture } from './fixtures.ts';
import { bodyText, renderBody } from './render.ts';
import { EventLog, liveStateOf, type LoggedEvent } from './event-log.ts';
import { decodeOffsetCursor, decodePostCursor, encodeOffsetCursor, encodePostCursor } from './cursors.ts';
import { checkLength, MockApiError, refuseMerged } from './store-error.ts';

export { MockApiError };

export interface StoreOptions {
  /** The clock used for new posts and for seniority; tests pin it. */
  now?: () => Date;
}

export interface StoredPost extends PostFixture {
  threadId: number;
  kind: Post['kind'];
  bodyHtml: string;
  /** Hidden by flags or a moderator: left out of thread reads, as on the server. */
  hidden?: boolean;
  /** Set by an edit (interactions mocks). */
  editedAt?: string;
  /** Set by a deletion (interactions mocks): the post reads as a tombstone, out of every count. */
  deleted?: NonNullable<Post['deleted']>;
  hiddenReason?: string | null;
  /** The thread this post was written in, once a merge moved it elsewhere. */
  movedFrom?: number;
}

/** What an area module adds to the store's reads (interactions: confirmations, signature, credits). */
export interface StoreExtension {
  /** Extra fields of a post as reads show it. */
  post?: (post: StoredPost) => Partial<Post>;
  /** Credits earned in the area, counted in ranks and profiles. */
  credits?: (memberId: number) => { confirmedAnswers?: number; assists?: number };
  /** Extra fields of the community. */
  community?: () => Partial<Community>;
  /** Extra fields of a thread summary (advisor area: the holdback), from the summary so far. */
  thread?: (summary: ThreadSummary) => Partial<ThreadSummary>;
}

type Listener = (event: LiveEvent, id: number) => void;

const TOKEN_PREFIX = 'mock-token-';
const EXCERPT_LENGTH = 160;

export class MockStore {
  readonly #fixtures: Fixtures;
  readonly #now: () => Date;
  readonly #threads: Array<Omit<ThreadFixture, 'posts'>>;
  readonly #posts: StoredPost[];
  readonly #listeners = new Set<{ filter: LiveFilter; actor: Actor; listener: Listener }>();
  /** Who gave kudos to each post, and who marked each thread "same problem", since the fixtures. */
  readonly #kudos = new Map<number, Set<number>>();
  readonly #sameProblem = new Map<number, Set<number>>();
  readonly #accepted = new Map<number, number>();
  readonly #extensions: StoreExtension[] = [];
  /** When each same-problem mark was made, keyed `threadId:memberId` (collective-problem alerts). */
  readonly #sameProblemAt = new Map<string, string>();
  /** Ids are global to the store, so a reconnecting stream resumes with Last-Event-ID. */
  readonly #eventLog = new EventLog();

  constructor(fixtures: Fixtures, options: StoreOptions = {}) {
    this.#fixtures = fixtures;
    this.#now = options.now ?? (() => new Date());
    this.#threads = fixtures.threads.map(({ posts: _posts, ...thread }) => thread);
    for (const thread of fixtures.threads) if (thread.acceptedPostId) this.#accepted.set(thread.id, thread.acceptedPostId);
    this.#posts = fixtures.threads.flatMap((thread) =>
      thread.posts.map((post, index) => ({
        ...post,
        threadId: thread.id,
        kind: post.kind ?? (index === 0 ? 'question' : 'reply'),
        bodyHtml: post.bodyHtml ?? renderBody(post.body),
      })),
    );
  }

  /** The bearer token that signs `memberId` in against these mocks. */
  tokenFor(memberId: number): string {
    return `${TOKEN_PREFIX}${memberId}`;
  }

  /** The member a bearer token names; throws 401 for a token that names nobody. */
  memberForToken(token: string): MemberFixture {
    const member = this.#fixtures.members.find((m) => token === this.tokenFor(m.id));
    if (!member) throw new MockApiError(401, 'unauthorized', 'The token is invalid or has expired.');
    return member;
  }

  author(memberId: number): Author {
    const member = this.memberRecord(memberId);
    const postCount = member.earlierPosts + this.#posts.filter((p) => p.authorId === member.id && !p.deleted).length;
    const daysSinceJoining = daysBetween(new Date(member.joinedAt), this.#now());
    const { acceptedAnswers, kudosReceived, confirmedAnswers } = this.credits(member);
    const rank = computeRank({ posts: postCount, acceptedAnswers, kudosReceived, confirmedAnswers, daysSinceJoining });
    return { id: member.id, pseudonym: member.pseudonym, role: member.role, team: member.team, rank, postCount, joinedAt: member.joinedAt };
  }

  /** A member's public profile, as `GET /members/:id` gives it. */
  profile(memberId: number): MemberProfile {
    const member = this.memberRecord(memberId);
    const { acceptedAnswers, kudosReceived, confirmedAnswers, assists } = this.credits(member);
    const questions = this.#threads.filter((t) => this.postsOf(t.id)[0]?.authorId === memberId).length;
    return { ...this.author(memberId), acceptedAnswers, confirmedAnswers, kudosReceived, assists, questions };
  }

  giveKudos(actor: Actor, postId: number, give: boolean): KudosState {
    const post = this.storedPost(postId);
    if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
    if (give && !guardian(actor).posts.canGiveKudos(post)) {
      throw new MockApiError(403, 'forbidden', post.deleted ? 'This post is deleted: it takes no more kudos.' : 'Kudos thank someone else: you cannot give kudos to your own post.');
    }
    const givers = this.#kudos.get(postId) ?? new Set<number>();
    if (givers.has(actor.memberId) === give) {
      throw new MockApiError(409, 'conflict', give ? 'You already gave kudos to this post.' : 'You have not given kudos to this post.');
    }
    if (give) givers.add(actor.memberId);
    else givers.delete(actor.memberId);
    this.#kudos.set(postId, givers);
    return { postId, kudosCount: this.postView(post).kudosCount, given: give };
  }

  markSameProblem(actor: Actor, threadId: number, mark: boolean): SameProblemState {
    const thread = this.threadRecord(threadId);
    if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
    refuseMerged(thread);
    const authorId = this.postsOf(threadId)[0]?.authorId ?? 0;
    if (!guardian(actor).threads.canMarkSameProblem({ authorId, status: thread.status })) throw new MockApiError(403, 'forbidden', 'You asked this question: it is already your problem.');
    const marks = this.#sameProblem.get(threadId) ?? new Set<number>();
    if (marks.has(actor.memberId) === mark) throw new MockApiError(409, 'conflict', mark ? 'You already said you have this problem.' : 'You had not said you have this problem.');
    if (mark) marks.add(actor.memberId);
    else marks.delete(actor.memberId);
    if (mark) this.#sameProblemAt.set(`${threadId}:${actor.memberId}`, this.#now().toISOString());
    else this.#sameProblemAt.delete(`${threadId}:${actor.memberId}`);
    this.#sameProblem.set(threadId, marks);
    return { threadId, sameProblemCount: this.summary(threadId).sameProblemCount, marked: mark };
  }

  acceptSolution(actor: Actor, threadId: number, postId: number | null): ThreadState {
    const thread = this.threadRecord(threadId);
    if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to do this.');
    refuseMerged(thread);
    const posts = this.postsOf(threadId);
    const authorId = posts[0]?.authorId ?? 0;
    if (!guardian(actor).threads.canAcceptSolution({ authorId, status: thread.status })) throw new MockApiError(403, 'forbidden', 'Only the asker, an advisor or a moderator may choose the solution.');
    if (postId === null) {
      if (!this.#accepted.has(threadId)) throw new MockApiError(409, 'conflict', 'This thread has no accepted solution.');
      this.#accepted.delete(threadId);
      thread.status = statusAfterUnaccept(thread.status, posts.length - 1) ?? thread.status;
    } else {
      const post = this.storedPost(postId);
      const author = this.memberRecord(post.authorId);
      const problem = solutionProblem({ id: threadId, authorId }, { ...post, authorRole: author.role, hidden: post.hidden === true });
      if (problem) throw new MockApiError(400, 'validation_failed', problem, [{ in: 'body', path: '/postId', message: problem }]);
      if (this.#accepted.get(threadId) === postId) throw new MockApiError(409, 'conflict', 'This reply is already the accepted solution.');
      this.#accepted.set(threadId, postId);
      thread.status = statusAfterAccept(thread.status) ?? thread.status;
    }
    return { thread: this.summary(threadId) };
  }

  /** Takes the solution off a thread whose accepted reply was deleted (interactions mocks); the status follows. */
  dropSolution(threadId: number): void {
    if (!this.#accepted.delete(threadId)) return;
    const thread = this.threadRecord(threadId);
    thread.status = statusAfterUnaccept(thread.status, this.summary(threadId).replyCount) ?? thread.status;
  }

  members(): Author[] {
    return this.#fixtures.members.map((m) => this.author(m.id));
  }

  community(locale?: Locale): Community {
    const { community } = this.#fixtures;
    const lang = locale ?? community.locale;
    return { id: community.id, name: community.name[lang], locale: lang, demo: community.demo, advisorSignature: '', categories: this.#fixtures.categories.map((c) => this.category(c.id, lang)), ...this.#extended((e) => e.community?.()) };
  }

  listThreads(query: { categoryId: number; cursor?: string | null; limit?: number; filter?: 'all' | 'unanswered' | 'solved' | 'mine'; sort?: 'activity' | 'newest' }, actor: Actor = { role: 'guest' }): ThreadPage {
    this.category(query.categoryId, 'fr');
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const offset = query.cursor ? decodeOffsetCursor(query.cursor) : 0;
    const mine = (threadId: number) => isSignedIn(actor) && this.postsOf(threadId).some((p) => p.authorId === actor.memberId);
    const keep: Record<string, (t: ThreadSummary) => boolean> = {
      all: () => true,
      unanswered: (t) => t.replyCount === 0 && t.status !== 'closed' && t.status !== 'archived',
      solved: (t) => t.status === 'solved',
      mine: (t) => mine(t.id),
    };
    const all = this.#threads.filter((t) => t.categoryId === query.categoryId && t.mergedIntoId === undefined).map((t) => this.summary(t.id)).filter(keep[query.filter ?? 'all']!);
    const key = query.sort === 'newest' ? 'createdAt' : 'lastPostAt';
    all.sort((a, b) => b[key].localeCompare(a[key]) || b.id - a.id);
    const items = all.slice(offset, offset + limit);
    return { items, nextCursor: offset + limit < all.length ? encodeOffsetCursor(offset + limit) : null };
  }

  /** A thread and its first `limit` posts, with the accepted solution when it lies further on. */
  getThread(threadId: number, limit: number = LIMITS.postPageDefault): ThreadDetail {
    const thread = this.summary(threadId);
    const { items, nextCursor } = this.postPage(threadId, { limit });
    const solution = thread.acceptedPostId && !items.some((p) => p.id === thread.acceptedPostId)
      ? this.postsOf(threadId).find((p) => p.id === thread.acceptedPostId && !p.hidden) : undefined;
    return { thread, posts: items, nextCursor, ...(solution ? { solution: this.postView(solution) } : {}) };
  }

  /** Posts of a thread, oldest first, `limit` at a time after the cursor's post. */
  postPage(threadId: number, query: { cursor?: string | null; limit?: number }): PostPage {
    this.threadRecord(threadId);
    const posts = this.postsOf(threadId).filter((p) => !p.hidden);
    const limit = query.limit ?? LIMITS.postPageDefault;
    let start = 0;
    if (query.cursor) {
      const afterId = decodePostCursor(query.cursor);
      start = posts.findIndex((p) => p.id === afterId) + 1;
      if (start === 0) throw new MockApiError(400, 'validation_failed', 'The cursor is not one this server gave out.', [{ path: '/cursor', message: 'unknown cursor' }]);
    }
    const page = posts.slice(start, start + limit);
    const last = page.at(-1);
    return { items: page.map((p) => this.postView(p)), nextCursor: start + limit < posts.length && last ? encodePostCursor(last.id) : null };
  }

  createThread(actor: Actor, input: { categoryId: number; title: string; body: string; locale?: Locale; needsAccount?: boolean }): CreatedThread {
    if (!guardian(actor).threads.canStartThread() || !isSignedIn(actor)) throw new MockApiError(403, 'forbidden', 'You may not start a thread.');
    this.category(input.categoryId, 'fr');
    const title = input.title.trim();
    checkLength('title', title, LIMITS.titleMin, LIMITS.titleMax);
    checkLength('body', input.body.trim(), LIMITS.bodyMin, LIMITS.bodyMax);
    const id = Math.max(0, ...this.#threads.map((t) => t.id)) + 1;
    this.#threads.push({ id, categoryId: input.categoryId, title, status: 'open', locale: pickLocale(input.locale ?? this.#fixtures.community.locale), ...(input.needsAccount ? { needsAccount: true } : {}) });
    const post = this.addPost(id, actor.memberId, input.body, 'question');
    const thread = this.summary(id);
    this.publish({ type: 'thread-created', threadId: id, categoryId: thread.categoryId, thread });
    this.publish({ type: 'post-created', threadId: id, categoryId: thread.categoryId, post });
    return { thread, post };
  }

  reply(actor: Actor, threadId: number, input: { body: string }): Post {
    const thread = this.threadRecord(threadId);
    if (!isSignedIn(actor)) throw new MockApiError(401, 'unauthorized', 'Sign in to reply.');
    refuseMerged(thread);
    if (!guardian(actor).threads.canReply(thread)) throw new MockApiError(403, 'forbidden', 'This thread is closed to new replies.');
    checkLength('body', input.body.trim(), LIMITS.bodyMin, LIMITS.bodyMax);
    const post = this.addPost(threadId, actor.memberId, input.body, 'reply');
    this.publish({ type: 'post-created', threadId, categoryId: thread.categoryId, post });
    return post;
  }

  /** Live events for a thread or a category (or everything), as `actor` may see them now; returns the unsubscribe function. */
  subscribe(filter: LiveFilter, listener: Listener, actor: Actor = { role: 'guest' }): () => void {
    const entry = { filter, actor, listener };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  /** Live streams fed now, as the server's `app.liveClients()`: tests wait for an element's stream. */
  liveClients(): number {
    return this.#listeners.size;
  }

  // Building blocks for the area modules (`src/mocks/areas/*`), which keep their own state
  // and share the threads, posts and members held here.

  /** Lets an area module add fields to reads (once per store). */
  extend(extension: StoreExtension): void {
    this.#extensions.push(extension);
  }

  #extended<T extends object>(pick: (extension: StoreExtension) => Partial<T> | undefined): Partial<T> {
    return this.#extensions.reduce<Partial<T>>((all, extension) => ({ ...all, ...pick(extension) }), {});
  }

  now(): Date {
    return this.#now();
  }

  /** Every thread record, in creation order; area modules may update their fields. */
  threadRecords(): ReadonlyArray<Omit<ThreadFixture, 'posts'>> {
    return this.#threads;
  }

  /** Every stored post, in creation order. */
  storedPosts(): readonly StoredPost[] {
    return this.#posts;
  }

  publish(event: LiveEvent): void {
    const id = this.#eventLog.append(event);
    for (const { filter, actor, listener } of this.#listeners) {
      const view = this.liveView(actor, event);
      if (view && liveMatches(filter, view)) listener(view, id);
    }
  }

  /** What a stream resuming after `lastEventId` missed, as `actor` may see it now, or 'reset' when the log no longer holds it all. */
  eventsSince(lastEventId: number, filter: LiveFilter = {}, actor: Actor = { role: 'guest' }): LoggedEvent[] | 'reset' {
    const missed = this.#eventLog.since(lastEventId);
    if (missed === 'reset') return missed;
    return missed.flatMap(({ id, event }) => {
      const view = this.liveView(actor, event);
      return view && liveMatches(filter, view) ? [{ id, event: view }] : [];
    });
  }

  /** The event as `actor` may get it now: the post or thread as reads show it now, or a tombstone (core `liveView`). */
  liveView(actor: Actor, event: LiveEvent): LiveEvent | undefined {
    return liveView(actor, event, liveStateOf(this));
  }

  /** Every same-problem mark made in these mocks, with when and by whom. */
  sameProblemMarks(): Array<{ threadId: number; memberId: number; at: string }> {
    return [...this.#sameProblemAt].map(([key, at]) => {
      const [threadId, memberId] = key.split(':').map(Number) as [number, number];
      return { threadId, memberId, at };
    });
  }

  addPost(threadId: number, authorId: number, body: string, kind: Post['kind']): Post {
    const id = Math.max(0, ...this.#posts.map((p) => p.id)) + 1;
    const stored: StoredPost = { id, threadId, authorId, body, kind, bodyHtml: renderBody(body), createdAt: this.#now().toISOString() };
    this.#posts.push(stored);
    return this.postView(stored);
  }

  storedPost(postId: number): StoredPost {
    const post = this.#posts.find((p) => p.id === postId);
    if (!post) throw new MockApiError(404, 'not_found', `Post ${postId} does not exist.`);
    return post;
  }

  /** What the fixtures say a member earned before, plus what happened in these mocks. */
  credits(member: MemberFixture): { acceptedAnswers: number; kudosReceived: number; confirmedAnswers: number; assists: number } {
    const own = this.#posts.filter((p) => p.authorId === member.id);
    const kudos = own.reduce((sum, p) => sum + (this.#kudos.get(p.id)?.size ?? 0), 0);
    const accepted = [...this.#accepted.values()].filter((postId) => own.some((p) => p.id === postId)).length;
    const extra = this.#extensions.map((e) => e.credits?.(member.id) ?? {});
    const sum = (key: 'confirmedAnswers' | 'assists') => extra.reduce((total, credit) => total + (credit[key] ?? 0), 0);
    return { acceptedAnswers: member.acceptedAnswers + accepted, kudosReceived: member.kudosReceived + kudos, confirmedAnswers: sum('confirmedAnswers'), assists: sum('assists') };
  }

  memberRecord(memberId: number): MemberFixture {
    const member = this.#fixtures.members.find((m) => m.id === memberId);
    if (!member) throw new MockApiError(404, 'not_found', `No member ${memberId}.`);
    return member;
  }

  threadRecord(threadId: number): Omit<ThreadFixture, 'posts'> {
    const thread = this.#threads.find((t) => t.id === threadId);
    if (!thread) throw new MockApiError(404, 'not_found', `No thread ${threadId}.`);
    return thread;
  }

  postsOf(threadId: number): StoredPost[] {
    return this.#posts.filter((p) => p.threadId === threadId).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  }

  category(categoryId: number, locale: Locale): Category {
    const category = this.#fixtures.categories.find((c) => c.id === categoryId);
    if (!category) throw new MockApiError(404, 'not_found', `No category ${categoryId}.`);
    const threads = this.#threads.filter((t) => t.categoryId === categoryId && t.mergedIntoId === undefined);
    const posts = threads.flatMap((t) => this.postsOf(t.id)).filter((p) => !p.deleted);
    const lastPostAt = posts.map((p) => p.createdAt).sort().at(-1) ?? null;
    return { id: category.id, slug: category.slug, name: category.name[locale], description: category.description[locale], threadCount: threads.length, postCount: posts.length, lastPostAt };
  }

  summary(threadId: number): ThreadSummary {
    const thread = this.threadRecord(threadId);
    // A merged thread keeps the summary of the posts it had; they now live in the target.
    const posts = thread.mergedIntoId === undefined ? this.postsOf(threadId) : this.#posts.filter((p) => p.movedFrom === threadId);
    const first = posts[0];
    // A deleted post's time is not the thread's last activity (src/domain/repo/deletion.ts).
    const last = posts.filter((p) => !p.deleted).at(-1);
    if (!first || !last) throw new MockApiError(500, 'internal', `Thread ${threadId} has no post.`);
    const excerpt = bodyText(first.body).slice(0, EXCERPT_LENGTH);
    const summary: ThreadSummary = {
      id: thread.id, categoryId: thread.categoryId, title: thread.title, status: thread.status, locale: thread.locale,
      author: this.author(first.authorId), excerpt, replyCount: posts.filter((p) => !p.deleted).length - 1,
      sameProblemCount: (thread.sameProblemCount ?? 0) + (this.#sameProblem.get(threadId)?.size ?? 0),
      acceptedPostId: this.#accepted.get(threadId) ?? null, createdAt: first.createdAt, lastPostAt: last.createdAt,
    };
    const extended = (base: ThreadSummary): ThreadSummary => ({ ...base, ...this.#extended((e) => e.thread?.(base)) });
    if (thread.mergedIntoId === undefined) return extended(summary);
    return extended({ ...summary, replyCount: 0, sameProblemCount: 0, acceptedPostId: null, mergedIntoId: thread.mergedIntoId });
  }

  postView(post: StoredPost): Post {
    return {
      id: post.id, threadId: post.threadId, kind: post.kind, author: this.author(post.authorId), bodyHtml: post.bodyHtml,
      createdAt: post.createdAt, editedAt: post.editedAt ?? null, kudosCount: (post.kudosCount ?? 0) + (this.#kudos.get(post.id)?.size ?? 0),
      ...this.#extended((e) => e.post?.(post)),
      ...(post.deleted ? { deleted: post.deleted } : {}),
    };
  }
}
