/**
 * Routes of the "moderation" area: audit log, thread lifecycle (close, reopen, archive, move,
 * merge), flags and the moderation queue, trusted-member grants, and private conversations
 * (study §17–18); merged into `routes` by ../routes.ts.
 *
 * Merged threads: `GET /threads/:oldId` keeps answering 200 with `thread.mergedIntoId` set and
 * no posts (they moved). A client shows "moved to…" and loads that id; no redirect to follow,
 * so cached links and the SDK work without special handling.
 */
import { Type, type Static } from 'typebox';
import { FLAG_REASONS, LIMITS, MODERATION_POWERS } from '../../core/index.ts';
import { BigId, errorResponses, Id, Timestamp } from '../common.ts';
import { Author, Post, PrivateMessage, ThreadSummary } from '../models.ts';

const errors = errorResponses;
const REASON_MAX = 1000;
const Reason = Type.String({ minLength: 1, maxLength: REASON_MAX });
const Page = { cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })) };
const ThreadParams = Type.Object({ threadId: Id });
const PostParams = Type.Object({ postId: Id });
const PrivateParams = Type.Object({ conversationId: Id });

export const FlagReasonSchema = Type.Enum(FLAG_REASONS);
export const ModerationPowerSchema = Type.Enum(MODERATION_POWERS);

export const AuditEntry = Type.Object({
  id: BigId,
  /** Null only if the acting member no longer exists. */
  actor: Type.Union([Author, Type.Null()]),
  /** e.g. `thread.close`, `thread.merge`, `post.hide`, `post.auto-hide`, `grant.add`, `private.open`. */
  action: Type.String(),
  targetType: Type.String(),
  targetId: Id,
  reason: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  createdAt: Timestamp,
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AuditPage = Static<typeof AuditPage>;

export const ModerationReason = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false });
export type ModerationReason = Static<typeof ModerationReason>;
export const RequiredReason = Type.Object({ reason: Reason }, { additionalProperties: false });
export type RequiredReason = Static<typeof RequiredReason>;
export const MoveThread = Type.Object({ categoryId: Id, reason: Type.Optional(Reason) }, { additionalProperties: false });
export type MoveThread = Static<typeof MoveThread>;
export const MergeThread = Type.Object({ intoThreadId: Id, reason: Type.Optional(Reason) }, { additionalProperties: false });
export type MergeThread = Static<typeof MergeThread>;

export const MergeResult = Type.Object({
  /** The old thread: closed, `mergedIntoId` set, no posts left. */
  from: ThreadSummary,
  into: ThreadSummary,
  movedPosts: Type.Integer({ minimum: 0 }),
});
export type MergeResult = Static<typeof MergeResult>;

export const NewFlag = Type.Object(
  { reason: FlagReasonSchema, note: Type.Optional(Type.String({ maxLength: REASON_MAX })) },
  { additionalProperties: false },
);
export type NewFlag = Static<typeof NewFlag>;

export const Flag = Type.Object({
  id: Id,
  postId: Id,
  reason: FlagReasonSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  weight: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
});
export type Flag = Static<typeof Flag>;

export const FlagResult = Type.Object({
  flag: Flag,
  /** Unresolved weight on the post, this flag included. */
  totalWeight: Type.Integer({ minimum: 0 }),
  /** True when the post is now hidden pending review. */
  hidden: Type.Boolean(),
});
export type FlagResult = Static<typeof FlagResult>;

export const QueueItem = Type.Object({
  post: Post,
  threadTitle: Type.String(),
  hidden: Type.Boolean(),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  totalWeight: Type.Integer({ minimum: 0 }),
  flags: Type.Array(Type.Object({ ...Flag.properties, flagger: Author })),
});
export type QueueItem = Static<typeof QueueItem>;

export const ModerationQueue = Type.Object({ items: Type.Array(QueueItem) });
export type ModerationQueue = Static<typeof ModerationQueue>;

export const PostModeration = Type.Object({
  postId: Id,
  hidden: Type.Boolean(),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  /** How many open flags this decision resolved. */
  resolvedFlags: Type.Integer({ minimum: 0 }),
});
export type PostModeration = Static<typeof PostModeration>;

export const NewGrant = Type.Object({ power: ModerationPowerSchema }, { additionalProperties: false });
export type NewGrant = Static<typeof NewGrant>;
export const MemberGrants = Type.Object({ memberId: Id, powers: Type.Array(ModerationPowerSchema) });
export type MemberGrants = Static<typeof MemberGrants>;

export const PrivateConversation = Type.Object({
  id: Id,
  threadId: Id,
  threadTitle: Type.String(),
  status: Type.Enum(['open', 'closed']),
  /** The outcome posted publicly on the thread when the conversation closed. */
  outcome: Type.Union([Type.String(), Type.Null()]),
  asker: Author,
  openedBy: Author,
  createdAt: Timestamp,
  closedAt: Type.Union([Timestamp, Type.Null()]),
  /** When the last message was written; null before the first. */
  lastMessageAt: Type.Union([Timestamp, Type.Null()]),
  messageCount: Type.Integer({ minimum: 0 }),
  /** In lists: whether messages by others came after the reader last opened it. */
  unread: Type.Optional(Type.Boolean()),
});
export type PrivateConversation = Static<typeof PrivateConversation>;

export { PrivateMessage } from '../models.ts';

export const PrivateDetail = Type.Object({ conversation: PrivateConversation, messages: Type.Array(PrivateMessage) });
export type PrivateDetail = Static<typeof PrivateDetail>;

export const PrivateList = Type.Object({ items: Type.Array(PrivateConversation) });
export type PrivateList = Static<typeof PrivateList>;

export const OpenPrivate = Type.Object(
  { message: Type.Optional(Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax })) },
  { additionalProperties: false },
);
export type OpenPrivate = Static<typeof OpenPrivate>;

/** The conversation and the public trace post written on the thread with it. */
export const PrivateWithTrace = Type.Object({ conversation: PrivateConversation, messages: Type.Array(PrivateMessage), trace: Post });
export type PrivateWithTrace = Static<typeof PrivateWithTrace>;

export const NewPrivateMessage = Type.Object({ body: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax }) }, { additionalProperties: false });
export type NewPrivateMessage = Static<typeof NewPrivateMessage>;

/** How far the reader read a conversation: the last message they saw, or null when it had none yet. */
export const PrivateReadInput = Type.Object({ lastMessageId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });
export type PrivateReadInput = Static<typeof PrivateReadInput>;

/** The reader's read position in a conversation, after `PUT /private/:id/read`. */
export const PrivateReadState = Type.Object({
  conversationId: Id,
  /** The last message read (never moves back); null before any. */
  lastReadMessageId: Type.Union([Id, Type.Null()]),
  /** Whether messages by others came after it. */
  unread: Type.Boolean(),
  /** The reader's unread notifications after this (the conversation's own are marked read with it). */
  unreadNotifications: Type.Integer({ minimum: 0 }),
});
export type PrivateReadState = Static<typeof PrivateReadState>;

export const ClosePrivate = Type.Object({ outcome: Type.String({ minLength: LIMITS.bodyMin, maxLength: REASON_MAX }) }, { additionalProperties: false });
export type ClosePrivate = Static<typeof ClosePrivate>;

const lifecycle = <A extends string>(action: A, summary: string) =>
  ({
    method: 'POST',
    url: `/threads/:threadId/${action}` as const,
    audience: 'staff',
    example: { params: { threadId: 12 }, body: { reason: 'Doublon du fil 3.' } },
    schema: { summary, params: ThreadParams, body: ModerationReason, response: { 200: ThreadSummary, ...errors } },
  }) as const;

export const moderationRoutes = {
  listAudit: {
    method: 'GET',
    url: '/audit',
    audience: 'staff',
    example: { response: { items: [], nextCursor: null } },
    schema: {
      summary: 'Moderation audit log, newest first (moderators and advisors)',
      querystring: Type.Object({
        ...Page, targetType: Type.Optional(Type.String({ maxLength: 40 })), targetId: Type.Optional(Id),
        /** A thread's whole log: the entries on the thread and on its posts (edits, hides, deletions). */
        threadId: Type.Optional(Id),
      }),
      response: { 200: AuditPage, ...errors },
    },
  },
  closeThread: lifecycle('close', 'Close a thread: members can no longer reply (staff)'),
  reopenThread: lifecycle('reopen', 'Reopen a closed or archived thread (staff)'),
  archiveThread: lifecycle('archive', 'Archive a thread: read-only for everyone (staff)'),
  moveThread: {
    method: 'POST',
    url: '/threads/:threadId/move',
    audience: 'staff',
    example: { params: { threadId: 15 }, body: { categoryId: 2 } },
    schema: { summary: 'Move a thread to another category (staff)', params: ThreadParams, body: MoveThread, response: { 200: ThreadSummary, ...errors } },
  },
  mergeThread: {
    method: 'POST',
    url: '/threads/:threadId/merge',
    audience: 'staff',
    example: { params: { threadId: 16 }, body: { intoThreadId: 1 } },
    schema: {
      summary: 'Merge a thread into another: posts move with their dates, the old id points to the new (staff)',
      params: ThreadParams,
      body: MergeThread,
      response: { 200: MergeResult, ...errors },
    },
  },
  flagPost: {
    method: 'POST',
    url: '/posts/:postId/flags',
    audience: 'members',
    example: { params: { postId: 34 }, body: { reason: 'spam' } },
    schema: { summary: 'Flag a post (one flag per member, not on your own post)', params: PostParams, body: NewFlag, response: { 201: FlagResult, ...errors } },
  },
  moderationQueue: {
    method: 'GET',
    url: '/moderation/queue',
    audience: 'staff',
    example: { response: { items: [] } },
    schema: { summary: 'Flagged posts by weight (staff and members granted review-flags)', response: { 200: ModerationQueue, ...errors } },
  },
  hidePost: {
    method: 'POST',
    url: '/posts/:postId/hide',
    audience: 'staff',
    example: { params: { postId: 36 }, body: { reason: 'Hors sujet' } },
    schema: { summary: 'Hide a post; resolves its flags', params: PostParams, body: RequiredReason, response: { 200: PostModeration, ...errors } },
  },
  restorePost: {
    method: 'POST',
    url: '/posts/:postId/restore',
    audience: 'staff',
    example: { params: { postId: 38 } },
    schema: { summary: 'Show a hidden post again, or dismiss its flags', params: PostParams, body: ModerationReason, response: { 200: PostModeration, ...errors } },
  },
  grantPower: {
    method: 'POST',
    url: '/members/:memberId/grants',
    audience: 'moderators',
    example: { params: { memberId: 2 }, body: { power: 'review-flags' } },
    schema: { summary: 'Grant a trusted member a moderation power (moderators)', params: Type.Object({ memberId: Id }), body: NewGrant, response: { 201: MemberGrants, ...errors } },
  },
  revokePower: {
    method: 'DELETE',
    url: '/members/:memberId/grants/:power',
    audience: 'moderators',
    example: { params: { memberId: 2, power: 'review-flags' } },
    schema: { summary: 'Revoke a moderation power (moderators)', params: Type.Object({ memberId: Id, power: ModerationPowerSchema }), response: { 200: MemberGrants, ...errors } },
  },
  openPrivate: {
    method: 'POST',
    url: '/threads/:threadId/private',
    audience: 'askerAndAdvisors',
    example: { params: { threadId: 20 } },
    schema: {
      summary: 'Open a private conversation from a public thread (advisor, or the asker); writes a public trace',
      params: ThreadParams,
      body: OpenPrivate,
      response: { 201: PrivateWithTrace, ...errors },
    },
  },
  listPrivate: {
    method: 'GET',
    url: '/private',
    audience: 'members',
    example: { response: { items: [] } },
    schema: {
      summary: "Private conversations: the asker's own; every one for advisors",
      querystring: Type.Object({ status: Type.Optional(Type.Enum(['open', 'closed'])) }),
      response: { 200: PrivateList, ...errors },
    },
  },
  getPrivate: {
    method: 'GET',
    url: '/private/:conversationId',
    audience: 'askerAndAdvisors',
    example: { params: { conversationId: 1 } },
    schema: { summary: 'A private conversation (participants and advisors; 404 for anyone else); reading it changes nothing (see markPrivateRead)', params: PrivateParams, response: { 200: PrivateDetail, ...errors } },
  },
  markPrivateRead: {
    method: 'PUT',
    url: '/private/:conversationId/read',
    audience: 'askerAndAdvisors',
    example: { params: { conversationId: 2 }, body: { lastMessageId: null } },
    schema: {
      summary: 'Record that I read a conversation up to a message (never goes back; idempotent); marks its notifications up to then read',
      params: PrivateParams, body: PrivateReadInput, response: { 200: PrivateReadState, ...errors },
    },
  },
  postPrivateMessage: {
    method: 'POST',
    url: '/private/:conversationId/messages',
    audience: 'askerAndAdvisors',
    example: { params: { conversationId: 3 }, body: { body: 'Bonjour' } },
    schema: { summary: 'Write in a private conversation', params: PrivateParams, body: NewPrivateMessage, response: { 201: PrivateMessage, ...errors } },
  },
  closePrivate: {
    method: 'POST',
    url: '/private/:conversationId/close',
    audience: 'advisors',
    example: { params: { conversationId: 4 }, body: { outcome: 'Réglé.' } },
    schema: {
      summary: 'Close a private conversation; its outcome is posted publicly on the thread (advisor)',
      params: PrivateParams,
      body: ClosePrivate,
      response: { 200: Type.Object({ conversation: PrivateConversation, trace: Post }), ...errors },
    },
  },
} as const;
