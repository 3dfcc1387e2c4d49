import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { circleOf, CORE_MIN_REPLIES, countCircles, median, share } from '../../src/core/metrics.ts';

describe('metrics helpers', () => {
  it('takes the median of odd and even lists, null when empty', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  it('shares to four decimals, null with nothing to share', () => {
    assert.equal(share(9, 10), 0.9);
    assert.equal(share(1, 3), 0.3333);
    assert.equal(share(0, 0), null);
  });

  it('sorts members into circles at the thresholds', () => {
    assert.equal(circleOf({ replies: CORE_MIN_REPLIES, threads: 0 }), 'core');
    assert.equal(circleOf({ replies: CORE_MIN_REPLIES - 1, threads: 0 }), 'occasional');
    assert.equal(circleOf({ replies: 1, threads: 3 }), 'occasional');
    assert.equal(circleOf({ replies: 0, threads: 1 }), 'one-time-asker');
    assert.equal(circleOf({ replies: 0, threads: 0 }), null);
    assert.deepEqual(countCircles([{ replies: 12, threads: 0 }, { replies: 0, threads: 1 }, { replies: 0, threads: 2 }]), { core: 1, occasional: 0, 'one-time-asker': 2 });
  });
});
