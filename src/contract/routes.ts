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
/**
 * `apart`: leave the signed-in reader's own state (`viewer`, `reading`, `unreadCount`) out of a read, so that
 * every reader of their audience gets the same bytes (kept by the server, revalidated by ETag);
 * `GET /threads/:id/viewer` and `GET /categories/:id/viewer` give that state. The SDK asks this way and adds it back.
 */
const ViewerApart = Type.Optional(Type.Literal('apart'));
/** Ids, comma-separated, `max` at most (none: an empty list). */
const IdList = (max: number) => Type.String({ pattern: `^([0-9]{1,10}(,[0-9]{1,10}){0,${max - 1}})?$`, maxLength: max * 11 });
/** A page of posts and its pinned solution at most (none: the thread's state alone). */
const PostIdList = IdList(LIMITS.postPageMax + 1);

/** The forum's own routes: reading, asking, replying, the session and the live stream. */
const forumRoutes = {
  health: {
    method: 'GET',
    url: '/health',
    audience: 'everyone',
    example: { response: { ok: true } },
    // Every route reads the bearer token first, so a bad one is a 401 here too.
    schema: { summary: 'Liveness', response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } },
  },
  ready: {
    method: 'GET',
    url: '/ready',
    audience: 'everyone',
    example: { response: { ok: true } },
    // 503 `unavailable` while the database does not answer or a migration is pending.
    schema: { summary: 'Readiness: the database answers and its migrations are current', response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors, 503: ErrorBody } },
  },
  getCommunity: {
    method: 'GET',
    url: '/community',
    audience: 'everyone',
    example: { response: { id: 1, name: 'Test Mobile', locale: 'fr', locales: ['fr'], demo: true, categories: [{ id: 1, slug: 'facturation', name: 'Facturation', description: 'Facturation : questions', accountAccess: 'asker', threadCount: 14, postCount: 27, lastPostAt: '2026-12-06T09:06:58.762Z' }], jargon: null, advisorSignature: 'Merci !', rankNames: ['Newcomer'] } },
    schema: {
      summary: 'The community and its categories',
      querystring: Type.Object({ locale: Type.Optional(M.LocaleSchema) }),
      response: { 200: M.Community, ...errors },
    },
  },
  listThreads: {
    method: 'GET',
    url: '/threads',
    audience: 'everyone',
    example: { query: { categoryId: 1 } },
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
        viewer: ViewerApart,
      }),
      response: { 200: M.ThreadPage, ...errors },
    },
  },
  getCategoryViewer: {
    method: 'GET',
    url: '/categories/:categoryId/viewer',
    audience: 'everyone',
    example: { params: { categoryId: 1 }, query: { threads: '1,2' } },
    schema: {
      summary: 'My unread counts on these threads of a category, what `viewer=apart` leaves out of its lists (nothing for a guest)',
      params: Type.Object({ categoryId: Id }),
      querystring: Type.Object({ threads: IdList(LIMITS.pageSizeMax) }),
      response: { 200: M.OwnListState, ...errors },
    },
  },
  getThread: {
    method: 'GET',
    url: '/threads/:threadId',
    audience: 'everyone',
    example: { params: { threadId: 1 } },
    schema: {
      summary: 'A thread and the first page of its posts',
      params: Type.Object({ threadId: Id }),
      querystring: Type.Object({ limit: Type.Optional(PostLimit), viewer: ViewerApart }),
      response: { 200: M.ThreadDetail, ...errors },
    },
  },
  listThreadPosts: {
    method: 'GET',
    url: '/threads/:threadId/posts',
    audience: 'everyone',
    example: { params: { threadId: 1 }, query: { cursor: 'cDox' } },
    schema: {
      summary: 'The next page of a thread’s posts, oldest first',
      params: Type.Object({ threadId: Id }),
      querystring: Type.Object({ cursor: Type.String({ maxLength: 200 }), limit: Type.Optional(PostLimit), viewer: ViewerApart }),
      response: { 200: M.PostPage, ...errors },
    },
  },
  getThreadViewer: {
    method: 'GET',
    url: '/threads/:threadId/viewer',
    audience: 'everyone',
    example: { params: { threadId: 1 }, query: { posts: '1,2' } },
    schema: {
      summary: 'My own state on these posts of a thread and on the thread, what `viewer=apart` leaves out of its reads (nothing for a guest)',
      params: Type.Object({ threadId: Id }),
      querystring: Type.Object({ posts: PostIdList }),
      response: { 200: M.OwnThreadState, ...errors },
    },
  },
  createThread: {
    method: 'POST',
    url: '/threads',
    audience: 'members',
    example: { body: { categoryId: 1, title: 'Ma carte SIM n’est toujours pas activée', body: 'Bonjour à tous, j’ai reçu ma carte SIM hier et elle n’est toujours pas activée. Une idée ?' } },
    schema: { summary: 'Ask a question', body: M.NewThread, response: { 201: M.CreatedThread, ...errors } },
  },
  replyToThread: {
    method: 'POST',
    url: '/threads/:threadId/posts',
    audience: 'members',
    example: { params: { threadId: 1 }, body: { body: 'Même souci la semaine dernière : l’activation prend jusqu’à 24 h, puis redémarrez le téléphone.' } },
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
    audience: 'everyone',
    example: { params: { memberId: 2 } },
    schema: {
      summary: 'A member’s public profile',
      params: Type.Object({ memberId: Id }),
      response: { 200: M.MemberProfile, ...errors },
    },
  },
  getSession: {
    method: 'GET',
    url: '/session',
    audience: 'everyone',
    example: { response: { member: { id: 4, pseudonym: 'Julie', role: 'advisor', team: 'commercial', rank: { level: 9, name: 'Expert' }, postCount: 500, joinedAt: '2025-11-02T09:06:58.654Z' } } },
    schema: { summary: 'Who the bearer token names', response: { 200: M.Session, ...errors } },
  },
  listDemoMembers: {
    method: 'GET',
    url: '/demo/members',
    audience: 'everyone',
    example: { response: { items: [{ id: 4, pseudonym: 'Julie', role: 'advisor', team: 'commercial', rank: { level: 9, name: 'Expert' }, postCount: 500, joinedAt: '2025-11-02T09:06:58.654Z' }] } },
    schema: { summary: 'Members offered by the demo sign-in (demo mode only)', response: { 200: M.DemoMembers, ...errors } },
  },
  demoSignIn: {
    method: 'POST',
    url: '/demo/sign-in',
    audience: 'everyone',
    example: { body: { memberId: 2 } },
    schema: { summary: 'Mint a token for a demo member (demo mode only)', body: M.DemoSignIn, response: { 200: M.DemoToken, ...errors } },
  },
  events: {
    method: 'GET',
    url: '/events',
    audience: 'everyone',
    example: { query: { threadId: 1 } },
    schema: {
      summary: 'Live events (text/event-stream)',
      querystring: Type.Object({ threadId: Type.Optional(Id), categoryId: Type.Optional(Id) }),
    },
  },
} as const;

/**
 * The routes by area, each area a tag of the OpenAPI document with its description. Every
 * route is in exactly one area: `routes` is their union.
 */
export const routeAreas = {
  forum: { description: 'Reading the forum, asking and replying, the session and the live events.', routes: forumRoutes },
  interactions: { description: 'Kudos, accepted solutions, "same problem here", advisor confirmations and signature, post edits and deletions.', routes: interactionsRoutes },
  knowledge: { description: 'The FAQ base and forum search.', routes: knowledgeRoutes },
  moderation: { description: 'Audit log, thread lifecycle (close, reopen, archive, move, merge), flags and the moderation queue, trusted-member grants, private conversations.', routes: moderationRoutes },
  advisor: { description: 'The advisor queue, expert suggestions, collective-problem alerts, incidents with their public banner, metrics.', routes: advisorRoutes },
  composer: { description: 'What the composer needs before posting: the markdown preview.', routes: composerRoutes },
  review: { description: 'Shared drafts and colleague review, the managers’ monthly quality sample, hand-offs to the brand’s back office.', routes: reviewRoutes },
  workspace: { description: 'The advisors’ workspace: weekly plans, who is on which category now, staff notes, expert nudges.', routes: workspaceRoutes },
  admin: { description: 'The administration: the community, categories, rank ladder, trusted members and the team.', routes: adminRoutes },
  webhooks: { description: 'Signed webhooks of the community and their delivery log.', routes: webhooksRoutes },
  people: { description: 'What a member’s public profile lists.', routes: peopleRoutes },
  preferences: { description: 'A member’s own preferences.', routes: preferencesRoutes },
  notify: { description: 'Following threads and categories, read positions and notifications.', routes: notifyRoutes },
} as const;
export type RouteArea = keyof typeof routeAreas;

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
  ...forumRoutes,
} as const;

export type RouteName = keyof typeof routes;
