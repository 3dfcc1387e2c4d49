/**
 * Mocks of shared drafts and colleague review (src/contract/areas/review.ts), copied from the
 * server's `services/review.ts`: advisors only; a draft is seen only by its author and the
 * colleagues it is shared with (anyone else gets 404, as if it did not exist); an edit clears
 * approvals; colleagues comment and approve, never the author; the author posts it once, as a
 * confirmation when it cites replies (the interactions mock) or as a reply.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { Draft, DraftComment, DraftList } from '../../contract/areas/review.ts';
import type { Post } from '../../contract/models.ts';
import { guardian, LIMITS, type Actor, type DraftFacts } from '../../core/index.ts';
import { draftCredits, draftPublishing } from '../../core/review.ts';
import { interactionsState } from './interactions.ts';
import { oneOf, param, positiveInt, query, readBody, requireMember, type MockContext } from '../http.ts';
import { renderBody } from '../render.ts';
import { MockApiError, type MockStore } from '../store.ts';

type Advisor = Extract<Actor, { memberId: number }>;

const COMMENT_MAX = 4000;
const LISTS = { citedPostIds: 20, faqArticleIds: 10, assistedByIds: 10 } as const;
type ListField = keyof typeof LISTS;

const invalid = (path: string, message: string) => new MockApiError(400, 'validation_failed', `body${path} ${message}`, [{ in: 'body', path, message }]);
const notFound = (what: string) => new MockApiError(404, 'not_found', `${what} does not exist.`);

/** The schema's bounds, then the service's "2 characters that are not spaces". */
function checkText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw invalid(`/${field}`, 'must be string');
  if (value.length < LIMITS.bodyMin) throw invalid(`/${field}`, `must not have fewer than ${LIMITS.bodyMin} characters`);
  if (value.length > max) throw invalid(`/${field}`, `must not have more than ${max} characters`);
  const text = value.trim();
  if (text.length < 2) throw new MockApiError(400, 'validation_failed', `${field} needs at least 2 characters that are not spaces.`, [{ in: 'body', path: `/${field}`, message: 'too short' }]);
  return text;
}

function idList(value: unknown, field: string, max: number, min = 0): number[] {
  if (!Array.isArray(value)) throw invalid(`/${field}`, 'must be array');
  if (value.length < min || value.length > max) throw invalid(`/${field}`, `must hold ${min} to ${max} items`);
  if (!value.every((id) => Number.isSafeInteger(id) && (id as number) >= 1)) throw invalid(`/${field}`, 'must hold positive integers');
  return [...new Set(value as number[])];
}

function requireAdvisor(store: MockStore, request: Request): Advisor {
  const actor = requireMember(store, request);
  if (!guardian(actor).review.canWriteDrafts()) throw new MockApiError(403, 'forbidden', 'Only advisors write and review drafts.');
  return actor;
}

interface DraftRecord extends Omit<Draft, 'threadTitle' | 'bodyHtml' | 'author' | 'sharedWith' | 'comments'> {
  authorId: number;
  shares: Array<{ colleagueId: number; sharedAt: string; approvedAt: string | null }>;
  comments: Array<{ id: number; authorId: number; bodyHtml: string; createdAt: string }>;
}

/** The drafts of one mocked community. */
export class DraftsState {
  readonly #store: MockStore;
  readonly #drafts: DraftRecord[] = [];
  #commentIds = 0;

  constructor(store: MockStore) {
    this.#store = store;
  }

  create(advisor: Advisor, body: Record<string, unknown>): Draft {
    const threadId = positiveInt(String(body.threadId), 'threadId');
    const text = checkText(body.body, 'body', LIMITS.bodyMax);
    const lists = this.#lists(body);
    if (!this.#store.threadRecords().some((thread) => thread.id === threadId)) throw notFound(`Thread ${threadId}`);
    const at = this.#now();
    const record: DraftRecord = {
      id: this.#drafts.length + 1, threadId, authorId: advisor.memberId, body: text, citedPostIds: lists.citedPostIds ?? [], faqArticleIds: lists.faqArticleIds ?? [],
      assistedByIds: lists.assistedByIds ?? [], shares: [], comments: [], createdAt: at, updatedAt: at, postedAt: null, postedPostId: null,
    };
    this.#drafts.push(record);
    return this.#view(record);
  }

  list(advisor: Advisor, scope: 'mine' | 'shared'): DraftList {
    const mine = (draft: DraftRecord) => (scope === 'mine' ? draft.authorId === advisor.memberId : draft.shares.some((s) => s.colleagueId === advisor.memberId));
    const items = this.#drafts.filter(mine).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
    return { items: items.map((draft) => this.#view(draft)) };
  }

  get(advisor: Advisor, draftId: number): Draft {
    return this.#view(this.#visible(advisor, draftId));
  }

  update(advisor: Advisor, draftId: number, body: Record<string, unknown>): Draft {
    if (Object.keys(body).length === 0) throw invalid('', 'must have at least 1 properties');
    const text = body.body === undefined ? undefined : checkText(body.body, 'body', LIMITS.bodyMax);
    const lists = this.#lists(body);
    const draft = this.#editable(advisor, draftId);
    Object.assign(draft, { ...(text === undefined ? {} : { body: text }), ...lists, updatedAt: this.#now() });
    // Colleagues approved other wording.
    for (const share of draft.shares) share.approvedAt = null;
    return this.#view(draft);
  }

  share(advisor: Advisor, draftId: number, colleagueIds: number[]): Draft {
    const draft = this.#editable(advisor, draftId);
    const refused = colleagueIds.filter((id) => !guardian(advisor).review.canShareDraftWith({ id, role: this.#roleOf(id) }));
    if (refused.length) {
      const details = refused.map((id) => ({ in: 'body', path: '/colleagueIds', message: `member ${id} is not an advisor colleague` }));
      throw new MockApiError(400, 'validation_failed', `Drafts are shared with advisor colleagues only: ${refused.join(', ')} cannot review it.`, details);
    }
    const at = this.#now();
    for (const id of colleagueIds) if (!draft.shares.some((s) => s.colleagueId === id)) draft.shares.push({ colleagueId: id, sharedAt: at, approvedAt: null });
    draft.updatedAt = at;
    return this.#view(draft);
  }

  comment(advisor: Advisor, draftId: number, text: string): Draft {
    const draft = this.#visible(advisor, draftId);
    this.#commentIds += 1;
    draft.comments.push({ id: this.#commentIds, authorId: advisor.memberId, bodyHtml: renderBody(text), createdAt: this.#now() });
    draft.updatedAt = this.#now();
    return this.#view(draft);
  }

  approve(advisor: Advisor, draftId: number): Draft {
    const draft = this.#visible(advisor, draftId);
    if (!guardian(advisor).review.canReviewDraft(facts(draft))) throw new MockApiError(403, 'forbidden', 'A colleague approves your draft; you cannot approve your own.');
    if (draft.postedAt !== null) throw new MockApiError(409, 'conflict', 'This draft is already posted.');
    const share = draft.shares.find((s) => s.colleagueId === advisor.memberId)!;
    if (share.approvedAt !== null) throw new MockApiError(409, 'conflict', 'You already approved this wording.');
    share.approvedAt = this.#now();
    return this.#view(draft);
  }

  /** The author publishes: a confirmation when it cites replies, else a reply (server's postDraft). */
  post(advisor: Advisor, draftId: number, creditApprovers: boolean): { draft: Draft; post: Post } {
    const draft = this.#visible(advisor, draftId);
    if (draft.authorId !== advisor.memberId) throw new MockApiError(403, 'forbidden', 'Only its author posts a draft.');
    const approvers = draft.shares.filter((share) => share.approvedAt !== null).map((share) => share.colleagueId);
    const credits = draftCredits(advisor.memberId, draft.assistedByIds, approvers, creditApprovers);
    const publishing = draftPublishing({ citedPostIds: draft.citedPostIds, faqArticleIds: draft.faqArticleIds, credits });
    if (publishing.problem) throw new MockApiError(400, 'validation_failed', `This draft cannot be posted: ${publishing.problem.message}.`, [{ in: 'body', ...publishing.problem }]);
    if (draft.postedAt !== null) throw new MockApiError(409, 'conflict', 'This draft is already posted.');
    const post = publishing.path === 'confirmation'
      ? interactionsState(this.#store).confirm(advisor, draft.threadId, { body: draft.body, citedPostIds: draft.citedPostIds, faqArticleIds: draft.faqArticleIds, assistedByIds: credits })
      : this.#store.reply(advisor, draft.threadId, { body: draft.body });
    draft.postedAt = this.#now();
    draft.postedPostId = post.id;
    return { draft: this.#view(draft), post };
  }

  #lists(body: Record<string, unknown>): Partial<Record<ListField, number[]>> {
    const lists: Partial<Record<ListField, number[]>> = {};
    for (const field of Object.keys(LISTS) as ListField[]) if (body[field] !== undefined) lists[field] = idList(body[field], field, LISTS[field]);
    return lists;
  }

  #visible(advisor: Advisor, draftId: number): DraftRecord {
    const draft = this.#drafts.find((d) => d.id === draftId);
    if (!draft || !guardian(advisor).review.canSeeDraft(facts(draft))) throw notFound(`Draft ${draftId}`);
    return draft;
  }

  #editable(advisor: Advisor, draftId: number): DraftRecord {
    const draft = this.#visible(advisor, draftId);
    if (draft.authorId !== advisor.memberId) throw new MockApiError(403, 'forbidden', 'Only its author changes, shares or posts a draft.');
    if (!guardian(advisor).review.canEditDraft(facts(draft))) throw new MockApiError(409, 'conflict', 'This draft is already posted.');
    return draft;
  }

  #roleOf(memberId: number): Actor['role'] {
    return this.#store.members().find((member) => member.id === memberId)?.role ?? 'guest';
  }

  #ref(memberId: number) {
    return { id: memberId, pseudonym: this.#store.author(memberId).pseudonym };
  }

  #view(draft: DraftRecord): Draft {
    const { authorId, shares, comments, ...rest } = draft;
    return {
      ...rest,
      threadTitle: this.#store.summary(draft.threadId).title,
      author: this.#ref(authorId),
      bodyHtml: renderBody(draft.body),
      sharedWith: shares.map((share) => ({ colleague: this.#ref(share.colleagueId), sharedAt: share.sharedAt, approvedAt: share.approvedAt })),
      comments: comments.map((comment): DraftComment => ({ id: comment.id, author: this.#ref(comment.authorId), bodyHtml: comment.bodyHtml, createdAt: comment.createdAt })),
    };
  }

  #now(): string {
    return this.#store.now().toISOString();
  }
}

function facts(draft: DraftRecord): DraftFacts {
  return { authorId: draft.authorId, sharedWith: draft.shares.map((share) => share.colleagueId), posted: draft.postedAt !== null };
}

/** Routes `createDraft`, `listDrafts`, `getDraft`, `updateDraft`, `shareDraft`, `commentDraft`, `approveDraft`. */
export function reviewDraftsHandlers({ store, route }: MockContext): HttpHandler[] {
  const drafts = new DraftsState(store);
  const draftIdOf = (params: Record<string, string | readonly string[] | undefined>) => positiveInt(param(params.draftId), 'draftId');
  const allLists = { citedPostIds: 'array', faqArticleIds: 'array', assistedByIds: 'array' } as const;
  return [
    route('createDraft', async ({ request }) => {
      const body = await readBody(request, { threadId: 'number', body: 'string', ...allLists }, ['threadId', 'body']);
      return HttpResponse.json(drafts.create(requireAdvisor(store, request), body), { status: 201 });
    }),
    route('listDrafts', ({ request }) => {
      const scope = oneOf(query(request).get('scope'), ['mine', 'shared'] as const, 'scope', 'mine');
      return HttpResponse.json(drafts.list(requireAdvisor(store, request), scope));
    }),
    route('getDraft', ({ request, params }) => HttpResponse.json(drafts.get(requireAdvisor(store, request), draftIdOf(params)))),
    route('updateDraft', async ({ request, params }) => {
      const draftId = draftIdOf(params);
      const body = await readBody(request, { body: 'string', ...allLists }, []);
      return HttpResponse.json(drafts.update(requireAdvisor(store, request), draftId, body));
    }),
    route('shareDraft', async ({ request, params }) => {
      const draftId = draftIdOf(params);
      const body = await readBody(request, { colleagueIds: 'array' }, ['colleagueIds']);
      const colleagueIds = idList(body.colleagueIds, 'colleagueIds', 10, 1);
      return HttpResponse.json(drafts.share(requireAdvisor(store, request), draftId, colleagueIds));
    }),
    route('commentDraft', async ({ request, params }) => {
      const draftId = draftIdOf(params);
      const text = checkText((await readBody(request, { body: 'string' }, ['body'])).body, 'body', COMMENT_MAX);
      return HttpResponse.json(drafts.comment(requireAdvisor(store, request), draftId, text), { status: 201 });
    }),
    route('approveDraft', ({ request, params }) =>
      HttpResponse.json(drafts.approve(requireAdvisor(store, request), draftIdOf(params)))),
    route('postDraft', async ({ request, params }) => {
      const draftId = draftIdOf(params);
      const text = await request.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (body.creditApprovers !== undefined && typeof body.creditApprovers !== 'boolean') throw invalid('/creditApprovers', 'must be boolean');
      return HttpResponse.json(drafts.post(requireAdvisor(store, request), draftId, body.creditApprovers === true), { status: 201 });
    }),
  ];
}
