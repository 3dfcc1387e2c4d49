/**
 * The private inbox, live and without writes on read (issue 15, item 4): a conversation's
 * events reach its asker and the advisors only, live and on replay; `GET /private/:id` writes
 * nothing; `PUT /private/:id/read` moves the read position forward only and takes the bell
 * along.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LiveStream, type Frame } from '../../helpers/live-stream.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
before(async () => ({ server, tokens } = await serverWithTokens({ listen: true })));
after(() => server.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string | null, payload?: object) =>
  server.app.inject({ method, url, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {}, ...(payload ? { payload } : {}) });
const one = async <T>(sql: string, params: unknown[] = []) => (await server.db.query<T>(sql, params))[0]!;
const lastEventId = async () => (await one<{ id: number }>('select coalesce(max(id), 0)::int as id from events')).id;
/** Everything a write may leave behind when a member reads a conversation. */
const footprint = async () => one<object>(`select (select count(*) from private_reads)::int as reads, (select count(*) from events)::int as events,
  (select count(*) from notifications where read_at is not null)::int as read, (select count(*) from audit_log)::int as audit`);
const unreadPrivate = async (member: string, conversationId: number) =>
  (await one<{ n: number }>('select count(*)::int as n from notifications where member_id = $1 and conversation_id = $2 and read_at is null', [(server.fixtures.members as Record<string, { id: number }>)[member]!.id, conversationId])).n;

async function handOff(title: string, message = 'Bonjour, votre numéro de ligne ?'): Promise<{ threadId: number; conversationId: number; firstMessageId: number }> {
  const created = await call('POST', '/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title, body: 'Il faut accéder à mon compte.' });
  assert.equal(created.statusCode, 201, created.body);
  const threadId = created.json<{ thread: { id: number } }>().thread.id;
  const opened = await call('POST', `/api/threads/${threadId}/private`, 'advisor', { message });
  assert.equal(opened.statusCode, 201, opened.body);
  const { conversation, messages } = opened.json<{ conversation: { id: number }; messages: Array<{ id: number }> }>();
  return { threadId, conversationId: conversation.id, firstMessageId: messages[0]!.id };
}

const privateFrames = (stream: LiveStream) => stream.frames.filter((f): f is Frame & { event: { type: 'private-updated' } } => f.event.type === 'private-updated');

describe('GET /private/:id', { timeout: 600_000 }, () => {
  it('writes nothing: no read position, no notification read, no event', async () => {
    const { conversationId } = await handOff('Lecture sans écriture');
    const before = await footprint();
    for (const who of ['asker', 'advisor', 'technicalAdvisor']) assert.equal((await call('GET', `/api/private/${conversationId}`, who)).statusCode, 200);
    assert.deepEqual(await footprint(), before);
    const listed = (await call('GET', '/api/private', 'asker')).json<{ items: Array<{ id: number; unread: boolean }> }>().items.find((c) => c.id === conversationId);
    assert.equal(listed?.unread, true, 'reading alone does not clear the marker');
  });
});

describe('PUT /private/:id/read', { timeout: 600_000 }, () => {
  it('moves the read position forward only, idempotently, and reads the conversation’s notifications up to there', async () => {
    const { conversationId, firstMessageId } = await handOff('Position de lecture');
    assert.equal((await call('POST', `/api/private/${conversationId}/messages`, 'advisor', { body: 'Un second message.' })).statusCode, 201);
    const second = (await call('GET', `/api/private/${conversationId}`, 'asker')).json<{ messages: Array<{ id: number }> }>().messages.at(-1)!.id;
    assert.equal(await unreadPrivate('asker', conversationId), 3, 'taken into private, and two messages');

    const first = await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: firstMessageId });
    assert.equal(first.statusCode, 200, first.body);
    const state = first.json<{ conversationId: number; lastReadMessageId: number; unread: boolean; unreadNotifications: number }>();
    assert.deepEqual([state.conversationId, state.lastReadMessageId, state.unread], [conversationId, firstMessageId, true]);
    assert.equal(typeof state.unreadNotifications, 'number');
    assert.equal(await unreadPrivate('asker', conversationId), 1, 'the later message’s notification stays unread');

    const read = await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: second });
    assert.deepEqual([read.json().lastReadMessageId, read.json().unread], [second, false]);
    assert.equal(await unreadPrivate('asker', conversationId), 0);
    const again = await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: second });
    assert.deepEqual(again.json(), read.json(), 'idempotent');
    const back = await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: firstMessageId });
    assert.equal(back.json().lastReadMessageId, second, 'never goes back');
    const listed = (await call('GET', '/api/private', 'asker')).json<{ items: Array<{ id: number; unread: boolean }> }>().items.find((c) => c.id === conversationId);
    assert.equal(listed?.unread, false);
  });

  it('with no message yet, reads the "taken into private" notification only', async () => {
    const created = await call('POST', '/api/threads', 'asker', { categoryId: server.fixtures.categories.billing, title: 'Sans message encore', body: 'Il faut accéder à mon compte.' });
    const threadId = created.json<{ thread: { id: number } }>().thread.id;
    const conversationId = (await call('POST', `/api/threads/${threadId}/private`, 'advisor', {})).json<{ conversation: { id: number } }>().conversation.id;
    assert.equal(await unreadPrivate('asker', conversationId), 1);
    const read = await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: null });
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual([read.json().lastReadMessageId, read.json().unread], [null, false]);
    assert.equal(await unreadPrivate('asker', conversationId), 0);
  });

  it('refuses a message of another conversation, an outsider, a guest and a bad body, writing nothing', async () => {
    const { conversationId } = await handOff('Refus de lecture A');
    const other = await handOff('Refus de lecture B');
    const before = await footprint();
    const foreign = await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: other.firstMessageId });
    assert.equal(foreign.statusCode, 400);
    assert.equal(foreign.json().error.code, 'validation_failed');
    assert.equal((await call('PUT', `/api/private/${conversationId}/read`, 'other', { lastMessageId: null })).statusCode, 404);
    assert.equal((await call('PUT', `/api/private/${conversationId}/read`, 'moderator', { lastMessageId: null })).statusCode, 404);
    assert.equal((await call('PUT', `/api/private/${conversationId}/read`, null, { lastMessageId: null })).statusCode, 401);
    assert.equal((await call('PUT', '/api/private/999999/read', 'advisor', { lastMessageId: null })).statusCode, 404);
    for (const payload of [{}, { lastMessageId: 'x' }, { lastMessageId: -1 }, { lastMessageId: null, extra: 1 }]) {
      const bad = await call('PUT', `/api/private/${conversationId}/read`, 'asker', payload);
      assert.equal(bad.statusCode, 400, JSON.stringify(payload));
    }
    assert.deepEqual(await footprint(), before);
  });

  it('tells the reader’s open bells their new unread count', async () => {
    const { conversationId, firstMessageId } = await handOff('La cloche suit');
    const bell = await LiveStream.open(`${server.url}/api/events`, tokens.asker);
    try {
      const start = await lastEventId();
      await call('PUT', `/api/private/${conversationId}/read`, 'asker', { lastMessageId: firstMessageId });
      const frame = await bell.waitFor((f) => f.id > start && f.event.type === 'notification', 'the new unread count');
      assert.ok(frame.event.type === 'notification' && frame.event.notification === null);
    } finally {
      bell.close();
    }
  });
});

describe('the live stream of private conversations', { timeout: 600_000 }, () => {
  it('reaches the asker and the advisors, live and on replay; never another member, a moderator or a guest', async () => {
    const since = await lastEventId();
    const open = (token: string | undefined, resume?: number) => LiveStream.open(`${server.url}/api/events`, token, resume);
    const live = { asker: await open(tokens.asker), advisor: await open(tokens.technicalAdvisor), other: await open(tokens.other), moderator: await open(tokens.moderator), guest: await open(undefined) };
    const secret = 'Mon code client secret est 4242';
    const replays: LiveStream[] = [];
    try {
      const { conversationId } = await handOff('Fil privé en direct', 'Bonjour, je prends votre demande.');
      assert.equal((await call('POST', `/api/private/${conversationId}/messages`, 'asker', { body: secret })).statusCode, 201);
      assert.equal((await call('POST', `/api/private/${conversationId}/close`, 'advisor', { outcome: 'Réglé par téléphone.' })).statusCode, 200);
      const closing = (f: Frame) => f.event.type === 'private-updated' && f.event.conversationId === conversationId && f.event.change === 'closed';
      for (const who of ['asker', 'advisor'] as const) {
        await live[who].waitFor(closing, `${who}: the closing`);
        const changes = privateFrames(live[who]).filter((f) => f.event.conversationId === conversationId).map((f) => f.event.change);
        assert.deepEqual(changes, ['opened', 'message', 'closed'], who);
        const message = privateFrames(live[who]).find((f) => f.event.change === 'message')!.event.message;
        assert.match(message?.bodyHtml ?? '', /code client secret/);
      }
      // Every event is out once the trace of the closing reached the public streams.
      for (const who of ['other', 'moderator', 'guest'] as const) {
        await live[who].waitFor((f) => f.event.type === 'post-created' && /Résultat/.test(f.event.post.bodyHtml), `${who}: the public outcome`);
      }

      for (const [who, token] of [['asker', tokens.asker], ['advisor', tokens.advisor], ['other', tokens.other], ['moderator', tokens.moderator], ['guest', undefined]] as const) {
        const replay = await open(token, since);
        replays.push(replay);
        await replay.waitFor((f) => f.event.type === 'post-created' && /Résultat/.test(f.event.post.bodyHtml), `${who}: the replayed outcome`);
        const sees = who === 'asker' || who === 'advisor';
        assert.equal(privateFrames(replay).filter((f) => f.event.conversationId === conversationId).length, sees ? 3 : 0, `${who} on replay`);
        assert.equal(replay.raw.includes('code client secret'), sees, `${who}: the body on replay`);
      }
      for (const who of ['other', 'moderator', 'guest'] as const) {
        assert.deepEqual(privateFrames(live[who]), [], `${who}: no private event live`);
        assert.ok(!live[who].raw.includes('code client secret') && !live[who].raw.includes('je prends votre demande'), `${who}: no private body live`);
      }
    } finally {
      for (const stream of [...Object.values(live), ...replays]) stream.close();
    }
  });

  it('carries private events on a stream filtered to one thread too, for its participants only', async () => {
    const { threadId, conversationId } = await handOff('Filtre de fil');
    const asker = await LiveStream.open(`${server.url}/api/events?threadId=${threadId + 1000}`, tokens.asker);
    const other = await LiveStream.open(`${server.url}/api/events?threadId=${threadId}`, tokens.other);
    try {
      assert.equal((await call('POST', `/api/private/${conversationId}/messages`, 'advisor', { body: 'Toujours là ?' })).statusCode, 201);
      await asker.waitFor((f) => f.event.type === 'private-updated' && f.event.conversationId === conversationId, 'the message on a filtered stream');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(privateFrames(other), []);
    } finally {
      asker.close();
      other.close();
    }
  });
});
