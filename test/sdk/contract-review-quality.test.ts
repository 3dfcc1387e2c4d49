/**
 * Contract suite for the managers' monthly quality review (`client.qualityReview`): the mocks
 * and the real server agree on the sample's shape, on who may read and score it, on bad months
 * and scores, on unknown posts, and that a saved rubric comes back with the sample.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReviewSample } from '../../src/contract/areas/review.ts';
import { reviewMonthOf } from '../../src/core/review.ts';
import { codeOf, CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

const SCORES = { accuracy: 4, clarity: 3, tone: 4, involvement: 2 };


function sampledPostIds(sample: ReviewSample): number[] {
  return sample.advisors.flatMap((entry) => entry.items.map((item) => item.post.id));
}

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`quality review contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let advisorId: number;
    let questionId: number;
    const month = reviewMonthOf(new Date());
    before(async () => {
      target = await makeTarget();
      const { categories } = await target.client().community.get();
      const { thread, post } = await target.client('newcomer').threads.create({ categoryId: categories[0]!.id, title: 'Ma box ne synchronise plus', body: 'Le voyant reste orange depuis ce matin.' });
      questionId = post.id;
      const reply = await target.client('advisor').posts.reply(thread.id, { body: 'Bonjour, pouvez-vous redémarrer la box et nous dire ce que vous voyez ?' });
      advisorId = reply.author.id;
    });
    after(() => target.close());

    it('gives managers a sample per advisor, the same on every read, with this month’s advisor replies', async () => {
      const manager = target.client('moderator');
      const first = await manager.qualityReview.sample(month);
      const second = await manager.qualityReview.sample(month);
      assert.equal(first.month, month);
      assert.equal(first.perAdvisor, 3);
      assert.deepEqual(sampledPostIds(second), sampledPostIds(first));
      const mine = first.advisors.find((entry) => entry.advisor.id === advisorId);
      assert.ok(mine, 'the advisor who replied this month is listed');
      assert.ok(mine.postCount >= 1);
      assert.equal(mine.items.length, Math.min(mine.postCount, first.perAdvisor));
      for (const item of mine.items) {
        assert.equal(item.post.author.id, advisorId);
        assert.equal(item.post.kind, 'reply');
        assert.equal(item.post.threadId, item.threadId);
        assert.equal(typeof item.threadTitle, 'string');
      }
    });

    it('refuses guests, members and advisors, and bad months', async () => {
      assert.equal(await codeOf(target.client().qualityReview.sample(month)), '401 unauthorized');
      assert.equal(await codeOf(target.client('member').qualityReview.sample(month)), '403 forbidden');
      assert.equal(await codeOf(target.client('advisor').qualityReview.sample(month)), '403 forbidden');
      assert.equal(await codeOf(target.client('moderator').qualityReview.sample('2026-13')), '400 validation_failed');
      assert.equal(await codeOf(target.client('moderator').qualityReview.sample('novembre')), '400 validation_failed');
    });

    it('saves a rubric that the sample then shows, with its average', async () => {
      const manager = target.client('moderator');
      const sample = await manager.qualityReview.sample(month);
      const postId = sample.advisors.find((entry) => entry.advisor.id === advisorId)!.items[0]!.post.id;
      const rubric = await manager.qualityReview.saveRubric(postId, { ...SCORES, comment: '  Clair et poli.  ' });
      assert.equal(rubric.postId, postId);
      assert.equal(rubric.average, 3.3);
      assert.equal(rubric.comment, 'Clair et poli.');
      const reread = await manager.qualityReview.sample(month);
      const item = reread.advisors.flatMap((entry) => entry.items).find((candidate) => candidate.post.id === postId);
      assert.deepEqual(item?.rubric, rubric);
      const replaced = await manager.qualityReview.saveRubric(postId, { accuracy: 1, clarity: 1, tone: 1, involvement: 2 });
      assert.equal(replaced.average, 1.3);
      assert.equal(replaced.comment, '');
    });

    it('refuses non-managers, bad scores, unknown posts and posts that are not advisor replies', async () => {
      const sample = await target.client('moderator').qualityReview.sample(month);
      const postId = sample.advisors.find((entry) => entry.advisor.id === advisorId)!.items[0]!.post.id;
      assert.equal(await codeOf(target.client().qualityReview.saveRubric(postId, SCORES)), '401 unauthorized');
      assert.equal(await codeOf(target.client('advisor').qualityReview.saveRubric(postId, SCORES)), '403 forbidden');
      assert.equal(await codeOf(target.client('moderator').qualityReview.saveRubric(postId, { ...SCORES, tone: 5 })), '400 validation_failed');
      assert.equal(await codeOf(target.client('moderator').qualityReview.saveRubric(999999, SCORES)), '404 not_found');
      assert.equal(await codeOf(target.client('moderator').qualityReview.saveRubric(questionId, SCORES)), '400 validation_failed');
    });
  });
}
