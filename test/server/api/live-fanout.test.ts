/**
 * The live hub's fan-out (issue 17, item 6): an event visits only the streams that follow its
 * thread, its category or everything (a member's notifications: notifications.test.ts);
 * each audience's frame is encoded once and the same bytes go to all its streams; a large
 * fan-out gives the event loop turns; a reader that does not drain is dropped and resumes with
 * Last-Event-ID, getting what it missed. Sinks are in-process fakes on a hub over the test
 * database; the writes go through the real API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../../src/core/index.ts';
import { LiveHub, type LiveFilter, type LiveSink } from '../../../src/domain/live.ts';
import { MAX_BUFFERED_BYTES } from '../../../src/domain/live-fanout.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
let hub: LiveHub;
before(async () => {
  ({ server, tokens } = await serverWithTokens({ listen: true }));
  hub = new LiveHub(server.db, server.community);
  await hub.start();
});
after(async () => {
  await hub.stop();
  await server.close();
});

class FakeSink implements LiveSink {
  readonly chunks: Array<string | Uint8Array> = [];
  ended = false;
  dropped = false;
  /** What the fake socket reports as not yet sent. */
  backlog = 0;
  /** Called on each write, to time it or slow it. */
  onWrite: () => void = () => undefined;
  write(chunk: string | Uint8Array): void {
    this.onWrite();
    this.chunks.push(chunk);
  }
  end(): void {
    this.ended = true;
  }
  onClose(): void {}
  buffered(): number {
    return this.backlog;
  }
  drop(): void {
    this.dropped = true;
  }
  get text(): string {
    return this.chunks.map((chunk) => (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk))).join('');
  }
  /** The live frames' chunks (not the `retry:` line, heartbeats or replays written as text). */
  get frames(): Uint8Array[] {
    return this.chunks.filter((chunk): chunk is Uint8Array => typeof chunk !== 'string');
  }
}

const memberActor = (name: string): Actor => {
  const member = (server.fixtures.members as Record<string, { id: number; role: 'member' | 'advisor' | 'moderator' | 'admin' }>)[name]!;
  return { role: member.role, memberId: member.id };
};

async function open(filter: LiveFilter, actor: Actor = { role: 'guest' }, lastEventId?: number): Promise<FakeSink> {
  const sink = new FakeSink();
  await hub.attach(sink, filter, lastEventId, actor);
  return sink;
}

async function reply(threadId: number, body: string): Promise<number> {
  const response = await fetch(`${server.url}/api/threads/${threadId}/posts`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.helper}` }, body: JSON.stringify({ body }),
  });
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return (JSON.parse(text) as { id: number }).id;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (const end = Date.now() + 5000; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

const lastEventId = async () => (await server.db.query<{ id: number }>('select coalesce(max(id), 0)::int as id from events'))[0]!.id;

describe('the live fan-out', { timeout: 600_000 }, () => {
  it('reaches the streams of the thread, its category and everything only, with one encoding per audience', async () => {
    const { threadId, categories } = server.fixtures;
    const onThread = await Promise.all([open({ threadId }), open({ threadId }), open({ threadId })]);
    const [onBilling, onNetwork, onAll] = await Promise.all([open({ categoryId: categories.billing }), open({ categoryId: categories.network }), open({})]);
    const member = await open({ threadId }, memberActor('other'));

    const postId = await reply(threadId, 'Même souci ici, la facture arrive en double depuis mars.');
    await until(() => onAll.text.includes(`"id":${postId}`) && member.text.includes(`"id":${postId}`), 'the reply everywhere it goes');

    for (const sink of [...onThread, onBilling, onAll, member]) assert.match(sink.text, new RegExp(`event: post-created\\n.*"id":${postId}`));
    assert.doesNotMatch(onNetwork.text, /post-created/, 'another category’s stream');
    const guestChunk = onThread[0].frames.at(-1)!;
    for (const sink of [...onThread.slice(1), onBilling, onAll]) assert.equal(sink.frames.at(-1), guestChunk, 'every guest gets the very same bytes');
    assert.notEqual(member.frames.at(-1), guestChunk, 'a member’s view is encoded apart');
  });

  it('gives the event loop turns while it writes to thousands of streams', async () => {
    const { threadId } = server.fixtures;
    let turns = 0;
    let spinning = true;
    const spin = () => { turns += 1; if (spinning) setImmediate(spin); };
    const seen: number[] = [];
    const sinks = await Promise.all(Array.from({ length: 3000 }, () => open({ threadId })));
    for (const sink of sinks) {
      sink.onWrite = () => {
        // About 20 µs per write: 60 ms in all, far more than one slice.
        for (const end = performance.now() + 0.02; performance.now() < end;);
        seen.push(turns);
      };
    }
    setImmediate(spin);
    try {
      const postId = await reply(threadId, 'Une réponse pour trois mille lecteurs en même temps.');
      await until(() => sinks.every((sink) => sink.text.includes(`"id":${postId}`)), 'the reply on every stream');
    } finally {
      spinning = false;
    }
    assert.equal(seen.length, 3000);
    assert.ok(seen.at(-1)! - seen[0]! >= 3, `the loop turned ${seen.at(-1)! - seen[0]!} times during the writes`);
  });

  it('drops a stream that does not drain; it resumes with Last-Event-ID and gets what it missed', async () => {
    const { threadId } = server.fixtures;
    const before = await lastEventId();
    const slow = await open({ threadId });
    const steady = await open({ threadId });
    slow.backlog = MAX_BUFFERED_BYTES + 1;
    const missed = await reply(threadId, 'Réponse manquée par le lecteur trop lent.');
    await until(() => steady.text.includes(`"id":${missed}`), 'the reply on the steady stream');
    assert.equal(slow.dropped, true, 'dropped, not buffered without end');
    assert.doesNotMatch(slow.text, new RegExp(`"id":${missed}`));

    const next = await reply(threadId, 'Réponse suivante, après la chute.');
    await until(() => steady.text.includes(`"id":${next}`), 'the next reply');
    assert.doesNotMatch(slow.text, new RegExp(`"id":${next}`), 'a dropped stream gets nothing more');

    const resumed = await open({ threadId }, { role: 'guest' }, before);
    const ids = [...resumed.text.matchAll(/event: post-created\ndata: \{"post":\{"id":(\d+)/g)].map((match) => Number(match[1]));
    assert.ok(ids.includes(missed) && ids.includes(next), `the replay has both replies (${ids.join(', ')})`);
  });
});
