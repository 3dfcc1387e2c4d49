/**
 * The workspace routes the advisor console uses, against the msw mocks and the real server:
 * the weekly plan behind "my categories now", and expert nudges. Every test makes its own
 * threads and plans; none depends on seed ids.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntraideError } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, useCast } from '../helpers/contract-targets.ts';

const refusedWith = (status: number, code: string) => (error: unknown) => error instanceof EntraideError && error.status === status && error.code === code;

/** Every day, all day: "now" is covered whatever the community's time zone. */
const allWeek = (categoryId: number) => Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [categoryId] }));

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK workspace (console) contract against the ${name}`, { timeout: 600_000 }, () => {
    const cast = useCast(makeTarget);
    const { clients, ids } = cast;

    const ask = async (title: string) => (await clients.newcomer.threads.create({ categoryId: cast.categoryId, title, body: 'Bonjour à tous, une question ?' })).thread;

    it("gives the advisor's plan with the categories it assigns now", async () => {
      const saved = await clients.advisor.agent.setPlan({ slots: allWeek(cast.categoryId) });
      assert.equal(saved.slots.length, 7);
      assert.deepEqual(saved.categoryIdsNow, [cast.categoryId]);
      const read = await clients.advisor.agent.plan();
      assert.deepEqual(read.categoryIdsNow, [cast.categoryId]);
      assert.equal(typeof read.timeZone, 'string');
      assert.deepEqual(read.slots[0], { weekday: 0, startMinute: 0, endMinute: 1440, categoryIds: [cast.categoryId] });
    });

    it('an empty plan assigns no category now', async () => {
      const saved = await clients.otherAdvisor.agent.setPlan({ slots: [] });
      assert.deepEqual(saved.slots, []);
      assert.deepEqual(saved.categoryIdsNow, []);
    });

    it('refuses overlapping slots and unknown categories (400), members and moderators (403), guests (401)', async () => {
      const overlapping = [{ weekday: 1, startMinute: 540, endMinute: 720, categoryIds: [cast.categoryId] }, { weekday: 1, startMinute: 600, endMinute: 800, categoryIds: [cast.categoryId] }];
      await assert.rejects(clients.advisor.agent.setPlan({ slots: overlapping }), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.advisor.agent.setPlan({ slots: [{ weekday: 1, startMinute: 0, endMinute: 60, categoryIds: [987654] }] }), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.member.agent.plan(), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.moderator.agent.plan(), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.guest.agent.plan(), refusedWith(401, 'unauthorized'));
    });

    it('notifies a member once on a thread in community time, and lists the nudge', async () => {
      const thread = await ask('Ma box redémarre toute seule la nuit');
      const nudged = await clients.advisor.agent.notifyExperts(thread.id, [ids.member]);
      assert.equal(nudged.threadId, thread.id);
      assert.deepEqual(nudged.items.map((nudge) => nudge.member.id), [ids.member]);
      assert.equal(typeof nudged.items[0]!.by.pseudonym, 'string');
      const listed = await clients.advisor.agent.nudges(thread.id);
      assert.deepEqual(listed.items.map((nudge) => nudge.member.id), [ids.member]);
      await assert.rejects(clients.advisor.agent.notifyExperts(thread.id, [ids.member]), refusedWith(409, 'conflict'));
    });

    it('refuses the asker (400), members and moderators (403), and unknown threads (404)', async () => {
      const thread = await ask('Le Wi-Fi coupe toutes les dix minutes');
      const askerId = (await clients.newcomer.session.get()).member!.id;
      await assert.rejects(clients.advisor.agent.notifyExperts(thread.id, [askerId]), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.member.agent.notifyExperts(thread.id, [ids.member]), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.moderator.agent.nudges(thread.id), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.advisor.agent.notifyExperts(987654, [ids.member]), refusedWith(404, 'not_found'));
    });
  });
}
