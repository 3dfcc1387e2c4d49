/**
 * Following and muting threads and categories, read positions, and the member's own
 * notifications (issue 15). Reads and writes of the signed-in member's own state only.
 */
import type { FollowLevel } from '../../core/index.ts';
import { guardian, type Actor } from '../../core/index.ts';
import type { FollowState, Notification, NotificationList, NotificationsRead, ThreadReading } from '../../contract/areas/notify.ts';
import type { ServiceContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { notFound } from '../errors.ts';
import { categoryExists, type CommunityContext } from '../repo/community.ts';
import {
  advanceReadPosition, clearFollow, findFollow, listNotifications, markAllNotificationsRead, markNotificationRead, readingOf, setFollow,
} from '../repo/notify.ts';
import { findThreadRow } from '../repo/threads.ts';
import { announceUnread } from './notify.ts';

type Target = { target: 'thread' | 'category'; id: number };

async function ensureTarget(db: Queryable, community: CommunityContext, { target, id }: Target): Promise<void> {
  const exists = target === 'thread' ? Boolean(await findThreadRow(db, community, id)) : await categoryExists(db, community, id);
  if (!exists) throw notFound(`${target === 'thread' ? 'Thread' : 'Category'} ${id}`);
}

/** Follows or mutes (`level`), or clears the choice (`null`); answers the state now. */
export async function changeFollow({ db, community }: ServiceContext, { actor, target, level }: { actor: Actor; target: Target; level: FollowLevel | null }): Promise<FollowState> {
  const member = guardian(actor).workspace.ensureFollow();
  await ensureTarget(db, community, target);
  return db.transaction(async (tx) => {
    if (level === null) await clearFollow(tx, member.memberId, target.target, target.id);
    else await setFollow(tx, member.memberId, target.target, target.id, level);
    return findFollow(tx, member.memberId, target.target, target.id);
  });
}

export async function followOf({ db, community }: ServiceContext, { actor, target }: { actor: Actor; target: Target }): Promise<FollowState> {
  const member = guardian(actor).workspace.ensureFollow();
  await ensureTarget(db, community, target);
  return findFollow(db, member.memberId, target.target, target.id);
}

async function threadOf(db: Queryable, community: CommunityContext, threadId: number): Promise<{ id: number; categoryId: number }> {
  const row = await findThreadRow(db, community, threadId);
  if (!row) throw notFound(`Thread ${threadId}`);
  return { id: row.id, categoryId: row.category_id };
}

export async function threadReading({ db, community }: ServiceContext, { actor, threadId }: { actor: Actor; threadId: number }): Promise<ThreadReading> {
  const member = guardian(actor).workspace.ensureFollow();
  return readingOf(db, member.memberId, await threadOf(db, community, threadId));
}

/** Moves the read position forward; a post not (visibly) in the thread, or behind it, changes nothing. */
export async function markThreadRead(
  { db, community }: ServiceContext, { actor, threadId, postId }: { actor: Actor; threadId: number; postId: number },
): Promise<ThreadReading> {
  const member = guardian(actor).workspace.ensureFollow();
  const thread = await threadOf(db, community, threadId);
  return db.transaction(async (tx) => {
    await advanceReadPosition(tx, member.memberId, thread.id, postId);
    return readingOf(tx, member.memberId, thread);
  });
}

/** The signed-in member's own notifications, newest first. */
export async function myNotifications({ db }: Pick<ServiceContext, 'db'>, { actor, query }: { actor: Actor; query: { unread: boolean; limit: number } }): Promise<NotificationList> {
  const member = guardian(actor).workspace.ensureReadNotifications();
  return listNotifications(db, member.memberId, query);
}

/** Marks one of the member's notifications read; someone else's answers like a missing one (its existence is not revealed). */
export async function readNotification({ db, community }: ServiceContext, { actor, notificationId }: { actor: Actor; notificationId: number }): Promise<Notification> {
  const member = guardian(actor).workspace.ensureReadNotifications();
  return db.transaction(async (tx) => {
    const notification = await markNotificationRead(tx, member.memberId, notificationId);
    if (!notification) throw notFound(`Notification ${notificationId}`);
    await announceUnread(tx, community, member.memberId);
    return notification;
  });
}

export async function readAllNotifications({ db, community }: ServiceContext, { actor }: { actor: Actor }): Promise<NotificationsRead> {
  const member = guardian(actor).workspace.ensureReadNotifications();
  return db.transaction(async (tx) => {
    const marked = await markAllNotificationsRead(tx, member.memberId);
    if (marked) await announceUnread(tx, community, member.memberId);
    return { marked, unreadCount: 0 };
  });
}
