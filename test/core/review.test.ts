import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  draftCredits, draftPublishing, parseReviewMonth, pickReviewSample, REVIEW_SAMPLE_SIZE, reviewMonthOf, rubricAverage, rubricProblems,
} from '../../src/core/review.ts';

describe('parseReviewMonth', () => {
  it('gives the UTC bounds of a month, the end exclusive', () => {
    const range = parseReviewMonth('2026-12');
    assert.equal(range?.start.toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(range?.end.toISOString(), '2027-01-01T00:00:00.000Z');
  });

  it('refuses what is not a real month', () => {
    for (const text of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '', 'abcd-ef', 'x2026-01', '1999-12', '3000-01']) assert.equal(parseReviewMonth(text), null, text);
  });

  it('takes every month of the years 2000 to 2999', () => {
    for (const text of ['2000-01', '2026-01', '2999-12']) assert.equal(parseReviewMonth(text)?.month, text);
  });

  it('names the month of an instant in UTC', () => {
    assert.equal(reviewMonthOf(new Date('2026-11-30T23:59:59Z')), '2026-11');
  });
});

describe('pickReviewSample', () => {
  const posts = Array.from({ length: 40 }, (_, i) => i + 100);

  it('picks three posts by default, in id order, all from the pool', () => {
    const sample = pickReviewSample('2026-11', 7, posts);
    assert.equal(sample.length, REVIEW_SAMPLE_SIZE);
    assert.deepEqual(sample, [...sample].sort((a, b) => a - b));
    for (const id of sample) assert.ok(posts.includes(id));
    assert.equal(new Set(sample).size, sample.length);
  });

  it('gives the same posts on every machine and in every release: a month once reviewed stays reviewed', () => {
    assert.deepEqual(pickReviewSample('2026-11', 7, posts), [115, 116, 135]);
    assert.deepEqual(pickReviewSample('2026-12', 7, posts), [118, 134, 135]);
  });

  it('gives the same sample whatever order the posts come in', () => {
    assert.deepEqual(pickReviewSample('2026-11', 7, [...posts].reverse()), pickReviewSample('2026-11', 7, posts));
  });

  it('changes with the month and with the advisor', () => {
    const base = pickReviewSample('2026-11', 7, posts);
    const otherMonths = ['2026-10', '2026-09', '2026-08'].map((month) => pickReviewSample(month, 7, posts));
    const otherAdvisors = [8, 9, 10].map((advisorId) => pickReviewSample('2026-11', advisorId, posts));
    assert.ok(otherMonths.some((sample) => sample.join() !== base.join()));
    assert.ok(otherAdvisors.some((sample) => sample.join() !== base.join()));
  });

  it('takes every post when there are fewer than the sample size', () => {
    assert.deepEqual(pickReviewSample('2026-11', 7, [9, 3]), [3, 9]);
    assert.deepEqual(pickReviewSample('2026-11', 7, []), []);
  });

  it('spreads its picks over the pool across months', () => {
    const seen = new Set<number>();
    for (let month = 1; month <= 12; month += 1) for (const id of pickReviewSample(`2026-${String(month).padStart(2, '0')}`, 1, posts)) seen.add(id);
    assert.ok(seen.size >= 15, `only ${seen.size} distinct posts over a year`);
  });
});

describe('rubricProblems', () => {
  it('accepts whole scores from 1 to 4', () => {
    assert.deepEqual(rubricProblems({ accuracy: 1, clarity: 4, tone: 2, involvement: 3 }), []);
  });

  it('names each criterion out of range, fractional or missing', () => {
    const problems = rubricProblems({ accuracy: 0, clarity: 5, tone: 2.5 });
    assert.deepEqual(problems.map((p) => p.path), ['/accuracy', '/clarity', '/tone', '/involvement']);
    assert.equal(problems[0]?.message, 'accuracy must be a whole score from 1 to 4');
  });
});

describe('rubricAverage', () => {
  it('is the mean to one decimal', () => {
    assert.equal(rubricAverage({ accuracy: 4, clarity: 3, tone: 3, involvement: 3 }), 3.3);
  });
});

describe('draftCredits', () => {
  it('adds approvers only when asked, never the author, without repeats', () => {
    assert.deepEqual(draftCredits(1, [3], [2, 3, 1], true), [2, 3]);
    assert.deepEqual(draftCredits(1, [3], [2], false), [3]);
  });
});

describe('draftPublishing', () => {
  it('publishes a draft citing community replies as a confirmation', () => {
    assert.deepEqual(draftPublishing({ citedPostIds: [5], faqArticleIds: [1], credits: [2] }), { path: 'confirmation', problem: null });
  });

  it('publishes a plain draft as a reply', () => {
    assert.deepEqual(draftPublishing({ citedPostIds: [], faqArticleIds: [], credits: [] }), { path: 'reply', problem: null });
  });

  it('refuses credits or FAQ links without a citation, since only confirmations carry them', () => {
    assert.deepEqual(draftPublishing({ citedPostIds: [], faqArticleIds: [], credits: [2] }).problem, {
      path: '/citedPostIds', message: 'FAQ links and "assisted by" credits go with a confirmation: cite at least one community reply',
    });
    assert.equal(draftPublishing({ citedPostIds: [], faqArticleIds: [4], credits: [] }).problem?.path, '/citedPostIds');
  });
});
