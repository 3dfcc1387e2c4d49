/**
 * Two server processes on one PostgreSQL behind Debian's nginx (issue 17, item 7), as a brand
 * would run them: a reply posted through one process reaches a live reader of the other within a
 * second (each process LISTENs; the write NOTIFYs on commit); the rendered-pages cache of every
 * process drops a page a reply changed; a member's rate limit counts requests to both processes;
 * the same Idempotency-Key sent to both stores once; SIGKILL of one process loses no acknowledged
 * write, and nginx goes on through the other. Real processes, real HTTP, real PostgreSQL (its own,
 * or a scratch database in a parity run).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { threadPath } from '../../src/core/seo.ts';
import { signToken } from '../../src/server/auth.ts';
import { EXAMPLE_COMMUNITY, runCli, serve, TEST_SECRET, type Serving } from '../helpers/cli.ts';
import { LiveStream } from '../helpers/live-stream.ts';
import { startNginx, type Nginx } from '../helpers/nginx.ts';
import { startPostgres, type PostgresDatabase } from '../helpers/postgres-server.ts';

const PER_MINUTE = 60;
const TITLE = 'Compteur bloqué après le déménagement';
let database: PostgresDatabase;
let processes: Serving[];
let nginx: Nginx;
let threadId: number;
const staticDir = mkdtempSync(join(tmpdir(), 'entraide-processes-static-'));

const token = async (sub: string) => (await signToken(TEST_SECRET, { sub: `proc:${sub}`, name: sub, role: 'member' })).token;

async function send(base: string, method: string, path: string, who: string | undefined, body?: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${await token(who)}` } : {}), ...headers },
    body: body && JSON.stringify(body),
  });
}

before(async () => {
  // A brand page around the forum: what rendered pages fill in.
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>Aide</title></head><body><entraide-forum></entraide-forum><script type="module" src="/entraide.min.js"></script></body></html>');
  database = await startPostgres();
  const imported = await runCli(['import', EXAMPLE_COMMUNITY], { DATABASE_URL: database.url });
  assert.equal(imported.code, 0, imported.stderr);
  const env = {
    DATABASE_URL: database.url, ENTRAIDE_COMMUNITY: 'lumen', ENTRAIDE_JWT_SECRET: TEST_SECRET, ENTRAIDE_STATIC_DIR: staticDir, ENTRAIDE_PAGES: '1',
    ENTRAIDE_PUBLIC_URL: 'http://127.0.0.1', ENTRAIDE_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE), ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0',
  };
  processes = await Promise.all([serve(env), serve(env)]);
  nginx = await startNginx(processes.map((process) => process.url));
  const community = (await (await send(nginx.url, 'GET', '/community', undefined)).json()) as { categories: Array<{ id: number }> };
  const created = await send(processes[0]!.url, 'POST', '/threads', 'asker', { categoryId: community.categories[0]!.id, title: TITLE, body: 'Le compteur ne remonte plus les index depuis mon arrivée.' });
  assert.equal(created.status, 201, await created.clone().text());
  threadId = ((await created.json()) as { thread: { id: number } }).thread.id;
});

after(async () => {
  await nginx?.stop();
  for (const process of processes ?? []) if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGTERM');
  await Promise.all((processes ?? []).map((process) => process.exited));
  await database?.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

async function reply(base: string, who: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return send(base, 'POST', `/threads/${threadId}/posts`, who, { body }, headers);
}

/** Milliseconds until `check` holds, polling; throws past `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean> | boolean, what: string): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

describe('two processes on one PostgreSQL behind nginx', { timeout: 300_000 }, () => {
  it('a reply posted through one process reaches readers of the other, and through nginx, within 1 s', async () => {
    const [a, b] = processes;
    const readers = [await LiveStream.open(`${b!.url}/api/events?threadId=${threadId}`, undefined), await LiveStream.open(`${nginx.url}/api/events?threadId=${threadId}`, undefined)];
    try {
      const answered = await reply(a!.url, 'helper', 'Relancez le compteur depuis son bouton « test ».');
      assert.equal(answered.status, 201);
      const { id } = (await answered.json()) as { id: number };
      for (const reader of readers) {
        const ms = await within(1000, () => reader.frames.some(({ event }) => event.type === 'post-created' && event.post.id === id), 'the reply on the other process’s stream');
        assert.ok(ms < 1000);
      }
    } finally {
      for (const reader of readers) reader.close();
    }
  });

  it('drops the rendered page from every process’s cache when a reply changes it', async () => {
    const path = threadPath(threadId, TITLE);
    const page = async (process: Serving) => (await fetch(`${process.url}${path}`)).text();
    const marker = 'Changez les piles du module radio';
    // Both processes render and cache the page before the reply.
    for (const process of processes) assert.doesNotMatch(await page(process), new RegExp(marker));
    assert.equal((await reply(processes[0]!.url, 'helper', `${marker}, puis relancez.`)).status, 201);
    for (const process of processes) await within(1000, async () => (await page(process)).includes(marker), `the new reply on ${process.url}’s page`);
  });

  it('counts a member’s requests to both processes against one limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_MINUTE; i += 1) statuses.push((await send(processes[i % 2]!.url, 'GET', '/notifications', 'counter')).status);
    assert.deepEqual(statuses.slice(0, PER_MINUTE).filter((status) => status !== 200), [], 'the first requests pass');
    assert.equal(statuses[PER_MINUTE], 429, `request ${PER_MINUTE + 1}, half of them to each process, is refused`);
  });

  it('stores once the same Idempotency-Key sent to both processes at once', async () => {
    const body = 'Une seule fois, même envoyée deux fois.';
    const headers = { 'idempotency-key': `both-processes-${Date.now()}` };
    const answers = await Promise.all(processes.map((process) => reply(process.url, 'retrier', body, headers)));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.ok(statuses[0] === 201 && (statuses[1] === 201 || statuses[1] === 409), `statuses ${statuses.join(', ')}`);
    const again = await reply(processes[1]!.url, 'retrier', body, headers);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from posts where body_md = $1', [body]);
      assert.equal(rows[0]!.n, 1);
    } finally {
      await client.end();
    }
  });

  it('loses no acknowledged write when one process is killed (SIGKILL), and nginx goes on through the other', async () => {
    const [a, b] = processes;
    const acknowledged: number[] = [];
    let stop = false;
    const writer = async (n: number) => {
      for (let i = 0; !stop && i < 10; i += 1) {
        const answer = await reply(a!.url, `writer${n}`, `Écriture ${n}.${i} avant la coupure.`).catch(() => undefined);
        if (answer?.status === 201) acknowledged.push(((await answer.json()) as { id: number }).id);
      }
    };
    const writing = Promise.all([0, 1, 2, 3].map(writer));
    await within(10_000, () => acknowledged.length >= 5, 'a few acknowledged writes');
    a!.child.kill('SIGKILL');
    stop = true;
    await writing;
    await a!.exited;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: number }>('select id from posts where id = any($1::int[])', [acknowledged]);
      assert.equal(rows.length, acknowledged.length, `all ${acknowledged.length} acknowledged replies are stored`);
    } finally {
      await client.end();
    }
    // Through nginx, the other process answers (the dead one is marked down after one failure).
    for (let i = 0; i < 4; i += 1) assert.equal((await fetch(`${nginx.url}/api/threads/${threadId}`)).status, 200);
    assert.equal((await reply(b!.url, 'helper', 'Toujours là après la coupure.')).status, 201);
  });
});
