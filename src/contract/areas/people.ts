/**
 * Routes of the "people" area: what a member's public profile lists, a page at a time (the
 * profile itself is `getMember`). Only what any reader can read in the threads appears: no
 * hidden or deleted post, no merged-away thread, nothing private (private messages are never
 * posts) and nothing staff-only.
 */
import { Type, type Static } from 'typebox';
import { errorResponses, Id, Timestamp } from '../common.ts';
import { ThreadSummary } from '../models.ts';

const errors = errorResponses;
const PageLimit = Type.Integer({ minimum: 1, maximum: 50, default: 10 });
const PageQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(PageLimit) });

export const MemberThreadPage = Type.Object({ items: Type.Array(ThreadSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type MemberThreadPage = Static<typeof MemberThreadPage>;

/** One of the member's answers, with the thread it answers and the credit it earned. */
export const MemberAnswer = Type.Object({
  postId: Id,
  threadId: Id,
  threadTitle: Type.String(),
  /** Plain text (the start of the answer), to be shown as text. */
  excerpt: Type.String(),
  createdAt: Timestamp,
  kudosCount: Type.Integer({ minimum: 0 }),
  /** The asker accepted it as the solution. */
  accepted: Type.Boolean(),
  /** An advisor confirmed it, citing the member. */
  confirmed: Type.Boolean(),
});
export type MemberAnswer = Static<typeof MemberAnswer>;

export const MemberAnswerPage = Type.Object({ items: Type.Array(MemberAnswer), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type MemberAnswerPage = Static<typeof MemberAnswerPage>;

export const peopleRoutes = {
  listMemberThreads: {
    method: 'GET',
    url: '/members/:memberId/threads',
    audience: 'everyone',
    example: { params: { memberId: 1 } },
    schema: {
      summary: 'The questions a member asked, newest first (public)',
      params: Type.Object({ memberId: Id }),
      querystring: PageQuery,
      response: { 200: MemberThreadPage, ...errors },
    },
  },
  listMemberAnswers: {
    method: 'GET',
    url: '/members/:memberId/answers',
    audience: 'everyone',
    example: { params: { memberId: 2 } },
    schema: {
      summary: 'The answers a member gave in public threads, newest first, each with its accepted and confirmed state (public)',
      params: Type.Object({ memberId: Id }),
      querystring: PageQuery,
      response: { 200: MemberAnswerPage, ...errors },
    },
  },
} as const;
