import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardian, type Actor } from '../../src/core/index.ts';

const everyone: Actor[] = [{ role: 'guest' }, { role: 'member', memberId: 1 }, { role: 'advisor', memberId: 2 }, { role: 'moderator', memberId: 3 }];

describe('advisor tool permissions', () => {
  it('shows the queue and the metrics to staff', () => {
    assert.deepEqual(everyone.map((actor) => guardian(actor).staff.canSeeAdvisorQueue()), [false, false, true, true]);
    assert.deepEqual(everyone.map((actor) => guardian(actor).staff.canSeeMetrics()), [false, false, true, true]);
  });

  it('keeps triage and incidents to advisors: the brand speaks', () => {
    assert.deepEqual(everyone.map((actor) => guardian(actor).staff.canTriageThreads()), [false, false, true, false]);
    assert.deepEqual(everyone.map((actor) => guardian(actor).staff.canManageIncidents()), [false, false, true, false]);
  });
});
