/**
 * Production serving over real HTTP: brotli or gzip as `accept-encoding` asks on scripts and
 * JSON (the same bytes once decoded), never on the event stream, which delivers at once; a year
 * of `immutable` on hashed chunks and ETag revalidation on the entry and the page; readiness
 * that checks the database and its migrations, liveness that does not.
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../helpers/server.ts';

const staticDir = mkdtempSync(join(tmpdir(), 'entraide-serving-'));
const CHUNK = 'entraide-thread-Dk3x9_Qa.min.js';
const script = (name: string) => Array.from({ length: 200 }, (_, i) => `export const ${name}${i} = ${i} * 2;`).join('\n');
writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>Brand</title>${'<p>Forum</p>'.repeat(200)}`);
writeFileSync(join(staticDir, 'entraide.min.js'), script('entry'));
writeFileSync(join(staticDir, CHUNK), script('chunk'));
writeFileSync(join(staticDir, 'entraide-sdk.min.js'), script('sdk'));

let server: TestServer;
let token: string;

before(async () => {
  server = await createTestServer({ staticDir, listen: true });
  token = await server.tokenFor(server.fixtures.members.helper);
  // Enough replies for the thread's answer to be worth compressing.
  for (let i = 0; i < 8; i += 1) await post(`/api/threads/${server.fixtures.threadId}/posts`, { body: `Réponse numéro ${i} : redémarrez le modem puis vérifiez les voyants.` });
});
after(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function post(path: string, body: object): Promise<void> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  assert.ok(response.ok, `${path}: HTTP ${response.status}`);
}

interface Raw { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** A GET over node:http, which (unlike fetch) leaves the body as the server encoded it. */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (raw: Raw) => raw.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw.body) : raw.headers['content-encoding'] === 'gzip' ? gunzipSync(raw.body) : raw.body;

describe('compression', { timeout: 600_000 }, () => {
  for (const [what, path] of [['a hashed JS chunk', `/${CHUNK}`], ['a JSON thread', () => `/api/threads/${server.fixtures.threadId}`]] as const) {
    it(`answers ${what} in brotli or gzip as asked, decoding to the uncompressed bytes`, async () => {
      const url = typeof path === 'function' ? path() : path;
      const plain = await get(url, { 'accept-encoding': 'identity' });
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.length > 1024, `${url} is above the threshold (${plain.body.length} bytes)`);
      assert.match(String(plain.headers.vary), /accept-encoding/i);

      const br = await get(url, { 'accept-encoding': 'br, gzip' });
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.ok(br.body.length < plain.body.length);
      assert.deepEqual(decode(br), plain.body);

      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.deepEqual(decode(gzip), plain.body);

      const none = await get(url);
      assert.equal(none.headers['content-encoding'], undefined, 'nothing asked, nothing encoded');
    });
  }

  it('leaves small answers alone', async () => {
    const health = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    assert.equal(health.status, 200);
    assert.equal(health.headers['content-encoding'], undefined);
  });

  it('never encodes the event stream, which delivers an event at once', async () => {
    const events = await new Promise<{ headers: IncomingHttpHeaders; received: () => string; close: () => void }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/events?threadId=${server.fixtures.threadId}`, { headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        resolve({ headers: response.headers, received: () => text, close: () => req.destroy() });
      });
      req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
      req.end();
    });
    try {
      assert.match(String(events.headers['content-type']), /^text\/event-stream/);
      assert.equal(events.headers['content-encoding'], undefined);
      const marker = `Réponse en direct ${Date.now()}`;
      const sent = Date.now();
      await post(`/api/threads/${server.fixtures.threadId}/posts`, { body: marker });
      while (!events.received().includes(marker)) {
        assert.ok(Date.now() - sent < 2000, `the event arrives within 2 s; got ${JSON.stringify(events.received())}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      events.close();
    }
  });
});

describe('static cache headers', { timeout: 600_000 }, () => {
  it('keeps a hashed chunk a year, immutable', async () => {
    const chunk = await get(`/${CHUNK}`);
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  for (const path of ['/entraide.min.js', '/entraide-sdk.min.js', '/', '/index.html']) {
    it(`has ${path} revalidated with its ETag (304 when unchanged)`, async () => {
      const first = await get(path, { 'accept-encoding': 'br, gzip' });
      assert.equal(first.status, 200);
      assert.equal(first.headers['cache-control'], 'no-cache');
      const etag = first.headers.etag;
      assert.ok(etag, 'an ETag');
      const again = await get(path, { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    });
  }
});

describe('liveness and readiness', { timeout: 600_000 }, () => {
  it('is ready when the database answers and every migration is applied', async () => {
    const ready = await get('/api/ready');
    assert.equal(ready.status, 200);
    assert.deepEqual(JSON.parse(ready.body.toString()), { ok: true });
  });

  it('answers 503 unavailable while a migration is pending, and stays live', async () => {
    const [last] = await server.db.query<{ name: string; applied_at: string }>('select name, applied_at from schema_migrations order by name desc limit 1');
    await server.db.query('delete from schema_migrations where name = $1', [last!.name]);
    try {
      const ready = await get('/api/ready');
      assert.equal(ready.status, 503);
      const body = JSON.parse(ready.body.toString()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'unavailable');
      assert.match(body.error.message, new RegExp(last!.name.replace('.', '\\.')));
      assert.equal((await get('/api/health')).status, 200, 'liveness does not look at the database');
    } finally {
      await server.db.query('insert into schema_migrations (name, applied_at) values ($1, $2)', [last!.name, last!.applied_at]);
    }
    assert.equal((await get('/api/ready')).status, 200);
  });
});
