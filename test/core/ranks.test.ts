import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRank, DEFAULT_RANK_LADDER, ladderProblems, rankProgress, rankScore, daysBetween, type RankLadder } from '../../src/core/ranks.ts';

const idle = { posts: 0, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 0 };

describe('rank ladder', () => {
  it('has fifteen valid default steps', () => {
    assert.equal(DEFAULT_RANK_LADDER.steps.length, 15);
    assert.deepEqual(ladderProblems(DEFAULT_RANK_LADDER), []);
  });

  it('weighs posts, accepted answers and kudos', () => {
    assert.equal(rankScore({ posts: 3, acceptedAnswers: 2, kudosReceived: 5, daysSinceJoining: 0 }), 3 + 20 + 10);
    assert.equal(rankScore({ posts: 3, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 0 }, { post: 4, acceptedAnswer: 0, kudos: 0 }), 12);
  });

  describe('at every boundary of the default ladder', () => {
    DEFAULT_RANK_LADDER.steps.forEach((step, index) => {
      const level = index + 1;
      if (level === 1) {
        it('level 1 needs nothing', () => assert.deepEqual(computeRank(idle), { level: 1, name: step.name }));
        return;
      }
      it(`level ${level} (${step.name}) starts exactly at score ${step.minScore} and ${step.minDays} days`, () => {
        const atBoundary = { ...idle, posts: step.minScore, daysSinceJoining: step.minDays };
        assert.deepEqual(computeRank(atBoundary), { level, name: step.name });
      });
      it(`level ${level} is not reached one point short`, () => {
        assert.equal(computeRank({ ...idle, posts: step.minScore - 1, daysSinceJoining: step.minDays }).level, level - 1);
      });
      it(`level ${level} is not reached one day short`, () => {
        assert.ok(computeRank({ ...idle, posts: step.minScore, daysSinceJoining: step.minDays - 1 }).level < level);
      });
    });
  });

  it('tops out at the last step', () => {
    assert.equal(computeRank({ ...idle, posts: 1_000_000, daysSinceJoining: 10_000 }).level, 15);
  });

  it('follows a community ladder with its own names, weights and thresholds', () => {
    const ladder: RankLadder = {
      weights: { post: 1, acceptedAnswer: 100, kudos: 0 },
      steps: [
        { name: 'Voltien', minScore: 0, minDays: 0 },
        { name: 'Super Voltien', minScore: 100, minDays: 0 },
      ],
    };
    assert.deepEqual(computeRank({ ...idle, acceptedAnswers: 1 }, ladder), { level: 2, name: 'Super Voltien' });
    assert.deepEqual(computeRank({ ...idle, kudosReceived: 500 }, ladder), { level: 1, name: 'Voltien' });
  });

  it('reports unusable ladders', () => {
    assert.deepEqual(ladderProblems({ weights: DEFAULT_RANK_LADDER.weights, steps: [] }), ['the ladder has no step']);
    const decreasing = ladderProblems({
      weights: DEFAULT_RANK_LADDER.weights,
      steps: [{ name: 'a', minScore: 0, minDays: 0 }, { name: 'b', minScore: 10, minDays: 0 }, { name: 'c', minScore: 5, minDays: 0 }],
    });
    assert.deepEqual(decreasing, ['level 3 needs less than level 2']);
    const steps = (...needs: Array<[number, number]>) => ({ weights: DEFAULT_RANK_LADDER.weights, steps: needs.map(([minScore, minDays], i) => ({ name: `r${i}`, minScore, minDays })) });
    assert.deepEqual(ladderProblems(steps([0, 0], [10, 5], [10, 5])), []);
    assert.deepEqual(ladderProblems(steps([0, 0], [10, 5], [20, 4])), ['level 3 needs less than level 2']);
    assert.deepEqual(ladderProblems(steps([0, 1])), ['level 1 must need a score of 0 and 0 days']);
    assert.deepEqual(ladderProblems({ weights: DEFAULT_RANK_LADDER.weights, steps: [{ name: ' ', minScore: 1, minDays: 0 }] }), [
      'level 1 must need a score of 0 and 0 days',
      'level 1 has no name',
    ]);
  });

  it('counts whole days since joining, never negative', () => {
    assert.equal(daysBetween(new Date('2026-01-01T10:00Z'), new Date('2026-01-03T09:59Z')), 1);
    assert.equal(daysBetween(new Date('2026-01-03T00:00Z'), new Date('2026-01-01T00:00Z')), 0);
  });
});

describe('rankProgress (the public criteria of the next status)', () => {
  const ladder = {
    weights: { post: 1, acceptedAnswer: 10, kudos: 2 },
    steps: [
      { name: 'Newcomer', minScore: 0, minDays: 0 },
      { name: 'Regular', names: { fr: 'Habitué', en: 'Regular' }, minScore: 15, minDays: 1 },
      { name: 'Guide', minScore: 100, minDays: 30 },
    ],
  };

  it('names the step above the member’s own, with its thresholds, the score and the seniority', () => {
    const progress = rankProgress({ posts: 3, acceptedAnswers: 1, kudosReceived: 0, daysSinceJoining: 0 }, ladder);
    assert.equal(progress.score, 13);
    assert.equal(progress.daysSinceJoining, 0);
    assert.deepEqual(progress.next, { level: 2, name: 'Regular', names: { fr: 'Habitué', en: 'Regular' }, minScore: 15, minDays: 1 });
  });

  it('waits on seniority when the score is already there', () => {
    const progress = rankProgress({ posts: 50, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 0 }, ladder);
    assert.equal(progress.next?.level, 2, 'still level 1: the day is missing');
  });

  it('has no next step on the top step', () => {
    assert.equal(rankProgress({ posts: 500, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 40 }, ladder).next, null);
  });

  it('spells out a confirmed answer’s weight, like an accepted one when the ladder predates it', () => {
    const progress = rankProgress({ posts: 0, acceptedAnswers: 0, kudosReceived: 0, daysSinceJoining: 0 }, ladder);
    assert.deepEqual(progress.weights, { post: 1, acceptedAnswer: 10, kudos: 2, confirmedAnswer: 10 });
  });
});
