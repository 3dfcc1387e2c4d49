/**
 * The SDK's live stream asks the server for what its subscribers follow: one thread followed
 * opens `/events?threadId=`, so another thread's events never cross the wire, and a reconnect
 * resumes (Last-Event-ID) with the same filter. Against the msw mocks, the domain mocks and the
 * real server, through a `fetch` that records each stream's URL, headers and text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '../../src/contract/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { sharedFilter } from '../../src/sdk/events.ts';
import { CONTRACT_TARGETS, useCast } from '../helpers/contract-targets.ts';

interface Wire {
  url: URL;
  lastEventId: string | null;
  text: string;
  /** Drops the connection, as a network would. */
  drop(): void;
}

/** A fetch that records every event stream it opens; `hold` makes the next one wait until released. */
function recordingFetch() {
  const streams: Wire[] = [];
  let held: Promise<void> | undefined;
  const wiretap: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!url.pathname.endsWith('/events')) return fetch(input, init);
    await held;
    const drop = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, drop.signal]) : drop.signal;
    const response = await fetch(input, { ...init, signal });
    const wire: Wire = { url, lastEventId: new Headers(init?.headers).get('last-event-id'), text: '', drop: () => drop.abort() };
    streams.push(wire);
    const decoder = new TextDecoder();
    const body = response.body!.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        wire.text += decoder.decode(chunk, { stream: true });
        controller.enqueue(chunk);
      },
    }));
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    streams,
    fetch: wiretap,
    /** The next stream opens only once `release` is called. */
    hold(): () => void {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
  };
}

async function waitFor<T>(find: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The stream has started (its `retry:` line came): events from now on reach it. */
const opened = (wire: Wire | undefined) => wire !== undefined && wire.text.includes('retry:');
const created = (events: LiveEvent[], postId: number) => events.some((e) => e.type === 'post-created' && e.post.id === postId);
/** Whether any frame on the wire concerns `threadId`. */
const mentions = (text: string, threadId: number) => text.includes(`"threadId":${threadId},`);

describe('sharedFilter', () => {
  it('keeps what every filter names alike, and nothing else', () => {
    assert.deepEqual(sharedFilter([{ threadId: 1 }, { threadId: 1 }]), { threadId: 1 });
    assert.deepEqual(sharedFilter([{ threadId: 1, categoryId: 2 }, { categoryId: 2 }]), { categoryId: 2 });
    assert.deepEqual(sharedFilter([{ threadId: 1 }, { threadId: 2 }]), {});
    assert.deepEqual(sharedFilter([{ threadId: 1 }, {}]), {});
    assert.deepEqual(sharedFilter([]), {});
  });
});

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`the SDK's live filter against the ${name}`, { timeout: 600_000 }, () => {
    const cast = useCast(makeTarget);

    async function twoThreads(): Promise<[number, number]> {
      const { member } = cast.clients;
      const a = await member.threads.create({ categoryId: cast.categoryId, title: 'Fil A en direct', body: 'Premier fil suivi.' });
      const b = await member.threads.create({ categoryId: cast.categoryId, title: 'Fil B en direct', body: 'Second fil, même catégorie.' });
      return [a.thread.id, b.thread.id];
    }

    const readerClient = (wire: ReturnType<typeof recordingFetch>) =>
      createEntraideClient({ baseUrl: cast.target.baseUrl, token: cast.target.tokens.other, retry: false, fetch: wire.fetch });

    /** Two threads, the first followed live by a reader whose stream has opened. */
    async function followingA() {
      const [a, b] = await twoThreads();
      const wire = recordingFetch();
      const received: LiveEvent[] = [];
      const stop = readerClient(wire).events.subscribe({ threadId: a }, (event) => received.push(event));
      await waitFor(() => opened(wire.streams[0]), 'the stream');
      return { a, b, wire, received, stop };
    }

    it('follows one thread with ?threadId=: a reply in another thread of the same category never crosses the wire', async () => {
      const { a, b, wire, received, stop } = await followingA();
      try {
        assert.equal(wire.streams[0]!.url.searchParams.get('threadId'), String(a));
        const inB = await cast.clients.member.posts.reply(b, { body: 'Dans le fil B.' });
        const inA = await cast.clients.member.posts.reply(a, { body: 'Dans le fil A.' });
        await waitFor(() => created(received, inA.id), "A's reply");
        assert.ok(!created(received, inB.id));
        assert.ok(!mentions(wire.streams[0]!.text, b), `thread B's events reached the wire:\n${wire.streams[0]!.text}`);
        assert.ok(mentions(wire.streams[0]!.text, a));
        assert.equal(wire.streams.length, 1);
      } finally {
        stop();
      }
    });

    it('resumes after a drop with the same filter: the replay after Last-Event-ID holds A’s reply, not B’s', async () => {
      const { a, b, wire, received, stop } = await followingA();
      try {
        const before = await cast.clients.member.posts.reply(a, { body: 'Avant la coupure.' });
        await waitFor(() => created(received, before.id), 'the first reply');
        const lastId = [...wire.streams[0]!.text.matchAll(/^id: (\d+)$/gm)].at(-1)![1];
        // Dropped, and kept away while both threads get a reply: these come back only by replay.
        const release = wire.hold();
        wire.streams[0]!.drop();
        const inB = await cast.clients.member.posts.reply(b, { body: 'B pendant la coupure.' });
        const inA = await cast.clients.member.posts.reply(a, { body: 'A pendant la coupure.' });
        release();
        await waitFor(() => created(received, inA.id), "A's reply, replayed");
        const resumed = wire.streams[1]!;
        assert.equal(resumed.url.searchParams.get('threadId'), String(a), 'the reconnect keeps the filter');
        assert.equal(resumed.lastEventId, lastId);
        assert.ok(!created(received, inB.id));
        assert.ok(!mentions(resumed.text, b), `thread B's events were replayed:\n${resumed.text}`);
        assert.equal(received.filter((e) => e.type === 'post-created' && e.post.id === before.id).length, 1, 'nothing before Last-Event-ID again');
      } finally {
        stop();
      }
    });

    it('reopens for a second subscription from where the first stream started: a reply written in between, before any event came, is not lost', async () => {
      const [a, b] = await twoThreads();
      const wire = recordingFetch();
      const reader = readerClient(wire);
      const inB: LiveEvent[] = [];
      const stops = [reader.events.subscribe({ threadId: a }, () => undefined)];
      try {
        await waitFor(() => opened(wire.streams[0]), 'the stream');
        // The first stream got no event: only its opening frame says where it starts.
        const opening = /^id: (\d+)$/m.exec(wire.streams[0]!.text)?.[1];
        // The second subscription reopens the stream for both threads; it is held while B gets a reply.
        const release = wire.hold();
        stops.push(reader.events.subscribe({ threadId: b }, (event) => inB.push(event)));
        const reply = await cast.clients.member.posts.reply(b, { body: 'B pendant la réouverture.' });
        release();
        await waitFor(() => created(inB, reply.id), "B's reply, written while the stream reopened");
        assert.ok(opening, `the opening frame carries the stream's starting point:\n${wire.streams[0]!.text}`);
        assert.equal(wire.streams[1]!.lastEventId, opening);
      } finally {
        for (const stop of stops) stop();
      }
    });

    it('tells each subscription the stream’s state (open, down on a drop, open again); a private-only one keeps ?threadId=', async () => {
      const [a] = await twoThreads();
      const wire = recordingFetch();
      const client = readerClient(wire);
      const states: string[] = [];
      const stops = [
        client.events.subscribe({}, () => undefined, { privateOnly: true, onConnection: (state) => states.push(state) }),
        client.events.subscribe({ threadId: a }, () => undefined),
      ];
      try {
        await waitFor(() => opened(wire.streams.at(-1)) && states.at(-1) === 'open', 'the open stream');
        assert.equal(wire.streams.at(-1)!.url.search, `?threadId=${a}`);
        const release = wire.hold();
        wire.streams.at(-1)!.drop();
        await waitFor(() => states.at(-1) === 'down', 'the drop told');
        release();
        await waitFor(() => states.at(-1) === 'open' && opened(wire.streams.at(-1)), 'the stream open again');
        const late: string[] = [];
        stops.push(client.events.subscribe({}, () => undefined, { privateOnly: true, onConnection: (state) => late.push(state) }));
        await waitFor(() => late.length > 0, 'the state told to a late subscriber');
        assert.deepEqual(late, ['open']);
        assert.deepEqual(states.filter((state, i) => state !== states[i - 1]), ['open', 'down', 'open']);
      } finally {
        for (const stop of stops) stop();
      }
    });

    it('shares one stream: an incidents-only subscription keeps ?threadId=, a second thread reopens it unfiltered, each handler getting its own thread', async () => {
      const [a, b] = await twoThreads();
      const wire = recordingFetch();
      const client = readerClient(wire);
      const inThread = { a: [] as LiveEvent[], b: [] as LiveEvent[] };
      const stops = [
        client.events.subscribe({}, () => undefined, { incidentsOnly: true }),
        client.events.subscribe({ threadId: a }, (event) => inThread.a.push(event)),
      ];
      try {
        await waitFor(() => opened(wire.streams.at(-1)), 'the stream');
        assert.deepEqual(wire.streams.map((s) => s.url.search), [`?threadId=${a}`]);
        stops.push(client.events.subscribe({ threadId: b }, (event) => inThread.b.push(event)));
        await waitFor(() => wire.streams.length === 2 && opened(wire.streams[1]), 'the reopened stream');
        assert.equal(wire.streams[1]!.url.search, '', 'two threads: the unfiltered stream');
        const inB = await cast.clients.member.posts.reply(b, { body: 'Pour B.' });
        const inA = await cast.clients.member.posts.reply(a, { body: 'Pour A.' });
        await waitFor(() => created(inThread.a, inA.id) && created(inThread.b, inB.id), 'both replies');
        assert.deepEqual([...new Set(inThread.a.map((e) => e.threadId))], [a]);
        assert.deepEqual([...new Set(inThread.b.map((e) => e.threadId))], [b]);
        // B no longer followed: back to ?threadId=A.
        stops.pop()!();
        await waitFor(() => wire.streams.length === 3, 'the narrowed stream');
        assert.equal(wire.streams[2]!.url.searchParams.get('threadId'), String(a));
      } finally {
        for (const stop of stops) stop();
      }
    });
  });
}
