/**
 * The default ladder's thresholds as literal numbers: a test generated from DEFAULT_RANK_LADDER
 * itself follows any change to it, so a changed threshold would pass unseen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRank, DEFAULT_RANK_LADDER, rankScore } from '../../src/core/index.ts';

/** [level, name, score, days]: the published ladder, written out by hand. */
const PUBLISHED: Array<[number, string, number, number]> = [
  [1, 'Newcomer', 0, 0],
  [2, 'Visitor', 5, 0],
  [3, 'Regular', 15, 1],
  [4, 'Contributor', 30, 3],
  [5, 'Active contributor', 60, 7],
  [6, 'Helper', 100, 14],
  [7, 'Trusted helper', 175, 21],
  [8, 'Advanced', 300, 30],
  [9, 'Expert', 500, 45],
  [10, 'Senior expert', 800, 60],
  [11, 'Guide', 1200, 90],
  [12, 'Senior guide', 2000, 120],
  [13, 'Mentor', 3500, 150],
  [14, 'Legend', 6000, 180],
  [15, 'Super legend', 10000, 240],
];

/** A member whose score is exactly `score` (posts weigh 1). */
const withScore = (score: number, days: number) => ({ posts: score, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: days });

describe('the default rank ladder', () => {
  it('has the fifteen published steps', () => {
    assert.deepEqual(
      DEFAULT_RANK_LADDER.steps.map((step, index) => [index + 1, step.name, step.minScore, step.minDays]),
      PUBLISHED,
    );
  });

  it('weighs a post 1, an accepted or confirmed answer 10 and a kudos 2', () => {
    assert.equal(rankScore({ posts: 1, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 0 }), 1);
    assert.equal(rankScore({ posts: 0, acceptedAnswers: 1, kudosReceived: 0, daysSinceJoining: 0 }), 10);
    assert.equal(rankScore({ posts: 0, acceptedAnswers: 0, kudosReceived: 1, daysSinceJoining: 0 }), 2);
    assert.equal(rankScore({ posts: 0, acceptedAnswers: 0, kudosReceived: 0, confirmedAnswers: 1, daysSinceJoining: 0 }), 10);
    assert.equal(rankScore({ posts: 3, acceptedAnswers: 2, kudosReceived: 4, confirmedAnswers: 1, daysSinceJoining: 0 }), 3 + 20 + 8 + 10);
  });

  for (const [level, name, score, days] of PUBLISHED.slice(1)) {
    it(`reaches ${name} at exactly ${score} points and ${days} days, not one short of either`, () => {
      assert.deepEqual(computeRank(withScore(score, days)), { level, name });
      assert.equal(computeRank(withScore(score - 1, days)).level, level - 1, 'one point short');
      if (days > 0) assert.ok(computeRank(withScore(score, days - 1)).level < level, 'one day short');
    });
  }

  it('keeps Helper (100 points, 14 days) from a member with 119 points and 13 days', () => {
    assert.equal(computeRank(withScore(119, 13)).name, 'Active contributor');
    assert.equal(computeRank(withScore(100, 14)).name, 'Helper');
    assert.equal(computeRank(withScore(119, 14)).name, 'Helper');
  });
});
