import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { liveAudience, liveMatches, liveRefs, liveView, type Actor, type LiveEventOf, type LivePostNow, type LiveState } from '../../src/core/index.ts';

interface P { id: number; threadId: number; kudosCount: number; body: string }
interface T { id: number; categoryId: number; title: string }
type E = LiveEventOf<P, T, { id: number }>;

const READERS: Actor[] = [{ role: 'guest' }, { role: 'member', memberId: 7 }, { role: 'advisor', memberId: 1 }, { role: 'moderator', memberId: 2 }];

function state(posts: Array<LivePostNow<P>>, threads: T[] = []): LiveState<P, T> {
  return { posts: new Map(posts.map((now) => [now.post.id, now])), threads: new Map(threads.map((thread) => [thread.id, thread])) };
}

const written: P = { id: 5, threadId: 1, kudosCount: 0, body: 'as written' };
const created: E = { type: 'post-created', threadId: 1, categoryId: 10, post: written };

describe('liveView', () => {
  it('sends a post as it reads now, where it lives now', () => {
    const now = state([{ post: { ...written, threadId: 2, body: 'edited', kudosCount: 3 }, categoryId: 20, hidden: false }]);
    for (const reader of READERS) {
      assert.deepEqual(liveView(reader, created, now), { type: 'post-created', threadId: 2, categoryId: 20, post: { id: 5, threadId: 2, kudosCount: 3, body: 'edited' } });
      assert.deepEqual(liveView(reader, { type: 'kudos-changed', threadId: 1, categoryId: 10, postId: 5, kudosCount: 1 }, now), { type: 'kudos-changed', threadId: 2, categoryId: 20, postId: 5, kudosCount: 3 });
    }
  });

  it('turns a hidden or vanished post into a tombstone for every reader, staff included (thread reads show it to none)', () => {
    const hidden = state([{ post: written, categoryId: 10, hidden: true }]);
    for (const reader of READERS) {
      assert.deepEqual(liveView(reader, created, hidden), { type: 'post-removed', threadId: 1, categoryId: 10, postId: 5 });
      assert.deepEqual(liveView(reader, { ...created, type: 'post-updated' }, state([])), { type: 'post-removed', threadId: 1, categoryId: 10, postId: 5 });
    }
  });

  it('gives a restored post back as an update', () => {
    const now = state([{ post: written, categoryId: 10, hidden: false }]);
    assert.deepEqual(liveView({ role: 'guest' }, { type: 'post-removed', threadId: 1, categoryId: 10, postId: 5 }, now), { type: 'post-updated', threadId: 1, categoryId: 10, post: written });
  });

  it('sends a thread summary as it is now, and nothing for a thread that is gone', () => {
    const event: E = { type: 'thread-updated', threadId: 1, categoryId: 10, thread: { id: 1, categoryId: 10, title: 'old' } };
    const moved = state([], [{ id: 1, categoryId: 30, title: 'now' }]);
    // Where it was published, so the list of the category a thread left learns it left.
    assert.deepEqual(liveView({ role: 'guest' }, event, moved), { ...event, categoryId: 10, thread: { id: 1, categoryId: 30, title: 'now' } });
    assert.equal(liveView({ role: 'guest' }, event, state([])), undefined);
    const created: E = { type: 'thread-created', threadId: 1, categoryId: 10, thread: { id: 1, categoryId: 10, title: 'old' } };
    assert.deepEqual(liveView({ role: 'guest' }, created, moved), { ...created, categoryId: 30, thread: { id: 1, categoryId: 30, title: 'now' } });
  });

  it('passes incidents through', () => {
    const incident: E = { type: 'incident-updated', threadId: null, categoryId: null, incident: { id: 1 } };
    assert.equal(liveView({ role: 'guest' }, incident, state([])), incident);
  });
});

describe('liveMatches and liveAudience', () => {
  it('filters by thread and category, incidents everywhere', () => {
    assert.equal(liveMatches({ threadId: 1 }, { type: 'post-created', threadId: 1, categoryId: 10 }), true);
    assert.equal(liveMatches({ threadId: 2 }, { type: 'post-created', threadId: 1, categoryId: 10 }), false);
    assert.equal(liveMatches({ categoryId: 20 }, { type: 'post-created', threadId: 1, categoryId: 10 }), false);
    assert.equal(liveMatches({ threadId: 2 }, { type: 'incident-updated', threadId: null, categoryId: null }), true);
    assert.equal(liveMatches({}, { type: 'post-created', threadId: 1, categoryId: 10 }), true);
    assert.equal(liveMatches({ categoryId: 10 }, { type: 'post-created', threadId: 1, categoryId: 10 }), true);
  });

  it('names the post or the thread an event refers to', () => {
    const at = { threadId: 1, categoryId: 10 };
    assert.deepEqual(liveRefs({ type: 'post-created', ...at, post: { id: 5 } }), { postId: 5 });
    assert.deepEqual(liveRefs({ type: 'post-updated', ...at, post: { id: 5 } }), { postId: 5 });
    assert.deepEqual(liveRefs({ type: 'post-removed', ...at, postId: 6 }), { postId: 6 });
    assert.deepEqual(liveRefs({ type: 'kudos-changed', ...at, postId: 7, kudosCount: 2 }), { postId: 7 });
    assert.deepEqual(liveRefs({ type: 'thread-created', ...at, thread: {} }), { threadId: 1 });
    assert.deepEqual(liveRefs({ type: 'thread-updated', ...at, thread: {} }), { threadId: 1 });
    assert.deepEqual(liveRefs({ type: 'incident-updated', threadId: null, categoryId: null, incident: {} }), {});
  });

  it('groups readers as guests, members and staff', () => {
    assert.deepEqual(READERS.map(liveAudience), ['guest', 'member', 'staff', 'staff']);
  });
});
