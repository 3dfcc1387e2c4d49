/**
 * How the bell lays notifications out: grouped by thread (each group where its newest item
 * falls, newest first), and where each one links. Pure, so the element stays small.
 */
import type { Notification } from '../../sdk/types.ts';
import type { Route } from '../internal/router.ts';

export interface NotificationGroup {
  /** `thread:<id>`, or `single:<id>` for a notification about no thread (an incident). */
  key: string;
  items: Notification[];
}

/** Items keep the list's order (newest first); a group sits where its first (newest) item was. */
export function groupByThread(items: readonly Notification[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const item of items) {
    const key = item.thread ? `thread:${item.thread.id}` : `single:${item.id}`;
    const group = groups.get(key) ?? { key, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Private kinds open the conversation in the inbox; the others their post (or thread). */
export function notificationRoute(item: Notification): Route | undefined {
  if (item.conversationId !== null && (item.kind === 'private-message' || item.kind === 'private-opened')) {
    return { name: 'inbox', conversationId: item.conversationId };
  }
  if (!item.thread) return undefined;
  const thread = { name: 'thread', threadId: item.thread.id, title: item.thread.title } as const;
  return item.postId !== null ? { ...thread, postId: item.postId } : thread;
}

/** The list with `item` in its place: replaced when known (a kudos batch that grew), else on top. */
export function upsert(items: readonly Notification[], item: Notification): Notification[] {
  return [item, ...items.filter((other) => other.id !== item.id)];
}
