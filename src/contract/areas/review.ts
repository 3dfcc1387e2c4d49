/**
 * Routes of the "review" area; merged into `routes` by ../routes.ts. Shared drafts and colleague
 * review (study §44, §46, §52), the managers' monthly quality sample with its rubric (§11), and
 * hand-offs of a thread to the brand's back office, leaving a public trace (§17–18, §27).
 */
import { Type, type Static } from 'typebox';
import { LIMITS, REVIEW_LIMITS } from '../../core/index.ts';
import { errorResponses, Id, Timestamp } from '../common.ts';
import { ErrorBody } from '../errors.ts';
import { Author, Post } from '../models.ts';

const errors = errorResponses;
const IdList = (maxItems: number) => Type.Array(Id, { maxItems });
const MemberRef = Type.Object({ id: Id, pseudonym: Type.String() });
const Body = Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax });
const Score = Type.Integer({ minimum: 1, maximum: 4 });
const REASON_MAX = 500;

// ---------------------------------------------------------------------------------- drafts

/** The same fields as a confirmation (src/contract/areas/interactions.ts), all optional but the body. */
export const NewDraft = Type.Object(
  {
    threadId: Id,
    body: Body,
    /** Community replies to confirm and credit; a draft citing none is posted as a plain reply. */
    citedPostIds: Type.Optional(IdList(20)),
    faqArticleIds: Type.Optional(IdList(10)),
    /** Colleagues to credit as "assisted by". */
    assistedByIds: Type.Optional(IdList(10)),
  },
  { additionalProperties: false },
);
export type NewDraft = Static<typeof NewDraft>;

export const DraftChanges = Type.Object(
  { body: Type.Optional(Body), citedPostIds: Type.Optional(IdList(20)), faqArticleIds: Type.Optional(IdList(10)), assistedByIds: Type.Optional(IdList(10)) },
  { additionalProperties: false, minProperties: 1 },
);
export type DraftChanges = Static<typeof DraftChanges>;

export const ShareDraft = Type.Object({ colleagueIds: Type.Array(Id, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false });
export type ShareDraft = Static<typeof ShareDraft>;

export const NewDraftComment = Type.Object({ body: Type.String({ minLength: 2, maxLength: REVIEW_LIMITS.commentMax }) }, { additionalProperties: false });
export type NewDraftComment = Static<typeof NewDraftComment>;

export const PostDraft = Type.Object(
  {
    /** Credit the colleagues who approved the draft as "assisted by" (needs a citation: only confirmations carry credits). */
    creditApprovers: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PostDraft = Static<typeof PostDraft>;

export const DraftShare = Type.Object({
  colleague: MemberRef,
  sharedAt: Timestamp,
  /** When the colleague approved the current wording; an edit clears it. */
  approvedAt: Type.Union([Timestamp, Type.Null()]),
});
export type DraftShare = Static<typeof DraftShare>;

export const DraftComment = Type.Object({ id: Id, author: MemberRef, bodyHtml: Type.String(), createdAt: Timestamp });
export type DraftComment = Static<typeof DraftComment>;

/** Seen only by its author and the colleagues it is shared with. */
export const Draft = Type.Object({
  id: Id,
  threadId: Id,
  threadTitle: Type.String(),
  author: MemberRef,
  /** The markdown, for the author's composer. */
  body: Type.String(),
  /** Rendered as posting would render it (sanitized). */
  bodyHtml: Type.String(),
  citedPostIds: Type.Array(Id),
  faqArticleIds: Type.Array(Id),
  assistedByIds: Type.Array(Id),
  sharedWith: Type.Array(DraftShare),
  comments: Type.Array(DraftComment),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  postedAt: Type.Union([Timestamp, Type.Null()]),
  postedPostId: Type.Union([Id, Type.Null()]),
});
export type Draft = Static<typeof Draft>;

export const DraftList = Type.Object({ items: Type.Array(Draft) });
export type DraftList = Static<typeof DraftList>;

export const PostedDraft = Type.Object({ draft: Draft, post: Post });
export type PostedDraft = Static<typeof PostedDraft>;

// --------------------------------------------------------------------------- quality review

export const RubricInput = Type.Object(
  { accuracy: Score, clarity: Score, tone: Score, involvement: Score, comment: Type.Optional(Type.String({ maxLength: REVIEW_LIMITS.rubricCommentMax })) },
  { additionalProperties: false },
);
export type RubricInput = Static<typeof RubricInput>;

export const Rubric = Type.Object({
  postId: Id,
  accuracy: Score,
  clarity: Score,
  tone: Score,
  involvement: Score,
  comment: Type.String(),
  /** Mean of the four scores, to one decimal. */
  average: Type.Number(),
  reviewer: MemberRef,
  updatedAt: Timestamp,
});
export type Rubric = Static<typeof Rubric>;

export const ReviewSampleItem = Type.Object({ threadId: Id, threadTitle: Type.String(), post: Post, rubric: Type.Union([Rubric, Type.Null()]) });
export type ReviewSampleItem = Static<typeof ReviewSampleItem>;

export const ReviewSample = Type.Object({
  month: Type.String(),
  perAdvisor: Type.Integer({ minimum: 1 }),
  advisors: Type.Array(Type.Object({
    advisor: Author,
    /** The advisor's posts that month, of which `items` is the sample. */
    postCount: Type.Integer({ minimum: 0 }),
    items: Type.Array(ReviewSampleItem),
  })),
});
export type ReviewSample = Static<typeof ReviewSample>;

// -------------------------------------------------------------------------------- hand-offs

export const NewHandoff = Type.Object({ reason: Type.String({ minLength: 2, maxLength: REASON_MAX }) }, { additionalProperties: false });
export type NewHandoff = Static<typeof NewHandoff>;

/** Staff-only: the back office's case reference is never shown to customers. */
export const Handoff = Type.Object({ id: Id, threadId: Id, reference: Type.String(), reason: Type.String(), advisor: MemberRef, tracePostId: Id, createdAt: Timestamp });
export type Handoff = Static<typeof Handoff>;

export const HandoffWithTrace = Type.Object({ handoff: Handoff, trace: Post });
export type HandoffWithTrace = Static<typeof HandoffWithTrace>;

export const HandoffList = Type.Object({ items: Type.Array(Handoff) });
export type HandoffList = Static<typeof HandoffList>;

const draftParams = Type.Object({ draftId: Id });
const threadParams = Type.Object({ threadId: Id });

export const reviewRoutes = {
  createDraft: {
    method: 'POST',
    url: '/agent/drafts',
    audience: 'advisors',
    example: { body: { threadId: 25, body: 'Bonjour à tous' } },
    schema: { summary: 'Save a draft reply for a thread (advisors)', body: NewDraft, response: { 201: Draft, ...errors } },
  },
  listDrafts: {
    method: 'GET',
    url: '/agent/drafts',
    audience: 'advisors',
    example: { query: { scope: 'shared' } },
    schema: {
      summary: 'My drafts (`mine`, default) or those colleagues shared with me (`shared`), latest change first (advisors)',
      querystring: Type.Object({ scope: Type.Optional(Type.Enum(['mine', 'shared'])) }),
      response: { 200: DraftList, ...errors },
    },
  },
  getDraft: {
    method: 'GET',
    url: '/agent/drafts/:draftId',
    audience: 'advisors',
    example: { params: { draftId: 1 } },
    schema: { summary: 'A draft with its shares, approvals and comments (author and colleagues shared with)', params: draftParams, response: { 200: Draft, ...errors } },
  },
  updateDraft: {
    method: 'PATCH',
    url: '/agent/drafts/:draftId',
    audience: 'advisors',
    example: { params: { draftId: 2 }, body: { body: 'Bonjour à tous, @Tom' } },
    schema: { summary: 'Change a draft (its author; clears approvals)', params: draftParams, body: DraftChanges, response: { 200: Draft, ...errors } },
  },
  shareDraft: {
    method: 'POST',
    url: '/agent/drafts/:draftId/shares',
    audience: 'advisors',
    example: { params: { draftId: 3 }, body: { colleagueIds: [5] } },
    schema: { summary: 'Share a draft with advisor colleagues (its author)', params: draftParams, body: ShareDraft, response: { 200: Draft, ...errors } },
  },
  commentDraft: {
    method: 'POST',
    url: '/agent/drafts/:draftId/comments',
    audience: 'advisors',
    example: { params: { draftId: 4 }, body: { body: 'Ton parfait.' } },
    schema: { summary: 'Comment on a draft (author or colleagues shared with)', params: draftParams, body: NewDraftComment, response: { 201: Draft, ...errors } },
  },
  approveDraft: {
    method: 'POST',
    url: '/agent/drafts/:draftId/approval',
    audience: 'advisors',
    example: { params: { draftId: 5 } },
    schema: { summary: 'Approve the draft’s current wording (colleagues shared with)', params: draftParams, response: { 200: Draft, ...errors } },
  },
  postDraft: {
    method: 'POST',
    url: '/agent/drafts/:draftId/post',
    audience: 'advisors',
    example: { params: { draftId: 6 } },
    schema: {
      summary: 'Publish a draft as a reply, or a confirmation when it cites community replies (its author; once)',
      params: draftParams,
      body: PostDraft,
      response: { 201: PostedDraft, ...errors },
    },
  },
  getReviewSample: {
    method: 'GET',
    url: '/agent/review-sample',
    audience: 'moderators',
    example: { query: { month: '2026-12' } },
    schema: {
      summary: 'The monthly quality-review sample: a few posts per advisor, the same on every load (managers)',
      querystring: Type.Object({ month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }) }),
      response: { 200: ReviewSample, ...errors },
    },
  },
  saveRubric: {
    method: 'PUT',
    url: '/agent/review-sample/:postId/rubric',
    audience: 'moderators',
    example: { params: { postId: 57 }, body: { accuracy: 4, clarity: 3, tone: 4, involvement: 2 } },
    schema: { summary: 'Score an advisor post on the quality rubric (managers)', params: Type.Object({ postId: Id }), body: RubricInput, response: { 200: Rubric, ...errors } },
  },
  createHandoff: {
    method: 'POST',
    url: '/threads/:threadId/handoffs',
    audience: 'advisors',
    example: { params: { threadId: 33 }, body: { reason: 'Ouvrir le compte' } },
    schema: {
      summary: 'Open a case in the brand’s back office (signed webhook) and leave a public trace (advisors)',
      params: threadParams,
      body: NewHandoff,
      response: { 201: HandoffWithTrace, ...errors, 502: ErrorBody },
    },
  },
  listHandoffs: {
    method: 'GET',
    url: '/threads/:threadId/handoffs',
    audience: 'staff',
    example: { params: { threadId: 1 } },
    schema: { summary: 'Back-office cases opened for a thread (staff only)', params: threadParams, response: { 200: HandoffList, ...errors } },
  },
} as const;
