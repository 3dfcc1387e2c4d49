/** The "notify" area (see src/contract/areas/notify.ts): following, read positions, the member's notifications. */
import {
  changeFollow, followOf, markThreadRead, myNotifications, readAllNotifications, readNotification, threadReading,
} from '../services/following.ts';
import type { Operations } from './operation.ts';

type Names = 'followThread' | 'unfollowThread' | 'getCategoryFollow' | 'followCategory' | 'unfollowCategory' | 'getThreadReading' | 'markThreadRead'
  | 'listNotifications' | 'markNotificationRead' | 'markAllNotificationsRead';

export const notifyOperations: Operations<Names> = {
  followThread: { run: (ctx, { actor, params, body }) => changeFollow(ctx, { actor, target: { target: 'thread', id: params.threadId }, level: body.level }) },
  unfollowThread: { run: (ctx, { actor, params }) => changeFollow(ctx, { actor, target: { target: 'thread', id: params.threadId }, level: null }) },
  getCategoryFollow: { run: (ctx, { actor, params }) => followOf(ctx, { actor, target: { target: 'category', id: params.categoryId } }) },
  followCategory: { run: (ctx, { actor, params, body }) => changeFollow(ctx, { actor, target: { target: 'category', id: params.categoryId }, level: body.level }) },
  unfollowCategory: { run: (ctx, { actor, params }) => changeFollow(ctx, { actor, target: { target: 'category', id: params.categoryId }, level: null }) },
  getThreadReading: { run: (ctx, { actor, params }) => threadReading(ctx, { actor, threadId: params.threadId }) },
  markThreadRead: { run: (ctx, { actor, params, body }) => markThreadRead(ctx, { actor, threadId: params.threadId, postId: body.postId }) },
  listNotifications: { run: (ctx, { actor, query }) => myNotifications(ctx, { actor, query: { unread: query.unread ?? false, limit: query.limit ?? 50 } }) },
  markNotificationRead: { run: (ctx, { actor, params }) => readNotification(ctx, { actor, notificationId: params.notificationId }) },
  markAllNotificationsRead: { run: (ctx, { actor }) => readAllNotifications(ctx, { actor }) },
};
