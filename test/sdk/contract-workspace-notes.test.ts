/**
 * Contract suite for the staff notes of a thread (`client.threads.notes` / `addNote`): the
 * mocks (the domain's msw adapter) and the real server answer the same.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof EntraideError, `expected an EntraideError, got ${String(error)}`);
    return { status: error.status, code: error.code };
  }
  throw new assert.AssertionError({ message: 'the call was expected to be refused' });
}

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`staff notes contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let advisor: EntraideClient;
    let threadId: number;
    before(async () => {
      target = await makeTarget();
      advisor = target.client('advisor');
      const { categories } = await advisor.community.get();
      const created = await target.client('newcomer').threads.create({ categoryId: categories[0]!.id, title: 'Box qui redémarre la nuit', body: 'Ma box redémarre toutes les nuits vers 3 h.' });
      threadId = created.thread.id;
    });
    after(() => target.close());

    it('starts empty, adds a note rendered from markdown, lists it oldest first', async () => {
      assert.deepEqual((await advisor.threads.notes(threadId)).items, []);
      const first = await advisor.threads.addNote(threadId, 'Client **prioritaire** <script>alert(1)</script>');
      await target.client('moderator').threads.addNote(threadId, 'Second note');
      assert.equal(first.threadId, threadId);
      assert.match(first.bodyHtml, /<strong>prioritaire<\/strong>/);
      assert.doesNotMatch(first.bodyHtml, /<script/);
      const { items } = await advisor.threads.notes(threadId);
      assert.deepEqual(items.map((note) => note.id), [first.id, items[1]!.id]);
      assert.equal(items[1]!.author.role, 'moderator');
    });

    it('refuses members (403) and guests (401) before looking at the thread', async () => {
      assert.deepEqual(await refusal(target.client('member').threads.notes(threadId)), { status: 403, code: 'forbidden' });
      assert.deepEqual(await refusal(target.client('member').threads.addNote(999999, 'Hello there')), { status: 403, code: 'forbidden' });
      assert.deepEqual(await refusal(target.client().threads.notes(threadId)), { status: 401, code: 'unauthorized' });
    });

    it('answers 404 for an unknown thread and 400 for a blank note', async () => {
      assert.deepEqual(await refusal(advisor.threads.notes(999999)), { status: 404, code: 'not_found' });
      assert.deepEqual(await refusal(advisor.threads.addNote(threadId, '   ')), { status: 400, code: 'validation_failed' });
    });
  });
}
