/**
 * SDK calls of the workspace area (plans, staff notes, expert nudges, notifications). Written
 * like the contract suite, on ids each side gives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

const TARGETS = CONTRACT_TARGETS;

for (const [name, makeTarget] of TARGETS) {
  describe(`SDK workspace against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let advisor: EntraideClient;
    before(async () => {
      target = await makeTarget();
      advisor = target.client('advisor');
    });
    after(() => target.close());

    const anyCategory = async () => (await advisor.community.get()).categories[0]!.id;
    const refusal = async (call: Promise<unknown>) => {
      const error = await call.then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof EntraideError);
      return error;
    };

    it('saves my weekly plan and reads it back from the team plans', async () => {
      const categoryId = await anyCategory();
      const plan = await advisor.agent.setPlan({ slots: [{ weekday: 2, startMinute: 600, endMinute: 660, categoryIds: [categoryId] }] });
      assert.deepEqual(plan.slots, [{ weekday: 2, startMinute: 600, endMinute: 660, categoryIds: [categoryId] }]);
      assert.deepEqual((await advisor.agent.plan()).slots, plan.slots);
      const team = await target.client('moderator').agent.teamPlans();
      assert.deepEqual(team.items.find((item) => item.advisor.id === plan.advisor.id)?.slots, plan.slots);
      // Wednesday 1 April 2026, 10:30 in Paris.
      const now = await advisor.agent.teamNow({ at: '2026-04-01T08:30:00.000Z' });
      assert.deepEqual(now.myCategoryIds, [categoryId]);
    });

    it('lists every advisor in the team plans, with or without a plan', async () => {
      const other = await target.client('otherAdvisor').session.get();

      const team = await target.client('moderator').agent.teamPlans();

      const row = team.items.find((item) => item.advisor.id === other.member!.id);
      assert.ok(row, 'an advisor without a plan is listed');
      assert.ok(team.items.every((item) => item.advisor.role === 'advisor'));
    });

    it('keeps staff notes for staff', async () => {
      const { thread } = await target.client('newcomer').threads.create({ categoryId: await anyCategory(), title: 'Ma ligne est suspendue', body: 'Depuis ce matin, plus rien.' });
      const note = await advisor.threads.addNote(thread.id, 'Déjà vu hier : **incident** réseau.');
      assert.match(note.bodyHtml, /<strong>incident<\/strong>/);
      assert.deepEqual((await target.client('moderator').threads.notes(thread.id)).items.map((item) => item.id), [note.id]);
      assert.equal((await refusal(target.client('newcomer').threads.notes(thread.id))).status, 403);
    });

    it('nudges an expert once, who reads and marks the notification', async () => {
      const expert = target.client('member');
      const expertId = (await expert.session.get()).member!.id;
      const { thread } = await target.client('newcomer').threads.create({ categoryId: await anyCategory(), title: 'Appels coupés en 4G', body: 'Mes appels coupent au bout de 2 minutes.' });
      const nudged = await advisor.agent.notifyExperts(thread.id, [expertId]);
      assert.deepEqual(nudged.items.map((item) => item.member.id), [expertId]);
      assert.equal((await refusal(advisor.agent.notifyExperts(thread.id, [expertId]))).status, 409);
      assert.equal((await advisor.agent.nudges(thread.id)).items.length, 1);
      const inbox = await expert.notifications.list({ unread: true });
      const notification = inbox.items.find((item) => item.thread?.id === thread.id);
      assert.ok(notification);
      assert.notEqual((await expert.notifications.markRead(notification.id)).readAt, null);
      assert.equal((await expert.notifications.list({ unread: true })).items.some((item) => item.id === notification.id), false);
    });
  });
}
