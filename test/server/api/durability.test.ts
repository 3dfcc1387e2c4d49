/**
 * Kill -9 under load: every reply the server acknowledged must be there after a restart, and the
 * database must open cleanly. Runs on PGlite (a data directory) and, in the parity run, on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { signToken } from '../../../src/server/auth.ts';
import { scratchPostgresDatabase } from '../../helpers/postgres.ts';
import { TEST_SECRET } from '../../helpers/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-durability-'));
const adminUrl = process.env.ENTRAIDE_TEST_DATABASE_URL;
const children: ChildProcess[] = [];

let dropDatabase: (() => Promise<void>) | undefined;

async function databaseUrl(): Promise<string | undefined> {
  if (!adminUrl) return undefined;
  const scratch = await scratchPostgresDatabase(adminUrl, 'entraide_durability');
  dropDatabase = scratch.drop;
  return scratch.url;
}

after(async () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

async function start(url: string | undefined): Promise<{ child: ChildProcess; api: string }> {
  const child = spawn(process.execPath, ['src/server/cli.ts'], {
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', ENTRAIDE_DATA_DIR: dataDir, DATABASE_URL: url ?? '', ENTRAIDE_DEMO: '1',
      ENTRAIDE_JWT_SECRET: TEST_SECRET, ENTRAIDE_STATIC_DIR: '/nonexistent',
      ENTRAIDE_RATE_LIMIT_PER_MINUTE: '0', ENTRAIDE_POST_INTERVAL_SECONDS: '0', ENTRAIDE_NEW_MEMBER_POST_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const match = /Ready in .* on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { child, api: `${match[1]}/api` };
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server not ready: ${output}`);
}

/** A thread and all its posts, page after page. */
async function readWholeThread(api: string, threadId: number) {
  type Posted = { id: number; author: { id: number; postCount: number; rank: { level: number } } };
  type Page = { posts?: Posted[]; items?: Posted[]; nextCursor: string | null; thread?: { replyCount: number } };
  const first = (await (await fetch(`${api}/threads/${threadId}?limit=200`)).json()) as Page;
  const posts = [...(first.posts ?? [])];
  for (let cursor = first.nextCursor; cursor; ) {
    const page = (await (await fetch(`${api}/threads/${threadId}/posts?limit=200&cursor=${encodeURIComponent(cursor)}`)).json()) as Page;
    posts.push(...(page.items ?? []));
    cursor = page.nextCursor;
  }
  return { thread: first.thread!, posts };
}

const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

describe(`durability on ${adminUrl ? 'PostgreSQL' : 'PGlite'}`, { timeout: 600_000 }, () => {
  it('keeps every acknowledged reply after SIGKILL under a few hundred concurrent replies', async () => {
    const url = await databaseUrl();
    const first = await start(url);
    const tokens = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => (await signToken(TEST_SECRET, { sub: `load:${i}`, name: `Charge${i}`, role: 'member' })).token),
    );
    const community = (await (await fetch(`${first.api}/community`)).json()) as { categories: Array<{ id: number }> };
    const categoryId = community.categories[0]!.id;
    const created = await fetch(`${first.api}/threads`, { method: 'POST', headers: json(tokens[0]!), body: JSON.stringify({ categoryId, title: 'Fil de charge', body: 'Début.' }) });
    assert.equal(created.status, 201, await created.clone().text());
    const threadId = ((await created.json()) as { thread: { id: number } }).thread.id;

    const acknowledged: number[] = [];
    const sends = Array.from({ length: 300 }, (_, i) =>
      fetch(`${first.api}/threads/${threadId}/posts`, { method: 'POST', headers: json(tokens[i % tokens.length]!), body: JSON.stringify({ body: `Réponse ${i}` }) })
        .then(async (response) => {
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
        })
        .catch(() => undefined),
    );
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await Promise.all(sends);
    assert.ok(acknowledged.length >= 60);

    const second = await start(url);
    const { thread, posts } = await readWholeThread(second.api, threadId);
    const stored = new Set(posts.map((post) => post.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged replies were lost`);
    assert.equal(thread.replyCount, posts.length - 1, 'counters agree with the rows');
    // Post counts are raised outside the reply (counter deltas, folded after it and at start-up):
    // each writer's count is their posts (all in this thread), and the ranks shown agree with it.
    const written = new Map<number, number>();
    for (const post of posts) written.set(post.author.id, (written.get(post.author.id) ?? 0) + 1);
    for (const [memberId, count] of written) {
      const profile = (await (await fetch(`${second.api}/members/${memberId}`)).json()) as { postCount: number; rank: { level: number } };
      assert.equal(profile.postCount, count, `member ${memberId}: post count ${profile.postCount}, posts ${count}`);
      const shown = posts.filter((post) => post.author.id === memberId).map((post) => [post.author.postCount, post.author.rank.level]);
      assert.deepEqual(new Set(shown.map(String)), new Set([String([count, profile.rank.level])]));
    }
    second.child.kill('SIGTERM');
  });
});
