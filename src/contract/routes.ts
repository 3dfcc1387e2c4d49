/**
 * Every HTTP route of the API, under the `/api` prefix. The server registers exactly these
 * (a test fails when one is missing from the OpenAPI document); clients type against them.
 */
import { Type } from 'typebox';
import { LIMITS } from '../core/index.ts';
import { errorResponses, Id } from './common.ts';
import { ErrorBody } from './errors.ts';
import * as M from './models.ts';
import { adminRoutes } from './areas/admin.ts';
import { advisorRoutes } from './areas/advisor.ts';
import { composerRoutes } from './areas/composer.ts';
import { interactionsRoutes } from './areas/interactions.ts';
import { knowledgeRoutes } from './areas/knowledge.ts';
import { moderationRoutes } from './areas/moderation.ts';
import { peopleRoutes } from './areas/people.ts';
import { preferencesRoutes } from './areas/preferences.ts';
import { reviewRoutes } from './areas/review.ts';
import { webhooksRoutes } from './areas/webhooks.ts';
import { workspaceRoutes } from './areas/workspace.ts';
import { notifyRoutes } from './areas/notify.ts';

const errors = errorResponses;
const PostLimit = Type.Integer({ minimum: 1, maximum: LIMITS.postPageMax, default: LIMITS.postPageDefault });

export const routes = {
  ...interactionsRoutes,
  ...knowledgeRoutes,
  ...moderationRoutes,
  ...advisorRoutes,
  ...composerRoutes,
  ...reviewRoutes,
  ...workspaceRoutes,
  ...adminRoutes,
  ...webhooksRoutes,
  ...peopleRoutes,
  ...preferencesRoutes,
  ...notifyRoutes,
  health: {
    method: 'GET',
    url: '/health',
    // Every route reads the bearer token first, so a bad one is a 401 here too.
    schema: { summary: 'Liveness', response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } },
  },
  ready: {
    method: 'GET',
    url: '/ready',
    // 503 `unavailable` while the database does not answer or a migration is pending.
    schema: { summary: 'Readiness: the database answers and its migrations are current', response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors, 503: ErrorBody } },
  },
  getCommunity: {
    method: 'GET',
    url: '/community',
    schema: {
      summary: 'The community and its categories',
      querystring: Type.Object({ locale: Type.Optional(M.LocaleSchema) }),
      response: { 200: M.Community, ...errors },
    },
  },
  listThreads: {
    method: 'GET',
    url: '/threads',
    schema: {
      summary: 'Threads of a category, most recent activity first',
      querystring: Type.Object({
        categoryId: Id,
        cursor: Type.Optional(Type.String({ maxLength: 200 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })),
        /** `mine`: the threads I asked (empty for a guest); a thread I only replied in stays someone else's. */
        filter: Type.Optional(Type.Enum(['all', 'unanswered', 'solved', 'mine'])),
        /** `activity`: latest post first (default); `newest`: latest question first. */
        sort: Type.Optional(Type.Enum(['activity', 'newest'])),
      }),
      response: { 200: M.ThreadPage, ...errors },
    },
  },
  getThread: {
    method: 'GET',
    url: '/threads/:threadId',
    schema: {
      summary: 'A thread and the first page of its posts',
      params: Type.Object({ threadId: Id }),
      querystring: Type.Object({ limit: Type.Optional(PostLimit) }),
      response: { 200: M.ThreadDetail, ...errors },
    },
  },
  listThreadPosts: {
    method: 'GET',
    url: '/threads/:threadId/posts',
    schema: {
      summary: 'The next page of a thread’s posts, oldest first',
      params: Type.Object({ threadId: Id }),
      querystring: Type.Object({ cursor: Type.String({ maxLength: 200 }), limit: Type.Optional(PostLimit) }),
      response: { 200: M.PostPage, ...errors },
    },
  },
  createThread: {
    method: 'POST',
    url: '/threads',
    schema: { summary: 'Ask a question', body: M.NewThread, response: { 201: M.CreatedThread, ...errors } },
  },
  replyToThread: {
    method: 'POST',
    url: '/threads/:threadId/posts',
    schema: {
      summary: 'Reply to a thread',
      params: Type.Object({ threadId: Id }),
      body: M.NewReply,
      response: { 201: M.Post, ...errors },
    },
  },
  getMember: {
    method: 'GET',
    url: '/members/:memberId',
    schema: {
      summary: 'A member’s public profile',
      params: Type.Object({ memberId: Id }),
      response: { 200: M.MemberProfile, ...errors },
    },
  },
  getSession: {
    method: 'GET',
    url: '/session',
    schema: { summary: 'Who the bearer token names', response: { 200: M.Session, ...errors } },
  },
  listDemoMembers: {
    method: 'GET',
    url: '/demo/members',
    schema: { summary: 'Members offered by the demo sign-in (demo mode only)', response: { 200: M.DemoMembers, ...errors } },
  },
  demoSignIn: {
    method: 'POST',
    url: '/demo/sign-in',
    schema: { summary: 'Mint a token for a demo member (demo mode only)', body: M.DemoSignIn, response: { 200: M.DemoToken, ...errors } },
  },
  events: {
    method: 'GET',
    url: '/events',
    schema: {
      summary: 'Live events (text/event-stream)',
      querystring: Type.Object({ threadId: Type.Optional(Id), categoryId: Type.Optional(Id) }),
    },
  },
} as const;

export type RouteName = keyof typeof routes;
