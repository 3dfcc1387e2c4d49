/**
 * Notifications by e-mail against a real SMTP server the test starts: the `email` claim, the
 * member's preferences, immediate messages (headers, both parts, links, no private body, escaped
 * HTML), one-click unsubscribe, a muted kind, the daily digest, SMTP down then up, and two
 * drainers sharing one outbox. Notification rows are written directly (their creation is not
 * this file's subject).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Preferences } from '../../../src/contract/areas/preferences.ts';
import type { NotificationKind } from '../../../src/core/index.ts';
import { signToken } from '../../../src/server/auth.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainEmail, type EmailOptions, type EmailSender } from '../../../src/server/email-drainer.ts';
import { drainWebhooks } from '../../../src/server/webhook-drainer.ts';
import { createTestServer, TEST_SECRET, type TestServer } from '../../helpers/server.ts';
import { rawHeader, startTestSmtp, type TestSmtp } from '../../helpers/smtp.ts';

const FROM = 'Forum Test <forum@brand.example>';
const FORUM = 'https://brand.example/aide#{path}';
const silent = { warn: () => undefined, error: () => undefined, info: () => undefined };

let server: TestServer;
let smtp: TestSmtp;
const addresses = { asker: 'tom@example.com', helper: 'pix37@example.com', other: 'rosier@example.org' };
const tokens = { asker: '', helper: '', other: '' };

function sender(options: Partial<EmailOptions> = {}): EmailSender {
  return {
    db: server.db, community: server.community, log: silent,
    options: { smtpUrl: smtp.url, from: FROM, delaySeconds: 0, publicUrl: 'https://forum.brand.example', forumUrl: FORUM, retryBaseMs: 10, ...options },
  };
}

async function signIn(who: keyof typeof tokens, email: string | undefined): Promise<{ status: number; body: string }> {
  const member = server.fixtures.members[who];
  tokens[who] = (await signToken(TEST_SECRET, { sub: member.externalId, name: member.pseudonym, role: member.role, ...(email && { email }) })).token;
  const response = await server.app.inject({ url: '/api/me/preferences', headers: { authorization: `Bearer ${tokens[who]}` } });
  return { status: response.statusCode, body: response.body };
}

async function preferences(who: keyof typeof tokens, change?: Record<string, unknown>) {
  const response = await server.app.inject({
    method: change ? 'PATCH' : 'GET', url: '/api/me/preferences', headers: { authorization: `Bearer ${tokens[who]}` }, ...(change && { payload: change }),
  });
  return { status: response.statusCode, json: response.json<Preferences & { error?: { code: string } }>() };
}

let threads = 0;
async function thread(title: string): Promise<{ threadId: number; postId: number }> {
  threads += 1;
  const { asker, helper } = server.fixtures.members;
  const [row] = await server.db.query<{ id: number }>(
    'insert into threads (category_id, author_id, title, excerpt) values ($1, $2, $3, $4) returning id', [server.fixtures.categories.billing, asker.id, title, `question ${threads}`],
  );
  const [post] = await server.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html) values ($1, $2, 'reply', 'Une réponse', '<p>Une réponse</p>') returning id`, [row!.id, helper.id],
  );
  return { threadId: row!.id, postId: post!.id };
}

interface NewNotification { memberId: number; kind: NotificationKind; threadId?: number; postId?: number; conversationId?: number; actorId?: number; createdAt?: Date; count?: number }
async function notify(n: NewNotification): Promise<number> {
  const [row] = await server.db.query<{ id: number }>(
    `insert into notifications (member_id, kind, thread_id, post_id, conversation_id, actor_id, created_at, event_count)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, now()), $8) returning id`,
    [n.memberId, n.kind, n.threadId ?? null, n.postId ?? null, n.conversationId ?? null, n.actorId ?? null, n.createdAt ?? null, n.count ?? 1],
  );
  return row!.id;
}

const emailedAt = async (id: number) => (await server.db.query<{ at: Date | null }>('select emailed_at as at from notifications where id = $1', [id]))[0]!.at;
/** A header as it was sent (mailparser turns List-* headers into objects). */
const header = rawHeader;
/** Every message so far, then forgets them. */
function take(): ParsedMail[] {
  return smtp.received.splice(0);
}
/** A pause long enough for anything a drain sent to have arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

before(async () => {
  smtp = await startTestSmtp();
  server = await createTestServer();
  for (const who of ['asker', 'helper', 'other'] as const) assert.equal((await signIn(who, addresses[who])).status, 200);
});
after(async () => {
  await server.close();
  await smtp.close();
});

describe('notifications by e-mail', { timeout: 600_000 }, () => {
  it('stores the token’s email claim at each sign-in, refuses a bad one with 401, and forgets it when the claim goes', async () => {
    assert.equal((await preferences('asker')).json.hasEmail, true);
    const bad = await signIn('asker', 'not an address');
    assert.equal(bad.status, 401);
    assert.match(bad.body, /`email` claim must be a plausible e-mail address/);
    assert.equal((await signIn('asker', undefined)).status, 200);
    assert.equal((await preferences('asker')).json.hasEmail, false);
    assert.equal((await signIn('asker', addresses.asker)).status, 200);
    const [row] = await server.db.query<{ email: string }>('select email from members where id = $1', [server.fixtures.members.asker.id]);
    assert.equal(row!.email, addresses.asker);
  });

  it('answers and changes the member’s preferences, with a typed 400 for bad values and 401 for a guest', async () => {
    assert.deepEqual((await preferences('asker')).json, { followOnReply: true, emailMode: 'immediate', emailMutedKinds: [], locale: null, hasEmail: true });
    const changed = await preferences('asker', { followOnReply: false, locale: 'en', emailMutedKinds: ['kudos'] });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.json, { followOnReply: false, emailMode: 'immediate', emailMutedKinds: ['kudos'], locale: 'en', hasEmail: true });
    for (const bad of [{ emailMode: 'weekly' }, { emailMutedKinds: ['gossip'] }, { emailMutedKinds: ['reply', 'reply'] }, { locale: 'de' }, {}, { hasEmail: true }]) {
      const refused = await preferences('asker', bad);
      assert.equal(refused.status, 400, JSON.stringify(bad));
      assert.equal(refused.json.error?.code, 'validation_failed');
    }
    assert.equal((await server.app.inject({ url: '/api/me/preferences' })).statusCode, 401);
    assert.deepEqual((await preferences('asker', { followOnReply: true, locale: null, emailMutedKinds: [] })).json.emailMutedKinds, []);
  });

  it('groups a thread’s notifications into one message with both parts, the headers, links to the posts, and never a private body', async () => {
    const { asker, helper, advisor } = server.fixtures.members;
    const first = await thread('Forfait <b>5G</b> & "itinérance"');
    const reply = await notify({ memberId: asker.id, kind: 'reply', threadId: first.threadId, postId: first.postId, actorId: helper.id });
    const confirmed = await notify({ memberId: asker.id, kind: 'answer-confirmed', threadId: first.threadId, postId: first.postId, actorId: advisor.id });
    const [conversation] = await server.db.query<{ id: number }>(
      'insert into private_conversations (community_id, thread_id, asker_id, opened_by) values ($1, $2, $3, $4) returning id', [server.community.id, first.threadId, asker.id, advisor.id],
    );
    await server.db.query(`insert into private_messages (conversation_id, author_id, body_md, body_html) values ($1, $2, 'Votre code PUK est 12345678', '<p>Votre code PUK est 12345678</p>')`, [conversation!.id, advisor.id]);
    const secret = await notify({ memberId: asker.id, kind: 'private-message', threadId: first.threadId, conversationId: conversation!.id, actorId: advisor.id });

    await drainEmail(sender());
    const mails = await smtp.waitFor(2);
    await settle();
    assert.equal(take().length, 2, 'one message for the thread, one for the private conversation');
    const threadMail = mails.find((mail) => mail.text?.includes('#post-'))!;
    const privateMail = mails.find((mail) => mail.text?.includes('#/inbox/'))!;
    for (const mail of [threadMail, privateMail]) {
      assert.deepEqual(mail.from?.value.map(({ name, address }) => ({ name, address })), [{ name: 'Forum Test', address: 'forum@brand.example' }]);
      assert.equal((mail.to as { text: string }).text, addresses.asker);
      assert.match(header(mail, 'list-unsubscribe'), /^<https:\/\/forum\.brand\.example\/api\/email\/unsubscribe\?token=[\w.%-]+>$/);
      assert.equal(header(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.match(mail.messageId ?? '', /^<entraide-email-\d+@forum\.brand\.example>$/);
      assert.ok(mail.html && mail.text, 'an HTML part and a plain-text part');
      assert.doesNotMatch(`${mail.subject} ${mail.text} ${mail.html}`, /PUK|12345678/, 'never the private message');
    }
    assert.equal(threadMail.subject, '2 nouveautés dans « Forfait <b>5G</b> & "itinérance" »');
    assert.ok(threadMail.text!.includes(`Pix37 a répondu dans « Forfait <b>5G</b> & "itinérance" »`));
    assert.ok(threadMail.text!.includes(`Julie a confirmé votre réponse`));
    assert.ok(threadMail.text!.includes(`https://brand.example/aide#/t/${first.threadId}#post-${first.postId}`));
    assert.ok((threadMail.html as string).includes('Forfait &#60;b&#62;5G&#60;/b&#62; &#38; &#34;itinérance&#34;'), 'user text escaped in HTML');
    assert.doesNotMatch(threadMail.html as string, /<b>5G/);
    assert.equal(privateMail.subject, 'Nouveau message privé de Julie à propos de « Forfait <b>5G</b> & "itinérance" »');
    assert.ok(privateMail.text!.includes(`https://brand.example/aide#/inbox/${conversation!.id}`));
    for (const id of [reply, confirmed, secret]) assert.ok(await emailedAt(id), 'marked as taken');

    await drainEmail(sender());
    await settle();
    assert.equal(take().length, 0, 'nothing is sent twice');
  });

  it('writes in the member’s language when they chose one', async () => {
    const { asker, helper } = server.fixtures.members;
    await preferences('asker', { locale: 'en' });
    const { threadId, postId } = await thread('Roaming abroad');
    await notify({ memberId: asker.id, kind: 'reply', threadId, postId, actorId: helper.id });
    await drainEmail(sender());
    const [mail] = await smtp.waitFor(1);
    take();
    assert.equal(mail!.subject, 'Pix37 replied in “Roaming abroad”');
    assert.match(mail!.text!, /^Hello Tom,/);
    await preferences('asker', { locale: null });
  });

  it('unsubscribes in one click without a session (idempotent), shows a page on GET without unsubscribing, and refuses a forged token', async () => {
    const { asker, helper, advisor } = server.fixtures.members;
    const { threadId, postId } = await thread('Carte SIM bloquée');
    await notify({ memberId: asker.id, kind: 'private-opened', threadId, actorId: advisor.id });
    await drainEmail(sender());
    const [mail] = await smtp.waitFor(1);
    take();
    const link = new URL(header(mail!, 'list-unsubscribe').slice(1, -1));
    const path = `/api${link.pathname.slice('/api'.length)}${link.search}`;

    const page = await server.app.inject({ url: path, headers: { 'accept-language': 'en-GB' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /Stop receiving the forum’s e-mails about private follow-ups\?/);
    assert.match(page.body, /<form method="post"/);
    assert.deepEqual((await preferences('asker')).json.emailMutedKinds, [], 'GET alone changes nothing');

    for (let click = 0; click < 2; click += 1) {
      const oneClick = await server.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      assert.equal(oneClick.statusCode, 200, oneClick.body);
      assert.deepEqual(oneClick.json(), { scope: 'private-opened' });
    }
    assert.deepEqual((await preferences('asker')).json.emailMutedKinds, ['private-opened']);

    const muted = await notify({ memberId: asker.id, kind: 'private-opened', threadId, actorId: advisor.id });
    await notify({ memberId: asker.id, kind: 'reply', threadId, postId, actorId: helper.id });
    await drainEmail(sender());
    const [still] = await smtp.waitFor(1);
    await settle();
    assert.equal(take().length, 1);
    assert.equal(still!.subject, 'Pix37 a répondu dans « Carte SIM bloquée »');
    assert.ok(await emailedAt(muted), 'a muted kind is skipped, not left pending');

    const forged = path.replace(/private-opened/, 'all');
    const refused = await server.app.inject({ method: 'POST', url: forged, payload: '' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'validation_failed');
    const badPage = await server.app.inject({ url: forged });
    assert.equal(badPage.statusCode, 400);
    assert.match(badPage.body, /n’est pas valide/);

    // The "all" link in the text part stops every e-mail, through the page's own button.
    const all = /Ne plus recevoir d’e-mails du forum: (\S+)/.exec(still!.text!)![1]!;
    const allUrl = new URL(all);
    const confirm = await server.app.inject({
      method: 'POST', url: `/api/email/unsubscribe/confirm${allUrl.search}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '',
    });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /C’est fait/);
    assert.equal((await preferences('asker')).json.emailMode, 'off');
    const off = await notify({ memberId: asker.id, kind: 'reply', threadId, postId, actorId: helper.id });
    await drainEmail(sender());
    await settle();
    assert.equal(take().length, 0, 'no more e-mail after unsubscribing from all');
    assert.ok(await emailedAt(off));
    await preferences('asker', { emailMode: 'immediate', emailMutedKinds: [] });
  });

  it('leaves out a kind the member muted in their preferences', async () => {
    const { other, helper } = server.fixtures.members;
    await preferences('other', { emailMutedKinds: ['kudos'] });
    const { threadId, postId } = await thread('Facture trop élevée');
    const kudos = await notify({ memberId: other.id, kind: 'kudos', threadId, postId, actorId: helper.id, count: 3 });
    await drainEmail(sender());
    await settle();
    assert.equal(take().length, 0);
    assert.ok(await emailedAt(kudos));
    await notify({ memberId: other.id, kind: 'mention', threadId, postId, actorId: helper.id });
    await drainEmail(sender());
    const [mail] = await smtp.waitFor(1);
    take();
    assert.equal(mail!.subject, 'Pix37 vous a mentionné dans « Facture trop élevée »');
  });

  it('sends a daily member one digest of the notifications made before the day began, and keeps today’s for tomorrow', async () => {
    const { helper, asker, advisor } = server.fixtures.members;
    await preferences('helper', { emailMode: 'daily' });
    const a = await thread('Débit faible le soir');
    const b = await thread('Portabilité du numéro');
    const yesterday = new Date(Date.now() - 25 * 3600_000);
    await notify({ memberId: helper.id, kind: 'answer-accepted', threadId: a.threadId, postId: a.postId, actorId: asker.id, createdAt: yesterday });
    await notify({ memberId: helper.id, kind: 'answer-confirmed', threadId: b.threadId, postId: b.postId, actorId: advisor.id, createdAt: yesterday });
    const today = await notify({ memberId: helper.id, kind: 'reply', threadId: b.threadId, postId: b.postId, actorId: asker.id });
    await drainEmail(sender());
    const [digest] = await smtp.waitFor(1);
    await drainEmail(sender());
    await settle();
    assert.equal(take().length, 1, 'one digest');
    assert.match(digest!.subject!, /^Test Mobile : votre résumé du \p{L}+ \d{1,2} \p{L}+ \(2 notifications\)$/u);
    assert.ok(digest!.text!.includes(`#/t/${a.threadId}#post-${a.postId}`) && digest!.text!.includes(`#/t/${b.threadId}#post-${b.postId}`));
    assert.equal(await emailedAt(today), null, 'today’s notification waits for tomorrow’s digest');
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await drainEmail(sender(), tomorrow);
    const [next] = await smtp.waitFor(1);
    take();
    assert.match(next!.subject!, /^Test Mobile : votre résumé du \p{L}+ \d{1,2} \p{L}+ \(1 notification\)$/u);
    await preferences('helper', { emailMode: 'immediate' });
  });

  it('retries when the SMTP server is down and sends once it is back, once', async () => {
    const { other, helper } = server.fixtures.members;
    const { threadId, postId } = await thread('Messagerie vocale');
    await notify({ memberId: other.id, kind: 'reply', threadId, postId, actorId: helper.id });
    smtp.down = true;
    await drainEmail(sender());
    const [failed] = await server.db.query<{ attempts: number; last_error: string; sent_at: Date | null }>(
      'select attempts, last_error, sent_at from email_deliveries order by id desc limit 1',
    );
    assert.equal(failed!.attempts, 1);
    assert.match(failed!.last_error, /421|not available/);
    assert.equal(failed!.sent_at, null);
    smtp.down = false;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await drainEmail(sender());
    await drainEmail(sender());
    await smtp.waitFor(1);
    await settle();
    const mails = take();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, 'Pix37 a répondu dans « Messagerie vocale »');
  });

  it('does not send a message twice when two drainers share the outbox', async () => {
    const { other, helper } = server.fixtures.members;
    for (let i = 0; i < 6; i += 1) {
      const { threadId, postId } = await thread(`Question parallèle ${i}`);
      await notify({ memberId: other.id, kind: 'reply', threadId, postId, actorId: helper.id });
    }
    await Promise.all([drainEmail(sender()), drainEmail(sender()), drainEmail(sender())]);
    await drainEmail(sender());
    await smtp.waitFor(6);
    await settle();
    const mails = take();
    assert.equal(mails.length, 6);
    assert.equal(new Set(mails.map((mail) => mail.messageId)).size, 6);
  });

  it('sends a signed notification.created webhook instead of e-mail when the community chose its own mailer', async () => {
    const { other, helper, admin } = server.fixtures.members;
    const bodies: string[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
      request.on('end', () => { bodies.push(body); response.writeHead(204).end(); });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const adminToken = (await signToken(TEST_SECRET, { sub: admin.externalId, name: admin.pseudonym, role: 'admin' })).token;
      const asAdmin = { authorization: `Bearer ${adminToken}` };
      const changed = await server.app.inject({ method: 'PATCH', url: '/api/admin/community', headers: asAdmin, payload: { notificationChannel: 'webhook' } });
      assert.equal(changed.json<{ notificationChannel: string }>().notificationChannel, 'webhook');
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/mailer`;
      const hook = await server.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: asAdmin, payload: { url, events: ['notification.created'] } });
      assert.equal(hook.statusCode, 201, hook.body);
      const { threadId, postId } = await thread('Via le webhook');
      await notify({ memberId: other.id, kind: 'reply', threadId, postId, actorId: helper.id });
      await drainEmail(sender());
      await drainWebhooks(server.db, { privateHosts: 'loopback' });
      await settle();
      assert.equal(take().length, 0, 'no e-mail from the forum');
      assert.equal(bodies.length, 1);
      const event = JSON.parse(bodies[0]!) as { event: string; data: { notification: { kind: string }; member: { externalId: string; email: string }; link: string } };
      assert.equal(event.event, 'notification.created');
      assert.equal(event.data.notification.kind, 'reply');
      assert.deepEqual([event.data.member.externalId, event.data.member.email], [other.externalId, addresses.other]);
      assert.equal(event.data.link, `https://brand.example/aide#/t/${threadId}#post-${postId}`);
      await server.app.inject({ method: 'PATCH', url: '/api/admin/community', headers: asAdmin, payload: { notificationChannel: 'email' } });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('queues and sends nothing without SMTP', async () => {
    const { other, helper } = server.fixtures.members;
    const { threadId, postId } = await thread('Sans SMTP');
    const id = await notify({ memberId: other.id, kind: 'reply', threadId, postId, actorId: helper.id });
    await drainEmail(sender({ smtpUrl: undefined }));
    assert.equal(await emailedAt(id), null);
    await drainEmail(sender());
    await smtp.waitFor(1);
    take();
  });
});
