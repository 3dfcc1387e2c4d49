/**
 * A token the server no longer accepts (its keys changed, e.g. a restart of the demo) never
 * stops public reading: the SDK asks for a fresh token once, then ends the session, reads as a
 * guest, and the live stream goes on as a guest's instead of failing again and again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { signToken } from '../../src/server/auth.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let stale: string;
let valid: string;

before(async () => {
  server = await createTestServer({ listen: true });
  // Signed with another secret: what a reader keeps after the server restarted with a new one.
  stale = (await signToken('another-secret-that-is-at-least-32-characters', { sub: 'demo:tom', name: 'Tom', role: 'member' })).token;
  valid = await server.tokenFor(server.fixtures.members.helper);
});
after(() => server.close());

/** A fetch that records which token each request carried. */
function recording(): { fetch: typeof fetch; sent: (string | null)[] } {
  const sent: (string | null)[] = [];
  return {
    sent,
    fetch: (input, init) => {
      sent.push(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    },
  };
}

/** Waits for the guest's stream: the second request, and the server holding one stream. */
async function streamOpen(sent: unknown[]): Promise<void> {
  for (let i = 0; i < 300 && (sent.length < 2 || server.app.entraide.liveClients() !== 1); i += 1) await new Promise((r) => setTimeout(r, 10));
  assert.equal(server.app.entraide.liveClients(), 1, 'the stream is open');
}

describe('a stale token', { timeout: 600_000 }, () => {
  it('ends the session once and reads public content as a guest', async () => {
    const { fetch: spy, sent } = recording();
    let ended = 0;
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, token: stale, fetch: spy, onTokenRejected: () => (ended += 1) });
    const thread = await client.threads.get(server.fixtures.threadId);
    assert.equal(thread.thread.id, server.fixtures.threadId);
    assert.deepEqual(sent, [`Bearer ${stale}`, null]);
    assert.equal(ended, 1);
    // The refused token is gone: the next reads go as a guest straight away.
    assert.equal((await client.session.get()).member, null);
    assert.deepEqual(sent.slice(2), [null]);
    assert.equal(ended, 1);
  });

  it('asks getToken for a fresh one first, and keeps the session when it comes', async () => {
    const asked: boolean[] = [];
    let ended = 0;
    const client = createEntraideClient({
      baseUrl: `${server.url}/api`,
      getToken: ({ refresh }) => (asked.push(refresh), refresh ? valid : stale),
      onTokenRejected: () => (ended += 1),
    });
    assert.equal((await client.session.get()).member?.pseudonym, 'Pix37');
    assert.deepEqual(asked, [false, true]);
    assert.equal(ended, 0);
  });

  it('tells getToken which token was refused, so that one already replaced is not refreshed again', async () => {
    const contexts: { refresh: boolean; refused?: string }[] = [];
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, getToken: (context) => (contexts.push(context), context.refresh ? valid : stale) });
    await client.session.get();
    assert.deepEqual(contexts, [{ refresh: false, refused: undefined }, { refresh: true, refused: stale }]);
  });

  it('ends the session when the refresh brings nothing or the same refused token', async () => {
    for (const fresh of [undefined, stale]) {
      const { fetch: spy, sent } = recording();
      const asked: boolean[] = [];
      let ended = 0;
      const client = createEntraideClient({
        baseUrl: `${server.url}/api`,
        fetch: spy,
        getToken: ({ refresh }) => (asked.push(refresh), refresh ? fresh : stale),
        onTokenRejected: () => (ended += 1),
      });
      assert.equal((await client.threads.get(server.fixtures.threadId)).thread.id, server.fixtures.threadId);
      assert.deepEqual(asked, [false, true], String(fresh));
      assert.equal(ended, 1, String(fresh));
      assert.equal(sent.at(-1), null, 'the last try is a guest’s');
      // getToken still hands out the refused token: it is not sent again.
      await client.community.get();
      assert.equal(sent.at(-1), null);
    }
  });

  it('fails a write with the 401 instead of posting as a guest', async () => {
    let ended = 0;
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, token: stale, onTokenRejected: () => (ended += 1) });
    await assert.rejects(client.posts.reply(server.fixtures.threadId, { body: 'Perdu ?' }), { status: 401, code: 'unauthorized' });
    assert.equal(ended, 1);
  });

  it('lets the live stream fall back to a guest’s instead of retrying the refused token', async () => {
    const { fetch: spy, sent } = recording();
    let ended = 0;
    const client = createEntraideClient({ baseUrl: `${server.url}/api`, token: stale, fetch: spy, onTokenRejected: () => (ended += 1) });
    const seen: string[] = [];
    const stop = client.events.subscribe({ threadId: server.fixtures.threadId }, (event) => seen.push(event.type));
    try {
      await streamOpen(sent);
      assert.deepEqual(sent, [`Bearer ${stale}`, null]);
      assert.equal(ended, 1);
      await createEntraideClient({ baseUrl: `${server.url}/api`, token: valid }).posts.reply(server.fixtures.threadId, { body: 'En direct, même déconnecté.' });
      for (let i = 0; i < 200 && seen.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
      assert.ok(seen.length > 0, 'a live event reached the guest stream');
    } finally {
      stop();
    }
  });

  it('lets the stream ask getToken once, then go on as a guest’s when nothing fresh comes', async () => {
    const { fetch: spy, sent } = recording();
    const asked: boolean[] = [];
    let ended = 0;
    const client = createEntraideClient({
      baseUrl: `${server.url}/api`,
      fetch: spy,
      getToken: ({ refresh }) => (asked.push(refresh), refresh ? undefined : stale),
      onTokenRejected: () => (ended += 1),
    });
    const stop = client.events.subscribe({}, () => undefined);
    try {
      await streamOpen(sent);
      assert.deepEqual(sent, [`Bearer ${stale}`, null]);
      assert.deepEqual(asked, [false, true]);
      assert.equal(ended, 1);
    } finally {
      stop();
      for (let i = 0; i < 300 && server.app.entraide.liveClients() !== 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    }
  });
});
