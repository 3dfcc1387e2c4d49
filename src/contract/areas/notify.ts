/**
 * Routes of the "notify" area; merged into `routes` by ../routes.ts. The customer's loop
 * (issue 15): following or muting a thread or a category, each reader's read position per
 * thread, and the member's notifications (the bell). A `Notification` is self-contained and
 * stable: the bell, the live stream and the `notification.created` webhook carry the same JSON.
 */
import { Type, type Static } from 'typebox';
import { FOLLOW_LEVELS, FOLLOW_REASONS, NOTIFICATION_KINDS } from '../../core/index.ts';
import { errorResponses as errors, Id, Timestamp } from '../common.ts';

const MemberRef = Type.Object({ id: Id, pseudonym: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const FollowLevelSchema = Type.Enum(FOLLOW_LEVELS);

/** The reader's choice on one thread or category; `level` null = neither following nor muted. */
export const FollowState = Type.Object({
  target: Type.Enum(['thread', 'category']),
  id: Id,
  level: Nullable(FollowLevelSchema),
  /** How the follow started (`asked`, `replied`, or `chosen` with the button); null with no follow. */
  reason: Nullable(Type.Enum(FOLLOW_REASONS)),
});
export type FollowState = Static<typeof FollowState>;

export const FollowInput = Type.Object({ level: FollowLevelSchema }, { additionalProperties: false });
export type FollowInput = Static<typeof FollowInput>;

/** What the signed-in reader has of a thread: their follow (and their category's), how far they read. */
export const ThreadReading = Type.Object({
  follow: FollowState,
  categoryFollow: FollowState,
  /** The last post they read; null before their first visit. Later posts are new to them. */
  lastReadPostId: Nullable(Id),
  /** Visible posts after `lastReadPostId` (all of them before the first visit). */
  unreadCount: Type.Integer({ minimum: 0 }),
  /** Where a returning reader's thread opens: the first visible post after `lastReadPostId`; null when all is read or before the first visit (it opens at the top). */
  firstUnreadPostId: Nullable(Id),
});
export type ThreadReading = Static<typeof ThreadReading>;

export const ReadPositionInput = Type.Object({ postId: Id }, { additionalProperties: false });
export type ReadPositionInput = Static<typeof ReadPositionInput>;

export const NotificationKindSchema = Type.Enum(NOTIFICATION_KINDS);

export const Notification = Type.Object({
  id: Id,
  /** The member it is for. */
  memberId: Id,
  kind: NotificationKindSchema,
  /** The thread it is about (null for an incident without thread, or a thread gone since). */
  thread: Nullable(Type.Object({ id: Id, categoryId: Id, title: Type.String() })),
  /** The post it links to (`#/threads/<thread>#post-<post>`); null when there is none or it is no longer visible. */
  postId: Nullable(Id),
  /** Private kinds: the conversation (its messages are never in a notification). */
  conversationId: Nullable(Id),
  incident: Nullable(Type.Object({ id: Id, title: Type.String() })),
  /** Who caused it (the replier, the advisor…); for batched kudos, the latest giver. */
  by: Nullable(MemberRef),
  /** How many events it stands for: kudos on one post fold into one unread notification. */
  eventCount: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  readAt: Nullable(Timestamp),
});
export type Notification = Static<typeof Notification>;
export const NotificationList = Type.Object({ items: Type.Array(Notification), unreadCount: Type.Integer({ minimum: 0 }) });
export type NotificationList = Static<typeof NotificationList>;
export const NotificationsRead = Type.Object({ marked: Type.Integer({ minimum: 0 }), unreadCount: Type.Integer({ minimum: 0 }) });
export type NotificationsRead = Static<typeof NotificationsRead>;

const threadParams = Type.Object({ threadId: Id });
const categoryParams = Type.Object({ categoryId: Id });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 }));

export const notifyRoutes = {
  followThread: {
    method: 'PUT',
    url: '/threads/:threadId/follow',
    audience: 'members',
    example: { params: { threadId: 1 }, body: { level: 'following' } },
    schema: { summary: 'Follow (replies notify me) or mute (nothing notifies me) a thread', params: threadParams, body: FollowInput, response: { 200: FollowState, ...errors } },
  },
  unfollowThread: {
    method: 'DELETE',
    url: '/threads/:threadId/follow',
    audience: 'members',
    example: { params: { threadId: 1 } },
    schema: { summary: 'Neither follow nor mute a thread any more', params: threadParams, response: { 200: FollowState, ...errors } },
  },
  getCategoryFollow: {
    method: 'GET',
    url: '/categories/:categoryId/follow',
    audience: 'members',
    example: { params: { categoryId: 1 } },
    schema: { summary: 'Whether I follow or muted a category', params: categoryParams, response: { 200: FollowState, ...errors } },
  },
  followCategory: {
    method: 'PUT',
    url: '/categories/:categoryId/follow',
    audience: 'members',
    example: { params: { categoryId: 1 }, body: { level: 'muted' } },
    schema: { summary: 'Follow (new questions notify me) or mute (no reply or question from it notifies me) a category', params: categoryParams, body: FollowInput, response: { 200: FollowState, ...errors } },
  },
  unfollowCategory: {
    method: 'DELETE',
    url: '/categories/:categoryId/follow',
    audience: 'members',
    example: { params: { categoryId: 1 } },
    schema: { summary: 'Neither follow nor mute a category any more', params: categoryParams, response: { 200: FollowState, ...errors } },
  },
  getThreadReading: {
    method: 'GET',
    url: '/threads/:threadId/reading',
    audience: 'members',
    example: { params: { threadId: 1 } },
    schema: { summary: 'My follow of a thread and its category, and how far I read it', params: threadParams, response: { 200: ThreadReading, ...errors } },
  },
  markThreadRead: {
    method: 'PUT',
    url: '/threads/:threadId/reading',
    audience: 'members',
    example: { params: { threadId: 1 }, body: { postId: 1 } },
    schema: {
      summary: 'Record that I read the thread up to a post: never goes back; a post not in the thread changes nothing',
      params: threadParams, body: ReadPositionInput, response: { 200: ThreadReading, ...errors },
    },
  },
  listNotifications: {
    method: 'GET',
    url: '/notifications',
    audience: 'members',
    example: { response: { items: [], unreadCount: 0 } },
    schema: {
      summary: "The signed-in member's notifications, newest first (the bell groups them by thread)",
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Limit }),
      response: { 200: NotificationList, ...errors },
    },
  },
  markNotificationRead: {
    method: 'POST',
    url: '/notifications/:notificationId/read',
    audience: 'members',
    example: { params: { notificationId: 1 } },
    schema: {
      summary: 'Mark one of my notifications read (someone else’s answers 404)',
      params: Type.Object({ notificationId: Id }),
      response: { 200: Notification, ...errors },
    },
  },
  markAllNotificationsRead: {
    method: 'POST',
    url: '/notifications/read',
    audience: 'members',
    example: { response: { marked: 1, unreadCount: 0 } },
    schema: { summary: 'Mark all my notifications read', response: { 200: NotificationsRead, ...errors } },
  },
} as const;
