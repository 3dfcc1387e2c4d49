/**
 * The API read cache (src/server/cache/): guests share one serialized, compressed answer with an
 * ETag and a 304; members share the public bytes and get their own state added per request; each
 * audience (guest, member, staff) has entries of its own, so nothing kept for one reaches another;
 * a write through this server is read back at once; hidden posts stay hidden whoever read first.
 */
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Post, ThreadDetail } from '../../../src/contract/index.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;

before(async () => {
  ({ server, tokens } = await serverWithTokens());
});
after(() => server.close());

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ url: `/api${url}`, headers });
const as = (who: string | undefined, headers: Record<string, string> = {}) => (who ? { ...headers, authorization: `Bearer ${tokens[who]}` } : headers);

async function thread(who?: string): Promise<ThreadDetail> {
  const response = await get(`/threads/${server.fixtures.threadId}`, as(who));
  assert.equal(response.statusCode, 200);
  return response.json<ThreadDetail>();
}

async function send(method: 'POST' | 'PATCH', url: string, who: string, payload: object) {
  const response = await server.app.inject({ method, url: `/api${url}`, headers: as(who), payload });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<Post>();
}

/** A post written behind the server's back (no API, no live event): only a fresh read shows it. */
async function sneakPost(body: string): Promise<void> {
  const { threadId, members } = server.fixtures;
  const [author] = await server.db.query<{ id: number }>('select id from members where external_id = $1', [members.other.externalId]);
  await server.db.query(`insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', $3, $3)`, [threadId, author!.id, body]);
}

const bodies = (detail: ThreadDetail) => detail.posts.map((post) => post.bodyHtml);

describe('the API read cache', { timeout: 600_000 }, () => {
  // First, before any write through the server: a write's live event is heard a moment after its
  // answer (NOTIFY on PostgreSQL) and empties the thread's entries then, which would pass for a
  // cache emptied by the reading mark.
  it('keeps the shared answers when a member only marks their reading, and empties them on a reply', async () => {
    const url = `/threads/${server.fixtures.threadId}`;
    const before = bodies(await thread());
    await sneakPost('<p>Écrit hors de l’API après la première lecture</p>');
    const reading = await server.app.inject({ method: 'PUT', url: `/api${url}/reading`, headers: as('asker'), payload: { postId: (await thread()).posts.at(-1)!.id } });
    assert.equal(reading.statusCode, 200, reading.body);
    assert.equal((await server.app.inject({ method: 'POST', url: '/api/notifications/read', headers: as('asker') })).statusCode, 200);
    // Only a cleared cache would show the post written behind the server's back.
    assert.deepEqual(bodies(await thread()), before);
    await send('POST', `${url}/posts`, 'helper', { body: 'Une réponse par l’API, qui vide le cache.' });
    assert.ok(bodies(await thread()).some((html) => html.includes('hors de l’API')));
  });

  it('gives guests the same bytes, compressed once, and 304 on revalidation', async () => {
    const url = `/threads/${server.fixtures.threadId}`;
    // Above the compression threshold (1 KB).
    for (const n of [1, 2, 3]) await send('POST', `${url}/posts`, 'helper', { body: `Réponse ${n} : redémarrez la box, puis vérifiez le voyant « service » pendant deux minutes.` });
    const plain = await get(url);
    assert.ok(plain.body.length > 1024);
    assert.equal(plain.headers['cache-control'], 'public, no-cache');
    const etag = String(plain.headers.etag);
    assert.match(etag, /^W\/"[\w-]{22}"$/);
    const again = await get(url, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const br = await get(url, { 'accept-encoding': 'br, gzip' });
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(br.headers.etag, etag);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.equal(gunzipSync(gzip.rawPayload).toString(), plain.body);
    assert.match(String(br.headers.vary), /authorization/i);
    assert.match(String(br.headers.vary), /accept-encoding/i);
  });

  it('keeps each audience apart: what one read first is never served to another', async () => {
    // Posts arrive behind the server's back (no event, no write through it), so a read shows a
    // post only when it was produced after it: which entry each audience gets is then plain.
    const first = '<p>first post unseen by the caches</p>';
    const second = '<p>second post unseen by the caches</p>';
    assert.ok(!bodies(await thread()).includes(first), 'a guest keeps the thread without it');
    await sneakPost(first);
    assert.ok(bodies(await thread('asker')).includes(first), 'members do not get the guests’ entry');
    assert.ok(bodies(await thread('moderator')).includes(first), 'staff do not get the guests’ entry');
    await sneakPost(second);
    assert.ok(!bodies(await thread()).includes(first), 'guests do not get the members’ or the staff’s entry');
    assert.ok(!bodies(await thread('other')).includes(second), 'members share one entry, not the staff’s');
    assert.ok(!bodies(await thread('advisor')).includes(second), 'staff share one entry');
    // A write through the server empties every entry: all three read the database again.
    await send('POST', `/threads/${server.fixtures.threadId}/posts`, 'helper', { body: 'Même souci ici, merci pour le suivi.' });
    for (const who of [undefined, 'asker', 'moderator']) assert.ok(bodies(await thread(who)).includes(second), `${who ?? 'guest'} reads it now`);
  });

  it('adds each member’s own state to the shared bytes, and staff’s sources reach nobody else', async () => {
    const staff = await thread('moderator');
    // Staff may edit every post: each carries its markdown for them.
    assert.ok(staff.posts.every((post) => post.deleted || post.viewer?.source !== undefined));
    const guest = await thread();
    assert.ok(guest.posts.every((post) => post.viewer === undefined), 'no viewer state for a guest');
    assert.equal(guest.viewer, undefined);
    const asker = await thread('asker');
    const askerId = asker.thread.author.id;
    for (const post of asker.posts) assert.equal(post.viewer?.source !== undefined, post.author.id === askerId && !post.deleted, `post ${post.id}: only their own source`);
    const other = await thread('other');
    assert.deepEqual(other.posts.map(({ viewer: _viewer, ...post }) => post), asker.posts.map(({ viewer: _viewer, ...post }) => post), 'the public part is the same for both members');
    // A signed-in answer is private, with its own ETag.
    const response = await get(`/threads/${server.fixtures.threadId}`, as('asker'));
    assert.equal(response.headers['cache-control'], 'private, no-cache');
    assert.equal((await get(`/threads/${server.fixtures.threadId}`, as('asker', { 'if-none-match': String(response.headers.etag) }))).statusCode, 304);
  });

  it('shows a member their own kudos at once, and never another member’s', async () => {
    const [target] = (await thread()).posts;
    await send('POST', `/posts/${target!.id}/kudos`, 'helper', {});
    assert.equal((await thread('helper')).posts[0]!.viewer?.kudos, true);
    assert.equal((await thread('other')).posts[0]!.viewer?.kudos, false);
    assert.equal((await thread()).posts[0]!.kudosCount, target!.kudosCount + 1, 'the count, public, is new for guests too');
  });

  it('hides a hidden post from every audience, whoever read the thread first', async () => {
    const reply = await send('POST', `/threads/${server.fixtures.threadId}/posts`, 'other', { body: 'Une réponse que la modération va masquer.' });
    for (const who of ['moderator', undefined, 'asker']) assert.ok((await thread(who)).posts.some((post) => post.id === reply.id));
    await send('POST', `/posts/${reply.id}/hide`, 'moderator', { reason: 'Hors sujet' });
    for (const who of ['moderator', undefined, 'asker', 'other']) {
      assert.ok(!(await thread(who)).posts.some((post) => post.id === reply.id), `${who ?? 'guest'} no longer sees it`);
    }
    await send('POST', `/posts/${reply.id}/restore`, 'moderator', { reason: 'Finalement utile' });
    assert.ok((await thread()).posts.some((post) => post.id === reply.id));
  });

  it('keeps no error and no reader’s own list', async () => {
    assert.equal((await get('/threads/999999')).statusCode, 404);
    assert.equal((await get('/threads/999999')).headers['cache-control'], undefined);
    const { categories } = server.fixtures;
    const mine = await get(`/threads?categoryId=${categories.billing}&filter=mine`, as('asker'));
    assert.equal(mine.headers['cache-control'], 'no-store');
    const theirs = await get(`/threads?categoryId=${categories.billing}&filter=mine`, as('helper'));
    assert.notDeepEqual(mine.json(), theirs.json());
    const list = await get(`/threads?categoryId=${categories.billing}`);
    assert.equal(list.headers['cache-control'], 'public, no-cache');
    assert.equal((await get(`/threads?categoryId=${categories.billing}`, { 'if-none-match': String(list.headers.etag) })).statusCode, 304);
  });

  it('answers the community in the language asked for, varying on Accept-Language', async () => {
    const fr = await get('/community', { 'accept-language': 'fr' });
    const en = await get('/community', { 'accept-language': 'en' });
    assert.match(String(fr.headers.vary), /accept-language/i);
    assert.equal(fr.json<{ categories: unknown[] }>().categories.length, en.json<{ categories: unknown[] }>().categories.length);
    assert.equal((await get('/community', { 'accept-language': 'fr' })).body, fr.body);
    assert.equal((await get('/community?locale=en')).body, en.body);
  });
});
