import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeHoldback, DEFAULT_HOLDBACK_MINUTES, holdbackDueAt } from '../../src/core/holdback.ts';

const createdAt = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(createdAt.getTime() + ms);
const HOUR = 3_600_000;
const base = { createdAt, needsAccount: false, advisorFlagged: false, hasAcceptedOrConfirmedAnswer: false };

describe('community-first holdback', () => {
  it('defaults to three hours when the category sets none', () => {
    assert.equal(DEFAULT_HOLDBACK_MINUTES, 180);
    assert.equal(holdbackDueAt(createdAt, null).toISOString(), '2026-03-01T13:00:00.000Z');
  });

  it('leaves a new question to the community, counting the time left', () => {
    assert.deepEqual(computeHoldback({ ...base, now: createdAt }), { state: 'community-time', dueAt: at(3 * HOUR), msLeft: 3 * HOUR });
  });

  it('is still community time one millisecond before the holdback ends', () => {
    assert.deepEqual(computeHoldback({ ...base, now: at(3 * HOUR - 1) }), { state: 'community-time', dueAt: at(3 * HOUR), msLeft: 1 });
  });

  it('is advisor-due at the exact end of the holdback, then counts the overdue time', () => {
    assert.deepEqual(computeHoldback({ ...base, now: at(3 * HOUR) }), { state: 'advisor-due', dueAt: at(3 * HOUR), msOverdue: 0 });
    assert.deepEqual(computeHoldback({ ...base, now: at(4 * HOUR) }), { state: 'advisor-due', dueAt: at(3 * HOUR), msOverdue: HOUR });
  });

  it("follows the category's own holdback", () => {
    const state = computeHoldback({ ...base, holdbackMinutes: 30, now: at(30 * 60_000) });
    assert.equal(state.state, 'advisor-due');
    assert.equal(computeHoldback({ ...base, holdbackMinutes: 0, now: createdAt }).state, 'advisor-due');
  });

  it('is advisor-now at once when the asker needs account access', () => {
    assert.deepEqual(computeHoldback({ ...base, needsAccount: true, now: at(10) }), { state: 'advisor-now', dueAt: createdAt, msOverdue: 10 });
  });

  it('is advisor-now when an advisor marked it, even inside community time', () => {
    assert.equal(computeHoldback({ ...base, advisorFlagged: true, now: at(1) }).state, 'advisor-now');
  });

  it('is done once an answer is accepted or confirmed, whatever the urgency', () => {
    assert.deepEqual(computeHoldback({ ...base, needsAccount: true, hasAcceptedOrConfirmedAnswer: true, now: at(5 * HOUR) }), { state: 'done', dueAt: at(3 * HOUR) });
    assert.equal(computeHoldback({ ...base, hasAcceptedOrConfirmedAnswer: true, now: at(1) }).state, 'done');
  });

  it('is done for closed threads', () => {
    assert.equal(computeHoldback({ ...base, closed: true, now: at(5 * HOUR) }).state, 'done');
  });
});
