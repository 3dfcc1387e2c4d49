/**
 * Members' notifications (expert nudges) against the msw mocks and the real server: an
 * advisor's nudge reaches the member's list, newest first with the unread count; marking it
 * read keeps it listed but not unread; someone else's notification answers 404; guests 401.
 * Every test makes its own thread; counts are compared before and after, never to seed data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntraideError } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, useCast } from '../helpers/contract-targets.ts';

const refusedWith = (status: number, code: string) => (error: unknown) => error instanceof EntraideError && error.status === status && error.code === code;

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK notifications contract against the ${name}`, { timeout: 600_000 }, () => {
    const cast = useCast(makeTarget);
    const { clients, ids } = cast;

    /** A fresh question in community time, and the advisor asks the member to help on it. */
    const nudgedThread = async (title: string) => {
      const { thread } = await clients.newcomer.threads.create({ categoryId: cast.categoryId, title, body: 'Bonjour à tous, une question ?' });
      await clients.advisor.agent.notifyExperts(thread.id, [ids.member]);
      return thread;
    };

    it("puts an advisor's nudge in the member's notifications, newest first and unread", async () => {
      const before = await clients.member.notifications.list();
      const thread = await nudgedThread('Mon forfait ne se renouvelle pas');
      const list = await clients.member.notifications.list();
      assert.equal(list.unreadCount, before.unreadCount + 1);
      const [newest] = list.items;
      assert.equal(newest?.kind, 'expert-nudge');
      assert.deepEqual(newest?.thread, { id: thread.id, categoryId: cast.categoryId, title: 'Mon forfait ne se renouvelle pas' });
      assert.equal(newest?.by?.id, (await clients.advisor.session.get()).member!.id);
      assert.equal(newest?.readAt, null);
    });

    it('marks one read: it stays listed, leaves the unread filter, and keeps its first read time', async () => {
      const thread = await nudgedThread('La messagerie vocale ne répond plus');
      const notification = (await clients.member.notifications.list({ unread: true })).items.find((item) => item.thread?.id === thread.id)!;
      const unreadBefore = (await clients.member.notifications.list()).unreadCount;
      const read = await clients.member.notifications.markRead(notification.id);
      assert.equal(read.id, notification.id);
      assert.equal(typeof read.readAt, 'string');
      const again = await clients.member.notifications.markRead(notification.id);
      assert.equal(again.readAt, read.readAt, 'the first read time is kept');
      const unread = await clients.member.notifications.list({ unread: true });
      assert.equal(unread.unreadCount, unreadBefore - 1);
      assert.ok(!unread.items.some((item) => item.id === notification.id));
      const all = await clients.member.notifications.list({ limit: 100 });
      assert.ok(all.items.some((item) => item.id === notification.id));
    });

    it("answers 404 for someone else's notification or an unknown one, 401 for guests, 400 for a bad limit", async () => {
      const thread = await nudgedThread('Impossible de recevoir des MMS');
      const mine = (await clients.member.notifications.list()).items.find((item) => item.thread?.id === thread.id)!;
      await assert.rejects(clients.other.notifications.markRead(mine.id), refusedWith(404, 'not_found'));
      await assert.rejects(clients.other.notifications.markRead(999_999), refusedWith(404, 'not_found'));
      await assert.rejects(clients.guest.notifications.list(), refusedWith(401, 'unauthorized'));
      await assert.rejects(clients.member.notifications.list({ limit: 101 }), refusedWith(400, 'validation_failed'));
      assert.equal((await clients.member.notifications.list()).items.find((item) => item.id === mine.id)?.readAt, null, 'still unread for its owner');
    });
  });
}
