import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postWaitSeconds } from '../../src/core/throttle.ts';

const now = new Date('2026-11-24T12:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('postWaitSeconds', () => {
  it('lets anyone post who has not posted yet', () => {
    assert.equal(postWaitSeconds({ role: 'member', rankLevel: 1 }, null, now), 0);
  });
  it('makes an established member wait 5 s between posts', () => {
    assert.equal(postWaitSeconds({ role: 'member', rankLevel: 4 }, secondsAgo(2), now), 3);
    assert.equal(postWaitSeconds({ role: 'member', rankLevel: 4 }, secondsAgo(5), now), 0);
  });
  it('makes a newcomer wait 30 s', () => {
    assert.equal(postWaitSeconds({ role: 'member', rankLevel: 1 }, secondsAgo(10), now), 20);
    assert.equal(postWaitSeconds({ role: 'member', rankLevel: 1 }, secondsAgo(30), now), 0);
  });
  it('never makes advisors or moderators wait', () => {
    assert.equal(postWaitSeconds({ role: 'advisor', rankLevel: 1 }, secondsAgo(0), now), 0);
    assert.equal(postWaitSeconds({ role: 'moderator', rankLevel: 1 }, secondsAgo(0), now), 0);
  });
  it('follows configured intervals, 0 turning the throttle off', () => {
    assert.equal(postWaitSeconds({ role: 'member', rankLevel: 3 }, secondsAgo(1), now, { memberSeconds: 0, newMemberSeconds: 0 }), 0);
  });
});
