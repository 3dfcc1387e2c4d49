/** Slow clients are cut; the event stream is not, and keeps proxies awake with its heartbeat. */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { readConfig } from '../../../src/server/config.ts';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const TIMEOUTS = { requestMs: 1_000, headersMs: 600, keepAliveMs: 500, idleMs: 1_000, heartbeatMs: 200 };

interface RawConnection {
  socket: Socket;
  received: () => string;
  /** Resolves with the milliseconds the connection lasted once the server closes it. */
  closed: Promise<number>;
}

function openRaw(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const opened = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve({ socket, received: () => text, closed }));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', reject);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
  });
}

/** Writes `text` a byte every `everyMs` for as long as the connection stays open. */
async function trickle(connection: RawConnection, text: string, everyMs: number): Promise<void> {
  for (const char of text) {
    if (connection.socket.destroyed || connection.socket.writableEnded) return;
    connection.socket.write(char);
    await sleep(everyMs);
  }
}

/** Gives up waiting on `promise` after `ms`: `undefined` then. */
const within = <T,>(promise: Promise<T>, ms: number) => Promise.race([promise, sleep(ms).then(() => undefined)]);

describe('time limits of the HTTP server', { timeout: 600_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer({ listen: true, timeouts: TIMEOUTS });
  });
  after(() => server.close());

  it('cuts a request whose body trickles in a byte at a time (408)', async () => {
    const connection = await openRaw(server.url);
    const head = `POST /api/threads/${server.fixtures.threadId}/posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    connection.socket.write(head);
    // The body needs 30 s to trickle in: a close within 10 s is the server's doing.
    void trickle(connection, '{"body":"' + 'x'.repeat(190), 150);
    const lasted = await within(connection.closed, 10_000);
    assert.ok(lasted !== undefined, 'the connection was never closed');
    assert.match(connection.received(), /^HTTP\/1\.1 408 /);
  });

  it('cuts a client whose headers never end', async () => {
    const connection = await openRaw(server.url);
    // The headers need a minute to trickle in: a close within 10 s is the server's doing.
    void trickle(connection, `GET /api/health HTTP/1.1\r\nHost: localhost\r\n${'X-Slow: y\r\n'.repeat(50)}`, 100);
    const lasted = await within(connection.closed, 10_000);
    assert.ok(lasted !== undefined, 'the connection was never closed');
  });

  it('closes a kept-alive connection left idle', async () => {
    const connection = await openRaw(server.url);
    connection.socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    // Node's own keep-alive is 5 s: a close within 4 s is the configured 0.5 s.
    const lasted = await within(connection.closed, 4_000);
    assert.match(connection.received(), /^HTTP\/1\.1 200 /);
    assert.ok(lasted !== undefined, 'the idle connection was never closed');
  });

  it('keeps the event stream open past every limit, with a heartbeat from the start', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/events?threadId=${server.fixtures.threadId}`, { signal: controller.signal });
    assert.equal(response.status, 200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const arrived: number[] = [];
    const started = Date.now();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        text += value;
        if (value.includes(': keep-alive')) arrived.push(Date.now() - started);
      }
    })().catch(() => 'aborted');
    const outcome = await within(reading, 3_000);
    controller.abort();
    assert.equal(outcome, undefined, 'the stream was still open after 3 s');
    assert.ok(text.startsWith('retry: '), 'the first bytes go out at once');
    assert.ok(arrived.length >= 5, `heartbeats at ${arrived.join(', ')} ms`);
    for (const [index, at] of arrived.entries()) if (index > 0) assert.ok(at - arrived[index - 1]! < TIMEOUTS.idleMs, 'never idle as long as the idle limit');
  });
});

describe('time limits from the environment', { timeout: 600_000 }, () => {
  it('reads them in seconds, with defaults', () => {
    assert.deepEqual(readConfig({}).timeouts, { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 72_000, idleMs: 60_000, heartbeatMs: 15_000 });
    const env = { ENTRAIDE_REQUEST_TIMEOUT_SECONDS: '5', ENTRAIDE_HEADERS_TIMEOUT_SECONDS: '2.5', ENTRAIDE_KEEP_ALIVE_TIMEOUT_SECONDS: '9', ENTRAIDE_IDLE_TIMEOUT_SECONDS: '0', ENTRAIDE_SSE_HEARTBEAT_SECONDS: '20' };
    assert.deepEqual(readConfig(env).timeouts, { requestMs: 5_000, headersMs: 2_500, keepAliveMs: 9_000, idleMs: 0, heartbeatMs: 20_000 });
  });

  it('refuses a heartbeat the idle limit would cut', () => {
    assert.throws(() => readConfig({ ENTRAIDE_IDLE_TIMEOUT_SECONDS: '10', ENTRAIDE_SSE_HEARTBEAT_SECONDS: '15' }), /ENTRAIDE_SSE_HEARTBEAT_SECONDS must be above 0 and below ENTRAIDE_IDLE_TIMEOUT_SECONDS/);
    assert.throws(() => readConfig({ ENTRAIDE_REQUEST_TIMEOUT_SECONDS: 'soon' }), /ENTRAIDE_REQUEST_TIMEOUT_SECONDS must be a number/);
  });
});
