/**
 * Contract suite for what the advisor tools use of the review area: back-office hand-offs
 * (`client.handoffs`). The mocks answer as if the brand's webhook were configured; the test
 * server has none, so only what does not depend on the webhook is compared here: who may call,
 * unknown threads, blank reasons and the (empty) list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codeOf, CONTRACT_TARGETS, mockTarget, type ContractTarget } from '../helpers/contract-targets.ts';


for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`hand-off contract (advisor tools) against the ${name}`, () => {
    let target: ContractTarget;
    let threadId: number;
    before(async () => {
      target = await makeTarget();
      const { categories } = await target.client().community.get();
      const { thread } = await target.client('newcomer').threads.create({ categoryId: categories[0]!.id, title: 'Facture en double ce mois', body: 'J’ai été prélevé deux fois.' });
      threadId = thread.id;
    });
    after(() => target.close());

    it('lets only advisors hand off, and staff list the cases', async () => {
      assert.equal(await codeOf(target.client().handoffs.create(threadId, { reason: 'Remboursement' })), '401 unauthorized');
      assert.equal(await codeOf(target.client('member').handoffs.create(threadId, { reason: 'Remboursement' })), '403 forbidden');
      assert.equal(await codeOf(target.client('moderator').handoffs.create(threadId, { reason: 'Remboursement' })), '403 forbidden');
      assert.equal(await codeOf(target.client('member').handoffs.list(threadId)), '403 forbidden');
      assert.deepEqual(await target.client('moderator').handoffs.list(threadId), { items: [] });
    });

    it('answers 404 for an unknown thread and 400 for a blank reason', async () => {
      assert.equal(await codeOf(target.client('advisor').handoffs.create(999999, { reason: 'Remboursement' })), '404 not_found');
      assert.equal(await codeOf(target.client('advisor').handoffs.create(threadId, { reason: '   ' })), '400 validation_failed');
      assert.equal(await codeOf(target.client('advisor').handoffs.list(999999)), '404 not_found');
    });
  });
}

describe('hand-offs in the mocks (a configured back office that opens the case at once)', { timeout: 600_000 }, () => {
  let target: ContractTarget;
  before(async () => {
    target = await mockTarget();
  });
  after(() => target.close());

  it('returns a fake case reference, leaves a public trace and an audit entry, refuses archived threads', async () => {
    const { categories } = await target.client().community.get();
    const { thread } = await target.client('newcomer').threads.create({ categoryId: categories[0]!.id, title: 'Remboursement attendu', body: 'Toujours pas remboursé.' });
    const advisor = target.client('advisor');

    const { handoff, trace } = await advisor.handoffs.create(thread.id, { reason: '  Remboursement  ' });

    assert.match(handoff.reference, /^BO-\d{6}$/);
    assert.equal(handoff.reason, 'Remboursement');
    assert.equal(trace.kind, 'trace');
    assert.equal(handoff.tracePostId, trace.id);
    assert.deepEqual((await advisor.handoffs.list(thread.id)).items.map((h) => h.reference), [handoff.reference]);
    const audit = await advisor.audit.list({ targetType: 'thread', targetId: thread.id });
    assert.deepEqual(audit.items.map((entry) => [entry.action, entry.after]), [['thread.handoff', { reference: handoff.reference }]]);
    await advisor.threads.archive(thread.id);
    assert.equal(await codeOf(advisor.handoffs.create(thread.id, { reason: 'Encore' })), '409 conflict');
  });
});
