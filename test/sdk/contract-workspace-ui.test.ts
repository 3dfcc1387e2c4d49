/**
 * The workspace routes the advisor console uses, against the msw mocks and the real server:
 * the weekly plan behind "my categories now", and expert nudges. Every test makes its own
 * threads and plans; none depends on seed ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { castOf, CONTRACT_TARGETS, type ContractRole, type ContractTarget } from '../helpers/contract-targets.ts';

const refusedWith = (status: number, code: string) => (error: unknown) => error instanceof EntraideError && error.status === status && error.code === code;

/** Every day, all day: "now" is covered whatever the community's time zone. */
const allWeek = (categoryId: number) => Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [categoryId] }));

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK workspace (console) contract against the ${name}`, () => {
    let target: ContractTarget;
    let clients: Record<ContractRole | 'guest', EntraideClient>;
    let categoryId: number;
    let memberId: number;

    before(async () => {
      target = await makeTarget();
      ({ clients, categoryId, ids: { member: memberId } } = await castOf(target));
    });
    after(() => target.close());

    const ask = async (title: string) => (await clients.newcomer.threads.create({ categoryId, title, body: 'Bonjour à tous, une question ?' })).thread;

    it("gives the advisor's plan with the categories it assigns now", async () => {
      const saved = await clients.advisor.agent.setPlan({ slots: allWeek(categoryId) });
      assert.equal(saved.slots.length, 7);
      assert.deepEqual(saved.categoryIdsNow, [categoryId]);
      const read = await clients.advisor.agent.plan();
      assert.deepEqual(read.categoryIdsNow, [categoryId]);
      assert.equal(typeof read.timeZone, 'string');
      assert.deepEqual(read.slots[0], { weekday: 0, startMinute: 0, endMinute: 1440, categoryIds: [categoryId] });
    });

    it('an empty plan assigns no category now', async () => {
      const saved = await clients.otherAdvisor.agent.setPlan({ slots: [] });
      assert.deepEqual(saved.slots, []);
      assert.deepEqual(saved.categoryIdsNow, []);
    });

    it('refuses overlapping slots and unknown categories (400), members and moderators (403), guests (401)', async () => {
      const overlapping = [{ weekday: 1, startMinute: 540, endMinute: 720, categoryIds: [categoryId] }, { weekday: 1, startMinute: 600, endMinute: 800, categoryIds: [categoryId] }];
      await assert.rejects(clients.advisor.agent.setPlan({ slots: overlapping }), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.advisor.agent.setPlan({ slots: [{ weekday: 1, startMinute: 0, endMinute: 60, categoryIds: [987654] }] }), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.member.agent.plan(), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.moderator.agent.plan(), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.guest.agent.plan(), refusedWith(401, 'unauthorized'));
    });

    it('notifies a member once on a thread in community time, and lists the nudge', async () => {
      const thread = await ask('Ma box redémarre toute seule la nuit');
      const nudged = await clients.advisor.agent.notifyExperts(thread.id, [memberId]);
      assert.equal(nudged.threadId, thread.id);
      assert.deepEqual(nudged.items.map((nudge) => nudge.member.id), [memberId]);
      assert.equal(typeof nudged.items[0]!.by.pseudonym, 'string');
      const listed = await clients.advisor.agent.nudges(thread.id);
      assert.deepEqual(listed.items.map((nudge) => nudge.member.id), [memberId]);
      await assert.rejects(clients.advisor.agent.notifyExperts(thread.id, [memberId]), refusedWith(409, 'conflict'));
    });

    it('refuses the asker (400), members and moderators (403), and unknown threads (404)', async () => {
      const thread = await ask('Le Wi-Fi coupe toutes les dix minutes');
      const askerId = (await clients.newcomer.session.get()).member!.id;
      await assert.rejects(clients.advisor.agent.notifyExperts(thread.id, [askerId]), refusedWith(400, 'validation_failed'));
      await assert.rejects(clients.member.agent.notifyExperts(thread.id, [memberId]), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.moderator.agent.nudges(thread.id), refusedWith(403, 'forbidden'));
      await assert.rejects(clients.advisor.agent.notifyExperts(987654, [memberId]), refusedWith(404, 'not_found'));
    });
  });
}
