/**
 * Mocks of the members' notification routes (src/contract/areas/workspace.ts): expert nudges
 * land here (workspace-console.ts adds one per member asked). Copied from the server's
 * `routes/areas/workspace.ts` and `repo/workspace.ts`: query validation first, 401 for guests,
 * newest first with the unread count, and someone else's notification answers 404 like a
 * missing one (its existence is not revealed). The first read time is kept.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import { guardian } from '../../core/index.ts';
import type { Notification, NotificationList } from '../../contract/areas/workspace.ts';
import { param, positiveInt, query, type MockContext } from '../http.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { boundedInt, requireRole } from './advisor.ts';

interface NotificationRecord {
  id: number;
  memberId: number;
  threadId: number;
  byId: number;
  createdAt: string;
  readAt: string | null;
}

/** The notifications of one mocked community. */
export class NotificationsState {
  readonly #store: MockStore;
  readonly #records: NotificationRecord[] = [];

  constructor(store: MockStore) {
    this.#store = store;
  }

  /** An advisor asked `memberId` to help on a thread (an expert nudge). */
  addExpertNudge(memberId: number, threadId: number, byId: number): void {
    this.#records.push({ id: this.#records.length + 1, memberId, threadId, byId, createdAt: this.#store.now().toISOString(), readAt: null });
  }

  list(memberId: number, options: { unread: boolean; limit: number }): NotificationList {
    const mine = this.#records.filter((record) => record.memberId === memberId);
    const items = mine
      .filter((record) => !options.unread || record.readAt === null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .slice(0, options.limit)
      .map((record) => this.#view(record));
    return { items, unreadCount: mine.filter((record) => record.readAt === null).length };
  }

  markRead(memberId: number, notificationId: number): Notification {
    const record = this.#records.find((candidate) => candidate.id === notificationId && candidate.memberId === memberId);
    if (!record) throw new MockApiError(404, 'not_found', `Notification ${notificationId} does not exist.`);
    record.readAt ??= this.#store.now().toISOString();
    return this.#view(record);
  }

  #view(record: NotificationRecord): Notification {
    const thread = this.#store.summary(record.threadId);
    const by = this.#store.memberRecord(record.byId);
    return {
      id: record.id,
      kind: 'expert-nudge',
      thread: { id: thread.id, categoryId: thread.categoryId, title: thread.title },
      by: { id: by.id, pseudonym: by.pseudonym },
      createdAt: record.createdAt,
      readAt: record.readAt,
    };
  }
}

const states = new WeakMap<MockStore, NotificationsState>();

export function notificationsOf(store: MockStore): NotificationsState {
  let state = states.get(store);
  if (!state) states.set(store, (state = new NotificationsState(store)));
  return state;
}

/** Fastify coerces the `unread` boolean of the querystring; anything else is refused. */
function unreadParam(value: string | null): boolean {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw new MockApiError(400, 'validation_failed', 'unread must be boolean.', [{ in: 'querystring', path: '/unread', message: 'must be boolean' }]);
}

/** Routes `listNotifications` and `markNotificationRead`. */
export function notificationsHandlers({ store, route }: MockContext): HttpHandler[] {
  const state = notificationsOf(store);
  const what = 'signed-in members have notifications';
  return [
    route('listNotifications', ({ request }) => {
      const q = query(request);
      const unread = unreadParam(q.get('unread'));
      const limit = boundedInt(q.get('limit'), 'limit', 1, 100, 50)!;
      const member = requireRole(store, request, (actor) => guardian(actor).workspace.canReadNotifications(), what);
      return HttpResponse.json(state.list(member.memberId, { unread, limit }));
    }),
    route('markNotificationRead', ({ request, params }) => {
      const notificationId = positiveInt(param(params.notificationId), 'notificationId');
      const member = requireRole(store, request, (actor) => guardian(actor).workspace.canReadNotifications(), what);
      return HttpResponse.json(state.markRead(member.memberId, notificationId));
    }),
  ];
}
