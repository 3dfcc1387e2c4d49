/**
 * SIGTERM against the real server process: the live-event stream gets its reconnect hint and
 * ends, a write whose body is still arriving is finished and kept, no new connection is served,
 * the process exits 0 within 10 s, and a restart on the same data directory works (lock released).
 */
import assert from 'node:assert/strict';
import { Agent, request, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXAMPLE_COMMUNITY, runCli, serve, TEST_SECRET, type Serving } from '../../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'entraide-shutdown-'));
const env = { ENTRAIDE_DATA_DIR: join(root, 'data'), ENTRAIDE_JWT_SECRET: TEST_SECRET, ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0' };
const servers: Serving[] = [];
after(() => {
  for (const server of servers) server.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An event stream read raw: everything received, and whether the server ended it. */
function openStream(url: string): Promise<{ text: () => string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    request(`${url}/api/events`, { headers: { accept: 'text/event-stream' } }, (response: IncomingMessage) => {
      let text = '';
      const ended = new Promise<void>((done) => response.on('end', done));
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('retry: 2000')) resolve({ text: () => text, ended });
      });
    }).on('error', reject).end();
  });
}

/** A POST whose headers and first half are sent now; `finish()` sends the rest and resolves to the answer. */
function startWrite(url: string, path: string, token: string, body: unknown) {
  const bytes = Buffer.from(JSON.stringify(body));
  // Keep-alive, as a browser: the server must still close the connection once it has answered.
  const agent = new Agent({ keepAlive: true });
  let answered: (value: { status: number; body: string }) => void;
  const answer = new Promise<{ status: number; body: string }>((resolve) => (answered = resolve));
  const outgoing = request(`${url}${path}`, {
    method: 'POST', agent,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(bytes.length) },
  }, (response) => {
    let text = '';
    response.on('data', (chunk: Buffer) => (text += chunk.toString()));
    response.on('end', () => answered({ status: response.statusCode ?? 0, body: text }));
  });
  outgoing.on('error', (error) => answered({ status: 0, body: error.message }));
  outgoing.write(bytes.subarray(0, 20));
  return {
    finish: () => {
      outgoing.end(bytes.subarray(20));
      return answer;
    },
  };
}

describe('SIGTERM', { timeout: 300_000 }, () => {
  it('stops gracefully: streams told to retry, the write in flight kept, exit 0 within 10 s, restart works', async (t) => {
    assert.equal((await runCli(['import', EXAMPLE_COMMUNITY], env)).code, 0);
    const token = (await runCli(['token', '--sub', 'brand:7', '--name', 'Maud', '--role', 'member'], env)).stdout.trim();
    const server = await serve(env);
    servers.push(server);
    const community = (await (await fetch(`${server.url}/api/community`)).json()) as { categories: Array<{ id: number }> };
    const categoryId = community.categories[0]!.id;

    const stream = await openStream(server.url);
    const write = startWrite(server.url, '/api/threads', token, { categoryId, title: 'Écrit pendant l’arrêt', body: 'Ce message arrive pendant que le serveur s’arrête.' });
    await sleep(300); // the server has the request's head and waits for its body

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await stream.ended;
    assert.match(stream.text(), /: server stopping, reconnect\nretry: \d+\n\n$/, 'a reconnect hint, then the end of the stream');
    const refused = await fetch(`${server.url}/api/health`).then((response) => response.status, () => 'no connection');
    assert.notEqual(refused, 200, 'no new request is served while stopping');

    const answer = await write.finish();
    assert.equal(answer.status, 201, answer.body);
    const threadId = (JSON.parse(answer.body) as { thread: { id: number } }).thread.id;
    assert.equal(await server.exited, 0, server.output());
    const took = Date.now() - signalled;
    assert.ok(took < 10_000, `stopped in ${took} ms`);
    t.diagnostic(`stopped ${took} ms after SIGTERM`);
    assert.match(server.output(), /"msg":"Stopped\."/);

    const restarted = await serve(env);
    servers.push(restarted);
    const thread = await fetch(`${restarted.url}/api/threads/${threadId}`);
    assert.equal(thread.status, 200, 'the write made during the stop was kept');
    assert.equal(((await thread.json()) as { thread: { title: string } }).thread.title, 'Écrit pendant l’arrêt');
    restarted.child.kill('SIGTERM');
    assert.equal(await restarted.exited, 0);
  });
});
