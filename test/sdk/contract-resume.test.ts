/**
 * Resuming the live stream, against the msw mocks and the real server: a client that drops
 * and comes back with Last-Event-ID gets what it missed, and past the replay limit (500
 * events, src/server/live.ts) it gets `event: reset` to refetch instead. Read with fetch, as
 * the SDK does, so the test controls when the connection drops.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent } from '../../src/contract/index.ts';
import type { EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

const REPLAY_LIMIT = 500;

interface Frame {
  id: number | undefined;
  type: string;
  data: string;
}

/** An open text/event-stream, its frames collected as they come. */
class RawStream {
  readonly frames: Frame[] = [];
  readonly #controller = new AbortController();
  #buffer = '';

  static async open(url: string, lastEventId?: number): Promise<RawStream> {
    const stream = new RawStream();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const response = await fetch(url, { headers, signal: stream.#controller.signal });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    void stream.#read(response.body!);
    return stream;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        this.#buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.#buffer.indexOf('\n\n')) !== -1) {
          this.#parse(this.#buffer.slice(0, end));
          this.#buffer = this.#buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close(): the connection dropped on purpose.
    }
  }

  #parse(block: string): void {
    const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim();
    const data = field('data');
    if (data === undefined) return;
    const id = field('id');
    this.frames.push({ id: id === undefined ? undefined : Number(id), type: field('event') ?? 'message', data });
  }

  events(): Array<{ id: number; event: LiveEvent }> {
    return this.frames.filter((frame) => frame.id !== undefined).map((frame) => ({ id: frame.id!, event: JSON.parse(frame.data) as LiveEvent }));
  }

  async waitFor<T>(find: () => T | undefined, what: string, ms = 4000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.#controller.abort();
  }
}

/** Posts until one of our replies comes back through the stream; gives that event's id. */
async function pingThrough(stream: RawStream, poster: EntraideClient, threadId: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const post = await poster.posts.reply(threadId, { body: `Ping ${attempt}` });
    const seen = await stream
      .waitFor(() => stream.events().find(({ event }) => event.type === 'post-created' && event.post.id === post.id), 'the ping', 250)
      .catch(() => undefined);
    if (seen) return seen.id;
  }
  throw new Error('the live stream never opened');
}

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`Live stream resume against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let member: EntraideClient;
    let threadId: number;
    const open: RawStream[] = [];
    const connect = async (query: string, lastEventId?: number) => {
      const stream = await RawStream.open(`${target.baseUrl}/events${query}`, lastEventId);
      open.push(stream);
      return stream;
    };

    before(async () => {
      target = await makeTarget();
      member = target.client('member');
      const { categories } = await target.client().community.get();
      threadId = (await member.threads.create({ categoryId: categories[0]!.id, title: 'Fil des événements', body: 'Bonjour à tous.' })).thread.id;
    });
    after(async () => {
      for (const stream of open) stream.close();
      await target.close();
    });

    it('replays the events missed while disconnected after Last-Event-ID', async () => {
      const first = await connect(`?threadId=${threadId}`);
      const lastSeen = await pingThrough(first, member, threadId);
      first.close();
      const missed = await member.posts.reply(threadId, { body: 'Posté pendant la coupure.' });

      const resumed = await connect(`?threadId=${threadId}`, lastSeen);
      const replayed = await resumed.waitFor(
        () => resumed.events().find(({ event }) => event.type === 'post-created' && event.post.id === missed.id), 'the missed reply',
      );
      assert.ok(replayed.id > lastSeen);
      assert.ok(resumed.events().every(({ id }) => id > lastSeen), 'nothing seen before is sent again');
      assert.equal(resumed.frames.some((frame) => frame.type === 'reset'), false);
    });

    it(`replays exactly ${REPLAY_LIMIT} missed events, and past that says reset`, async () => {
      const watcher = await connect('');
      await pingThrough(watcher, member, threadId);
      // Enough events that the oldest one is more than REPLAY_LIMIT behind the newest.
      for (let batch = 0; batch < REPLAY_LIMIT / 10; batch += 1) {
        await Promise.all(Array.from({ length: 10 }, (_, n) => member.posts.reply(threadId, { body: `Réponse ${batch}-${n}` })));
      }
      const newest = await pingThrough(watcher, member, threadId);
      assert.ok(newest > REPLAY_LIMIT + 1);

      const withinLimit = await connect('', newest - REPLAY_LIMIT);
      await withinLimit.waitFor(() => (withinLimit.events().some(({ id }) => id === newest) ? true : undefined), 'the full replay', 10_000);
      assert.deepEqual(withinLimit.events().slice(0, REPLAY_LIMIT).map(({ id }) => id), Array.from({ length: REPLAY_LIMIT }, (_, n) => newest - REPLAY_LIMIT + 1 + n));
      assert.equal(withinLimit.frames.some((frame) => frame.type === 'reset'), false);

      const tooOld = await connect('', newest - REPLAY_LIMIT - 1);
      await tooOld.waitFor(() => tooOld.frames.find((frame) => frame.type === 'reset'), 'the reset');
      assert.deepEqual(tooOld.events(), []);
    });
  });
}
