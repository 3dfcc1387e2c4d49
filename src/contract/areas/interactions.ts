/**
 * Routes of the "interactions" area (kudos, accepted solution, "same problem here", advisor
 * confirmations, advisor signature, post edits and deletions); merged into `routes` by ../routes.ts.
 */
import { Type, type Static } from 'typebox';
import { LIMITS } from '../../core/index.ts';
import { errorResponses, Id, Timestamp } from '../common.ts';
import { Author, LocaleSchema, Post, ThreadSummary } from '../models.ts';

const errors = errorResponses;
const IdList = (maxItems: number) => Type.Array(Id, { maxItems });
const SIGNATURE_MAX = 1000;
const REASON_MAX = LIMITS.reasonMax;

export const KudosState = Type.Object({
  postId: Id,
  kudosCount: Type.Integer({ minimum: 0 }),
  /** Whether the signed-in member now gives kudos to the post. */
  given: Type.Boolean(),
});
export type KudosState = Static<typeof KudosState>;

export const AcceptSolution = Type.Object({ postId: Id }, { additionalProperties: false });
export type AcceptSolution = Static<typeof AcceptSolution>;

export const ThreadState = Type.Object({ thread: ThreadSummary });
export type ThreadState = Static<typeof ThreadState>;

export const SameProblemState = Type.Object({
  threadId: Id,
  sameProblemCount: Type.Integer({ minimum: 0 }),
  /** Whether the signed-in member now has the same problem marked. */
  marked: Type.Boolean(),
});
export type SameProblemState = Static<typeof SameProblemState>;

export const NewConfirmation = Type.Object(
  {
    body: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }),
    /** Community replies of this thread the advisor confirms; their authors are credited. */
    citedPostIds: Type.Array(Id, { minItems: 1, maxItems: 20 }),
    faqArticleIds: Type.Optional(IdList(10)),
    /** Colleagues credited as "assisted by". */
    assistedByIds: Type.Optional(IdList(10)),
  },
  { additionalProperties: false },
);
export type NewConfirmation = Static<typeof NewConfirmation>;

export const NewSignature = Type.Object(
  {
    text: Type.String({ maxLength: SIGNATURE_MAX }),
    /** The language this signature is written in; absent: the community's default. Another language's empty text removes it (its threads get the default). */
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type NewSignature = Static<typeof NewSignature>;

/** The signature saved, in the language it was written for. */
export const Signature = Type.Object({ advisorSignature: Type.String(), signatureHtml: Type.String() });
export type Signature = Static<typeof Signature>;

export const EditPost = Type.Object(
  {
    body: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }),
    /** Required when staff edit someone else's post: kept in the audit log with before and after. */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: REASON_MAX })),
  },
  { additionalProperties: false },
);
export type EditPost = Static<typeof EditPost>;

export const DeletePost = Type.Object(
  {
    /** Required when staff delete someone else's post: kept in the audit log with before and after. */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: REASON_MAX })),
  },
  { additionalProperties: false },
);
export type DeletePost = Static<typeof DeletePost>;

/** An earlier text of an edited post (staff only): what it said, who replaced it, when and why. */
export const PostRevision = Type.Object({
  id: Id,
  bodyHtml: Type.String(),
  /** When this text was written: the post's creation, or the edit before. */
  writtenAt: Timestamp,
  /** When the edit replaced it, and by whom. */
  replacedAt: Timestamp,
  editor: Author,
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type PostRevision = Static<typeof PostRevision>;

export const PostRevisions = Type.Object({ postId: Id, items: Type.Array(PostRevision) });
export type PostRevisions = Static<typeof PostRevisions>;

const postParams = Type.Object({ postId: Id });
const threadParams = Type.Object({ threadId: Id });

export const interactionsRoutes = {
  giveKudos: {
    method: 'POST',
    url: '/posts/:postId/kudos',
    audience: 'members',
    example: { params: { postId: 3 } },
    schema: { summary: "Give kudos to someone else's post (once)", params: postParams, response: { 200: KudosState, ...errors } },
  },
  takeBackKudos: {
    method: 'DELETE',
    url: '/posts/:postId/kudos',
    audience: 'members',
    example: { params: { postId: 5 } },
    schema: { summary: 'Take back the kudos you gave to a post', params: postParams, response: { 200: KudosState, ...errors } },
  },
  acceptSolution: {
    method: 'POST',
    url: '/threads/:threadId/solution',
    audience: 'members',
    example: { params: { threadId: 4 }, body: { postId: 7 } },
    schema: {
      summary: 'Accept a reply as the solution (asker, advisor or moderator)',
      params: threadParams,
      body: AcceptSolution,
      response: { 200: ThreadState, ...errors },
    },
  },
  withdrawSolution: {
    method: 'DELETE',
    url: '/threads/:threadId/solution',
    audience: 'members',
    example: { params: { threadId: 5 } },
    schema: { summary: 'Withdraw the accepted solution (asker, advisor or moderator)', params: threadParams, response: { 200: ThreadState, ...errors } },
  },
  markSameProblem: {
    method: 'POST',
    url: '/threads/:threadId/same-problem',
    audience: 'members',
    example: { params: { threadId: 6 } },
    schema: { summary: 'Say you have the same problem instead of asking again', params: threadParams, response: { 200: SameProblemState, ...errors } },
  },
  unmarkSameProblem: {
    method: 'DELETE',
    url: '/threads/:threadId/same-problem',
    audience: 'members',
    example: { params: { threadId: 1 } },
    schema: { summary: 'Take back your "same problem here"', params: threadParams, response: { 200: SameProblemState, ...errors } },
  },
  confirmAnswers: {
    method: 'POST',
    url: '/threads/:threadId/confirmations',
    audience: 'advisors',
    example: { params: { threadId: 7 }, body: { body: 'Je confirme.', citedPostIds: [13] } },
    schema: {
      summary: 'Advisor confirmation citing and crediting community replies (advisors only)',
      params: threadParams,
      body: NewConfirmation,
      response: { 201: Post, ...errors },
    },
  },
  getPost: {
    method: 'GET',
    url: '/posts/:postId',
    audience: 'everyone',
    example: { params: { postId: 15 } },
    schema: {
      summary: "One post as thread reads show it, with a signed-in reader's own state (`viewer`): a post that arrived live gets it here (404 for a post moderation hid)",
      params: postParams,
      response: { 200: Post, ...errors },
    },
  },
  editPost: {
    method: 'PATCH',
    url: '/posts/:postId',
    audience: 'members',
    example: { params: { postId: 16 }, body: { body: 'Q modifiée ?', reason: 'Coquille.' } },
    schema: {
      summary: 'Edit a post (its author while the thread is open; staff any post, with a reason)',
      params: postParams,
      body: EditPost,
      response: { 200: Post, ...errors },
    },
  },
  listPostRevisions: {
    method: 'GET',
    url: '/posts/:postId/revisions',
    audience: 'staff',
    example: { params: { postId: 19 } },
    schema: {
      summary: 'Earlier texts of an edited post, oldest first (staff; 404 for anyone else)',
      params: postParams,
      response: { 200: PostRevisions, ...errors },
    },
  },
  deletePost: {
    method: 'DELETE',
    url: '/posts/:postId',
    audience: 'members',
    example: { params: { postId: 22 }, body: { reason: 'Doublon.' } },
    schema: {
      summary: 'Delete a reply: it stays in its thread as a tombstone (its author while the thread is open; staff any reply, with a reason)',
      params: postParams,
      body: DeletePost,
      response: { 200: Post, ...errors },
    },
  },
  updateSignature: {
    method: 'PUT',
    url: '/community/signature',
    audience: 'staff',
    example: { body: { text: 'Merci !' } },
    schema: { summary: 'Set the advisor signature (advisors and moderators)', body: NewSignature, response: { 200: Signature, ...errors } },
  },
} as const;
