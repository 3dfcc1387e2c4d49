import type { FollowLevel } from '../../core/notifications.ts';
import type { Http, RequestOptions } from '../http.ts';
import {
  followCategory, followThread, getCategoryFollow, getThreadReading, listNotifications, markAllNotificationsRead, markNotificationRead, markThreadRead,
  unfollowCategory, unfollowThread,
} from '../routes/index.ts';

/** The signed-in member's follows, mutes and read positions (issue 15). */
export const followingResource = (http: Http) => ({
  /** Follow (`following`: replies notify me) or mute (`muted`: nothing from it notifies me) a thread; `null` clears the choice. */
  thread: (threadId: number, level: FollowLevel | null, request: RequestOptions = {}) =>
    level === null ? http.call(unfollowThread, { params: { threadId } }, request) : http.call(followThread, { params: { threadId }, body: { level } }, request),
  /** Follow (new questions notify me) or mute a category; `null` clears the choice. */
  category: (categoryId: number, level: FollowLevel | null, request: RequestOptions = {}) =>
    level === null ? http.call(unfollowCategory, { params: { categoryId } }, request) : http.call(followCategory, { params: { categoryId }, body: { level } }, request),
  /** My follow of a category. */
  categoryState: (categoryId: number, request: RequestOptions = {}) => http.call(getCategoryFollow, { params: { categoryId } }, request),
  /** My follow of a thread and its category, and how far I read it. */
  reading: (threadId: number, request: RequestOptions = {}) => http.call(getThreadReading, { params: { threadId } }, request),
  /** Records that I read the thread up to `postId` (never goes back). */
  markRead: (threadId: number, postId: number, request: RequestOptions = {}) => http.call(markThreadRead, { params: { threadId }, body: { postId } }, request),
});

/** The signed-in member's notifications: every kind of issue 15, newest first. */
export const notificationsResource = (http: Http) => ({
  list: (query: { unread?: boolean; limit?: number } = {}, request: RequestOptions = {}) => http.call(listNotifications, { query }, request),
  markRead: (notificationId: number, request: RequestOptions = {}) => http.call(markNotificationRead, { params: { notificationId } }, request),
  markAllRead: (request: RequestOptions = {}) => http.call(markAllNotificationsRead, {}, request),
});
