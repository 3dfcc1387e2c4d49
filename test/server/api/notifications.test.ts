/**
 * Notifications of issue 15 against the real server (PGlite, or PostgreSQL in parity runs): each
 * kind written by the write that causes it, never to its actor, muted follows silenced, hidden
 * posts taken back, the bell's list and marks, and the live stream carrying each member's own only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Notification } from '../../../src/contract/areas/notify.ts';
import { signToken } from '../../../src/server/auth.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';
import { LiveStream } from '../../helpers/live-stream.ts';

type Who = 'asker' | 'helper' | 'other' | 'advisor' | 'moderator';
let server: TestServer;
const tokens = {} as Record<Who, string>;

before(async () => {
  server = await createTestServer({ listen: true });
  for (const who of ['asker', 'helper', 'other', 'advisor', 'moderator'] as const) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(() => server.close());

async function call<T = unknown>(who: Who | 'guest', method: string, url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = who === 'guest' ? {} : { authorization: `Bearer ${tokens[who]}` };
  const response = await server.app.inject({ method: method as 'GET', url: `/api${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>() };
}
const ok = async <T>(who: Who, method: string, url: string, payload?: unknown): Promise<T> => {
  const answer = await call<T>(who, method, url, payload);
  assert.ok(answer.status < 300, `${method} ${url} as ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const list = (who: Who) => ok<{ items: Notification[]; unreadCount: number }>(who, 'GET', '/notifications?limit=100');
const ask = async (who: Who, title: string) =>
  (await ok<{ thread: { id: number }; post: { id: number } }>(who, 'POST', '/threads', { categoryId: server.fixtures.categories.network, title, body: `${title} : que faire ? Merci d'avance.` }));
const reply = (who: Who, threadId: number, body: string) => ok<{ id: number }>(who, 'POST', `/threads/${threadId}/posts`, { body });
const about = async (who: Who, threadId: number) => (await list(who)).items.filter((item) => item.thread?.id === threadId);

describe('notifications of the customer loop', { timeout: 600_000 }, () => {
  it('tells the asker of a reply to their question, with what the bell needs, and never the replier', async () => {
    const { thread } = await ask('asker', 'Réseau coupé à Lyon');
    const answer = await reply('helper', thread.id, 'Redémarrez le téléphone, cela règle souvent le souci.');
    const [item] = await about('asker', thread.id);
    assert.equal(item?.kind, 'reply');
    assert.deepEqual([item.postId, item.by?.pseudonym, item.thread?.title, item.eventCount, item.readAt, item.memberId], [answer.id, 'Pix37', 'Réseau coupé à Lyon', 1, null, server.fixtures.members.asker.id]);
    assert.deepEqual(await about('helper', thread.id), [], 'not told of their own reply');
    // The replier follows now (preference on by default): the asker's answer reaches them.
    await reply('asker', thread.id, 'Merci, je vais essayer tout de suite.');
    assert.equal((await about('helper', thread.id))[0]?.kind, 'reply');
  });

  it('does not make a replier follow when their preference says no, and a muted thread sends no reply', async () => {
    const { thread } = await ask('asker', 'Messagerie vocale muette');
    await server.db.query('insert into member_preferences (member_id, follow_on_reply) values ($1, false)', [server.fixtures.members.other.id]);
    await reply('other', thread.id, 'Même souci ici depuis hier soir.');
    await reply('helper', thread.id, 'Composez le 888 pour la réinitialiser.');
    assert.deepEqual(await about('other', thread.id), []);
    await ok('asker', 'PUT', `/threads/${thread.id}/follow`, { level: 'muted' });
    const before = (await about('asker', thread.id)).length;
    await reply('other', thread.id, 'Le 888 a marché pour moi, merci.');
    assert.equal((await about('asker', thread.id)).length, before, 'muted: no new notification');
  });

  it('tells followers of a category of a new question, unless they muted it; a mention still reaches a muted member', async () => {
    await ok('other', 'PUT', `/categories/${server.fixtures.categories.network}/follow`, { level: 'following' });
    await ok('helper', 'PUT', `/categories/${server.fixtures.categories.network}/follow`, { level: 'muted' });
    const { thread } = await ask('asker', 'Antenne en panne près de la gare, @PIX37 tu sais ?');
    assert.equal((await about('other', thread.id))[0]?.kind, 'new-thread');
    const helperItems = await about('helper', thread.id);
    assert.deepEqual(helperItems.map((item) => item.kind), ['mention'], 'mentioned case-insensitively, once');
    await ok('helper', 'DELETE', `/categories/${server.fixtures.categories.network}/follow`);
    await ok('other', 'DELETE', `/categories/${server.fixtures.categories.network}/follow`);
  });

  it('tells the author of an accepted answer and of a confirmed one; the credited author hears of the confirmation, not of a reply', async () => {
    const { thread } = await ask('asker', 'Forfait étranger à activer');
    const answer = await reply('helper', thread.id, 'Activez l’option dans votre espace client, rubrique voyage.');
    await ok('asker', 'POST', `/threads/${thread.id}/solution`, { postId: answer.id });
    assert.ok((await about('helper', thread.id)).some((item) => item.kind === 'answer-accepted' && item.postId === answer.id && item.by?.pseudonym === 'Tom'));
    const confirmation = await ok<{ id: number }>('advisor', 'POST', `/threads/${thread.id}/confirmations`, { body: 'Bonjour à tous, je confirme ce que dit @Pix37.', citedPostIds: [answer.id] });
    const kinds = (await about('helper', thread.id)).filter((item) => item.postId === confirmation.id).map((item) => item.kind);
    assert.deepEqual(kinds, ['answer-confirmed']);
    assert.ok((await about('asker', thread.id)).some((item) => item.kind === 'reply' && item.postId === confirmation.id), 'the asker hears of the advisor reply');
  });

  it('batches kudos on one post into one unread notification, and starts a new one once read', async () => {
    const { thread } = await ask('asker', 'Wifi qui décroche');
    const answer = await reply('helper', thread.id, 'Changez le canal wifi de la box, le 6 ou le 11.');
    await ok('asker', 'POST', `/posts/${answer.id}/kudos`);
    await ok('other', 'POST', `/posts/${answer.id}/kudos`);
    let kudos = (await about('helper', thread.id)).filter((item) => item.kind === 'kudos');
    assert.equal(kudos.length, 1);
    assert.deepEqual([kudos[0]!.eventCount, kudos[0]!.by?.pseudonym], [2, 'rosier']);
    await ok('helper', 'POST', `/notifications/${kudos[0]!.id}/read`);
    await ok('moderator', 'POST', `/posts/${answer.id}/kudos`);
    kudos = (await about('helper', thread.id)).filter((item) => item.kind === 'kudos');
    assert.deepEqual(kudos.map((item) => [item.eventCount, item.readAt === null]), [[1, true], [2, false]]);
  });

  it('tells the asker their thread was taken into private, and each side of a private message, without its body', async () => {
    const { thread } = await ask('asker', 'Facture en double ce mois');
    const opened = await ok<{ conversation: { id: number } }>('advisor', 'POST', `/threads/${thread.id}/private`, {});
    const conversationId = opened.conversation.id;
    const privateOpened = (await about('asker', thread.id)).find((item) => item.kind === 'private-opened');
    assert.equal(privateOpened?.conversationId, conversationId);
    await ok('asker', 'POST', `/private/${conversationId}/messages`, { body: 'Voici mon numéro de client secret 1234.' });
    const toAdvisor = (await about('advisor', thread.id)).find((item) => item.kind === 'private-message');
    assert.equal(toAdvisor?.conversationId, conversationId);
    assert.ok(!JSON.stringify(await list('advisor')).includes('secret 1234'), 'the message body never leaves the inbox');
    await ok('advisor', 'POST', `/private/${conversationId}/messages`, { body: 'Merci, je regarde votre dossier.' });
    assert.ok((await about('asker', thread.id)).some((item) => item.kind === 'private-message'));
    assert.ok(!(await about('other', thread.id)).some((item) => item.kind.startsWith('private')));
  });

  it('tells of an incident the askers and same-problem members of its threads in its region, and category followers', async () => {
    // Each member's region comes from the brand's token.
    const inRegion = async (who: Who, region: string) => {
      const member = server.fixtures.members[who];
      tokens[who] = (await signToken(TEST_SECRET, { sub: member.externalId, name: member.pseudonym, role: member.role, region })).token;
    };
    await inRegion('asker', 'Bretagne');
    await inRegion('helper', 'Bretagne');
    await inRegion('other', 'Alsace');
    const { thread } = await ask('asker', 'Plus de 4G à Brest');
    await ok('other', 'POST', `/threads/${thread.id}/same-problem`);
    await ok('helper', 'PUT', `/categories/${server.fixtures.categories.network}/follow`, { level: 'following' });
    const incident = await ok<{ id: number }>('advisor', 'POST', '/incidents', {
      title: 'Panne 4G Bretagne', bannerText: 'Une panne touche la 4G en Bretagne.', categoryId: server.fixtures.categories.network, region: 'Bretagne', threadIds: [thread.id],
    });
    const incidentOf = async (who: Who) => (await list(who)).items.filter((item) => item.kind === 'incident' && item.incident?.id === incident.id);
    assert.equal((await incidentOf('asker'))[0]?.incident?.title, 'Panne 4G Bretagne');
    assert.equal((await incidentOf('helper')).length, 1, 'a category follower in the region');
    assert.deepEqual(await incidentOf('other'), [], 'another region');
    assert.deepEqual(await incidentOf('advisor'), [], 'not the actor');
    await ok('advisor', 'POST', `/incidents/${incident.id}/updates`, { text: 'Antenne réparée, retour progressif.', status: 'monitoring' });
    assert.equal((await incidentOf('asker')).length, 2);
    await ok('helper', 'DELETE', `/categories/${server.fixtures.categories.network}/follow`);
  });

  it('takes back a notification about a post moderation hid, and gives it back on restore', async () => {
    const { thread } = await ask('asker', 'Carte SIM non reconnue');
    const answer = await reply('helper', thread.id, 'Nettoyez la puce avec un chiffon sec.');
    assert.equal((await about('asker', thread.id)).length, 1);
    const unread = (await list('asker')).unreadCount;
    await ok('moderator', 'POST', `/posts/${answer.id}/hide`, { reason: 'Hors sujet' });
    assert.deepEqual(await about('asker', thread.id), []);
    assert.equal((await list('asker')).unreadCount, unread - 1);
    await ok('moderator', 'POST', `/posts/${answer.id}/restore`, { reason: 'Finalement utile' });
    assert.equal((await about('asker', thread.id)).length, 1);
  });

  it('marks one read (someone else’s is a 404) and all read, newest first', async () => {
    const mine = await list('asker');
    assert.ok(mine.unreadCount > 1);
    const dates = mine.items.map((item) => item.updatedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const first = mine.items.find((item) => item.readAt === null)!;
    assert.equal((await call('helper', 'POST', `/notifications/${first.id}/read`)).status, 404);
    const read = await ok<Notification>('asker', 'POST', `/notifications/${first.id}/read`);
    assert.ok(read.readAt);
    assert.equal((await list('asker')).unreadCount, mine.unreadCount - 1);
    const all = await ok<{ marked: number; unreadCount: number }>('asker', 'POST', '/notifications/read');
    assert.deepEqual(all, { marked: mine.unreadCount - 1, unreadCount: 0 });
    assert.equal((await list('asker')).unreadCount, 0);
    assert.equal((await call('guest', 'POST', '/notifications/read')).status, 401);
  });
});

describe('notifications over the live stream', { timeout: 600_000 }, () => {
  it('reach their member’s stream only, live and on replay, never another member’s or a guest’s', async () => {
    const { thread } = await ask('asker', 'Appels qui coupent au bout de 10 s');
    const lastId = (await server.db.query<{ id: number }>('select coalesce(max(id), 0)::int as id from events'))[0]!.id;
    const streams = {
      asker: await LiveStream.open(`${server.url}/api/events?threadId=${thread.id}`, tokens.asker),
      other: await LiveStream.open(`${server.url}/api/events`, tokens.other),
      guest: await LiveStream.open(`${server.url}/api/events`, undefined),
    };
    try {
      const answer = await reply('helper', thread.id, 'Désactivez la 4G voix (VoLTE) pour tester.');
      const frame = await streams.asker.waitFor((f) => f.event.type === 'notification' && f.event.notification?.postId === answer.id, 'the asker’s notification');
      assert.equal(frame.event.type === 'notification' && frame.event.unreadCount > 0, true);
      // The reply writes the live notification in SQL beside the row: it must be the bell's row, with the bell's count.
      const bell = await list('asker');
      const live = frame.event.type === 'notification' ? [frame.event.notification, frame.event.unreadCount] : [];
      assert.deepEqual(live, [bell.items.find((item) => item.postId === answer.id), bell.unreadCount]);
      await streams.other.waitFor((f) => f.event.type === 'post-created' && f.event.post.id === answer.id, 'the reply');
      await streams.guest.waitFor((f) => f.event.type === 'post-created' && f.event.post.id === answer.id, 'the reply');
      await ok('asker', 'POST', '/notifications/read');
      await streams.asker.waitFor((f) => f.event.type === 'notification' && f.event.notification === null && f.event.unreadCount === 0, 'the new count');
      for (const who of ['other', 'guest'] as const) {
        assert.ok(!streams[who].frames.some((f) => f.event.type === 'notification'), `${who} got no notification`);
        assert.ok(!streams[who].raw.includes('"notification"'), `${who}'s raw stream names none`);
      }
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }
    // Replay from before: the asker gets theirs again, the others none.
    const replay = {
      asker: await LiveStream.open(`${server.url}/api/events`, tokens.asker, lastId),
      other: await LiveStream.open(`${server.url}/api/events`, tokens.other, lastId),
      guest: await LiveStream.open(`${server.url}/api/events`, undefined, lastId),
    };
    try {
      await replay.asker.waitFor((f) => f.event.type === 'notification', 'the replayed notification');
      await replay.other.waitFor((f) => f.event.type === 'post-created', 'the replayed reply');
      await replay.guest.waitFor((f) => f.event.type === 'post-created', 'the replayed reply');
      assert.ok(!replay.other.raw.includes('"notification"'));
      assert.ok(!replay.guest.raw.includes('"notification"'));
    } finally {
      for (const stream of Object.values(replay)) stream.close();
    }
  });
});
