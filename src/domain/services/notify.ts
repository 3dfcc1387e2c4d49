/**
 * Writing notifications (issue 15), always inside the transaction of the write that causes
 * them: the rows, then one live event per recipient carrying their notification and their new
 * unread count (delivered to that member's stream only, core `liveView`). Who gets what is
 * core's (`postRecipients`, `directRecipients`, `privateMessageRecipients`, `incidentRecipients`).
 */
import {
  directRecipients, INCIDENT_FANOUT_LIMIT, incidentRecipients, mentionedNames, postRecipients, privateMessageRecipients, type NotificationKind, type Recipient,
} from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import type { CommunityContext } from '../repo/community.ts';
import { publishEvent } from '../repo/events.ts';
import {
  advanceReadPosition, autoFollowThread, categoryAudience, conversationAdvisors, countUnread, incidentCandidates, insertNotifications, membersByPseudonyms,
  notificationsByIds, takeKudosFromBatch, threadAudience, type NotificationSubject,
} from '../repo/notify.ts';

/** Writes the notifications and sends each recipient theirs live, with their unread count. */
export async function notify(tx: Queryable, community: CommunityContext, recipients: readonly Recipient[], about: NotificationSubject): Promise<void> {
  await announceNotifications(tx, community, await insertNotifications(tx, recipients, about));
}

/** Sends each notification of `ids` live to its member, with their unread count. */
export async function announceNotifications(tx: Queryable, community: CommunityContext, ids: readonly number[]): Promise<void> {
  for (const notification of await notificationsByIds(tx, ids)) {
    const unreadCount = await countUnread(tx, notification.memberId);
    await publishEvent(tx, community.id, { type: 'notification', threadId: null, categoryId: null, memberId: notification.memberId, unreadCount, notification });
  }
}

/** Tells a member's other open pages that their unread count changed (marked read here). */
export async function announceUnread(tx: Queryable, community: CommunityContext, memberId: number): Promise<void> {
  const unreadCount = await countUnread(tx, memberId);
  await publishEvent(tx, community.id, { type: 'notification', threadId: null, categoryId: null, memberId, unreadCount, notification: null });
}

interface NewPost {
  thread: { id: number; categoryId: number };
  post: { id: number; authorId: number; markdown: string };
}

/** A new question: the asker follows it; followers of its category and @mentioned members are told. */
export async function notifyNewThread(tx: Queryable, community: CommunityContext, { thread, post }: NewPost): Promise<void> {
  await autoFollowThread(tx, post.authorId, thread.id, 'asked');
  await advanceReadPosition(tx, post.authorId, thread.id, post.id);
  const audience = await categoryAudience(tx, thread.categoryId);
  const mentioned = await membersByPseudonyms(tx, community, mentionedNames(post.markdown));
  const recipients = postRecipients({ actorId: post.authorId, kind: 'new-thread', ...audience, mentioned });
  await notify(tx, community, recipients, { threadId: thread.id, postId: post.id, actorId: post.authorId });
}

/**
 * A new reply (or an advisor's confirmation): followers and @mentioned members are told; the
 * replier follows the thread (their preference) and has read up to their own post. `skip` are
 * members told otherwise of the same post (credited authors of a confirmation).
 */
export async function notifyReply(tx: Queryable, community: CommunityContext, { thread, post }: NewPost, skip: readonly number[] = []): Promise<void> {
  const audience = await threadAudience(tx, thread.id, thread.categoryId);
  const mentioned = await membersByPseudonyms(tx, community, mentionedNames(post.markdown));
  const recipients = postRecipients({ actorId: post.authorId, kind: 'reply', ...audience, mentioned }).filter((r) => !skip.includes(r.memberId));
  await notify(tx, community, recipients, { threadId: thread.id, postId: post.id, actorId: post.authorId });
  await autoFollowThread(tx, post.authorId, thread.id, 'replied');
  await advanceReadPosition(tx, post.authorId, thread.id, post.id);
}

/** One event about some members' own post or thread (accepted, confirmed, kudos, taken private). */
export async function notifyMembers(
  tx: Queryable, community: CommunityContext, kind: NotificationKind, memberIds: readonly number[], about: NotificationSubject & { actorId: number },
): Promise<void> {
  await notify(tx, community, directRecipients(kind, about.actorId, memberIds), about);
}

/**
 * A kudos taken back: the author's unread batch counts one less (gone at zero), and their bell
 * follows live. Taken back before the e-mail outbox's delay, it is never sent.
 */
export async function unnotifyKudos(
  tx: Queryable, community: CommunityContext, authorId: number, about: { postId: number; actorId: number }, givenAt: string,
): Promise<void> {
  if (authorId === about.actorId) return;
  const batch = await takeKudosFromBatch(tx, authorId, about.postId, givenAt);
  if (!batch) return;
  if (batch.removed) await announceUnread(tx, community, authorId);
  else await announceNotifications(tx, community, [batch.id]);
}

/** A private message: the other side of the conversation is told (never what it says). */
export async function notifyPrivateMessage(tx: Queryable, community: CommunityContext, conversationId: number, actorId: number): Promise<void> {
  const conversation = await conversationAdvisors(tx, conversationId);
  if (!conversation) return;
  const recipients = privateMessageRecipients({ actorId, askerId: conversation.askerId, advisorIds: conversation.advisorIds });
  await notify(tx, community, recipients, { threadId: conversation.threadId, conversationId, actorId });
}

/** An incident declared or updated: the members it concerns in its region, bounded. */
export async function notifyIncident(
  tx: Queryable, community: CommunityContext, incident: { id: number; categoryId: number | null; region: string | null }, actorId: number,
): Promise<void> {
  const candidates = await incidentCandidates(tx, community, incident, INCIDENT_FANOUT_LIMIT * 4);
  await notify(tx, community, incidentRecipients({ actorId, region: incident.region }, candidates), { incidentId: incident.id, actorId });
}
