/**
 * Taking a kudos back (issue 15, item 1) against the real server (PGlite, or PostgreSQL in parity
 * runs): the author's unread kudos batch counts one less and goes at zero, a notification already
 * read stays as history, the bell's count follows live, and the e-mail outbox never sends a
 * kudos taken back before its delay (a real SMTP server receives what is sent).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Notification } from '../../../src/contract/areas/notify.ts';
import { signToken } from '../../../src/server/auth.ts';
import { drainEmail } from '../../../src/server/email-drainer.ts';
import { LiveStream } from '../../helpers/live-stream.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.ts';

type Who = 'asker' | 'helper' | 'other' | 'moderator';
let server: TestServer;
let smtp: TestSmtp;
const tokens = {} as Record<Who, string>;
const HELPER_EMAIL = 'pix37@example.com';

before(async () => {
  smtp = await startTestSmtp();
  server = await createTestServer({ listen: true });
  for (const who of ['asker', 'helper', 'other', 'moderator'] as const) tokens[who] = await server.tokenFor(server.fixtures.members[who]);
});
after(async () => {
  await server.close();
  await smtp.close();
});

async function ok<T>(who: Who, method: string, url: string, payload?: unknown): Promise<T> {
  const response = await server.app.inject({ method: method as 'GET', url: `/api${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  assert.ok(response.statusCode < 300, `${method} ${url} as ${who}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}
const bell = (who: Who) => ok<{ items: Notification[]; unreadCount: number }>(who, 'GET', '/notifications?limit=100');
const kudosOn = async (who: Who, postId: number) => (await bell(who)).items.filter((item) => item.kind === 'kudos' && item.postId === postId);

/** A question by the asker and the helper's answer: the post kudos go to. */
async function answer(title: string): Promise<{ threadId: number; postId: number }> {
  const { thread } = await ok<{ thread: { id: number } }>('asker', 'POST', '/threads', { categoryId: server.fixtures.categories.network, title, body: `${title} : que faire ? Merci.` });
  const post = await ok<{ id: number }>('helper', 'POST', `/threads/${thread.id}/posts`, { body: 'Redémarrez le téléphone, puis réessayez.' });
  return { threadId: thread.id, postId: post.id };
}

describe('taking a kudos back', { timeout: 600_000 }, () => {
  it('counts one less in the unread batch, names a giver still counted, and removes the batch at zero', async () => {
    const { postId } = await answer('Kudos repris, lot non lu');
    const before = (await bell('helper')).unreadCount;
    await ok('asker', 'POST', `/posts/${postId}/kudos`);
    await ok('other', 'POST', `/posts/${postId}/kudos`);
    assert.deepEqual((await kudosOn('helper', postId)).map((n) => [n.eventCount, n.by?.pseudonym]), [[2, 'rosier']]);

    await ok('other', 'DELETE', `/posts/${postId}/kudos`);
    assert.deepEqual((await kudosOn('helper', postId)).map((n) => [n.eventCount, n.by?.pseudonym]), [[1, 'Tom']], 'the giver who took it back is no longer named');
    assert.equal((await bell('helper')).unreadCount, before + 1);

    await ok('asker', 'DELETE', `/posts/${postId}/kudos`);
    assert.deepEqual(await kudosOn('helper', postId), []);
    assert.equal((await bell('helper')).unreadCount, before);
    // Taking back what is not there changes nothing (idempotent), and giving again starts a new batch of one.
    await ok('asker', 'DELETE', `/posts/${postId}/kudos`);
    await ok('asker', 'POST', `/posts/${postId}/kudos`);
    assert.deepEqual((await kudosOn('helper', postId)).map((n) => n.eventCount), [1]);
  });

  it('keeps a notification already read as history, and leaves a newer batch alone when an older kudos is taken back', async () => {
    const { postId } = await answer('Kudos repris après lecture');
    await ok('asker', 'POST', `/posts/${postId}/kudos`);
    const [read] = await kudosOn('helper', postId);
    await ok('helper', 'POST', `/notifications/${read!.id}/read`);
    await ok('other', 'POST', `/posts/${postId}/kudos`);

    // The asker's kudos was told in the read notification: the unread batch (rosier's) is not theirs to shrink.
    await ok('asker', 'DELETE', `/posts/${postId}/kudos`);
    const items = await kudosOn('helper', postId);
    assert.deepEqual(items.map((n) => [n.eventCount, n.readAt === null, n.by?.pseudonym]), [[1, true, 'rosier'], [1, false, 'Tom']]);

    await ok('other', 'DELETE', `/posts/${postId}/kudos`);
    assert.deepEqual((await kudosOn('helper', postId)).map((n) => [n.id, n.readAt === null]), [[read!.id, false]], 'the read one stays');
  });

  it('sends the author their new unread count live, and the shrunken batch', async () => {
    const { postId } = await answer('Kudos repris en direct');
    await ok('asker', 'POST', `/posts/${postId}/kudos`);
    await ok('moderator', 'POST', `/posts/${postId}/kudos`);
    const count = (await bell('helper')).unreadCount;
    const stream = await LiveStream.open(`${server.url}/api/events`, tokens.helper);
    try {
      await ok('moderator', 'DELETE', `/posts/${postId}/kudos`);
      const shrunk = await stream.waitFor((f) => f.event.type === 'notification' && f.event.notification?.postId === postId, 'the shrunken batch');
      assert.ok(shrunk.event.type === 'notification');
      assert.deepEqual([shrunk.event.unreadCount, shrunk.event.notification?.eventCount], [count, 1]);
      await ok('asker', 'DELETE', `/posts/${postId}/kudos`);
      await stream.waitFor((f) => f.event.type === 'notification' && f.event.notification === null && f.event.unreadCount === count - 1, 'the count once the batch is gone');
    } finally {
      stream.close();
    }
  });

  it('never e-mails a kudos taken back before the delay, and e-mails one that stays', async () => {
    const member = server.fixtures.members.helper;
    tokens.helper = (await signToken(TEST_SECRET, { sub: member.externalId, name: member.pseudonym, role: member.role, email: HELPER_EMAIL })).token;
    await ok('helper', 'GET', '/me/preferences');
    await ok('helper', 'POST', '/notifications/read');
    await server.db.query('update notifications set emailed_at = now() where emailed_at is null');
    const sender = {
      db: server.db, community: server.community, log: { warn: () => undefined, error: () => undefined, info: () => undefined },
      options: { smtpUrl: smtp.url, from: 'Forum <forum@brand.example>', delaySeconds: 0, publicUrl: 'https://forum.brand.example', forumUrl: 'https://brand.example/aide#{path}', retryBaseMs: 10 },
    };
    const taken = await answer('Kudos repris avant l’envoi');
    const kept = await answer('Kudos gardé');
    await server.db.query('update notifications set emailed_at = now() where emailed_at is null');
    await ok('asker', 'POST', `/posts/${taken.postId}/kudos`);
    await ok('asker', 'DELETE', `/posts/${taken.postId}/kudos`);
    await ok('other', 'POST', `/posts/${kept.postId}/kudos`);

    await drainEmail(sender);
    const [mail] = await smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const mails = smtp.received.splice(0);
    assert.equal(mails.length, 1, 'one message: the kudos that stayed');
    assert.match(mail!.text ?? '', /Kudos gardé/);
    assert.doesNotMatch(mails.map((m) => `${m.subject} ${m.text}`).join('\n'), /avant l’envoi/);
  });
});
