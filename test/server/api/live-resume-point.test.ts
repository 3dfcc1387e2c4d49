/**
 * A Last-Event-ID this server could not have sent gets `reset` (refetch) on a stream that stays
 * open: before, a number past any bigint made the replay's query fail after the 200 was sent,
 * the stream ended, and the client reconnected with the same id, for ever.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
before(async () => (server = await createTestServer({ listen: true })));
after(() => server.close());

/** What the stream sent within `ms`, and whether it was still open then. */
async function openFor(lastEventId: string, ms = 800): Promise<{ text: string; open: boolean }> {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/events`, { headers: { accept: 'text/event-stream', 'last-event-id': lastEventId }, signal: abort.signal });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let open = true;
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        open = false;
        break;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // Aborted at the deadline: the stream was still open.
  } finally {
    clearTimeout(timer);
  }
  return { text, open };
}

describe('a stream resuming from an id this server never sent', { timeout: 600_000 }, () => {
  for (const id of ['99999999999999999999', '9223372036854775808', 'abc', '1.5', '-1']) {
    it(`answers reset and stays open for Last-Event-ID ${id}`, async () => {
      const { text, open } = await openFor(id);
      assert.match(text, /event: reset/);
      assert.equal(open, true, 'the stream stays open for live events');
    });
  }

  it('replays nothing and stays open after the newest id', async () => {
    const { text, open } = await openFor('2147483647');
    assert.doesNotMatch(text, /event: reset|^id: /m);
    assert.equal(open, true);
  });
});
