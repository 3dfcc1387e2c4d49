/**
 * The contract suite of the moderation area: thread lifecycle, move, merge, flags and the
 * queue, hide/restore, grants, the audit log and private conversations, run with the same SDK
 * calls against the msw mocks and the real server. Every refusal must match on both sides.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FLAG_RULES, flagWeight } from '../../src/core/index.ts';
import type { LiveEvent } from '../../src/contract/models.ts';
import { EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractRole, type ContractTarget } from '../helpers/contract-targets.ts';

type Refusal = [label: string, call: () => Promise<unknown>, status: number, code: string];

async function assertRefusals(refusals: Refusal[]): Promise<void> {
  for (const [label, call, status, code] of refusals) {
    await assert.rejects(call(), (error: unknown) => {
      assert.ok(error instanceof EntraideError, label);
      assert.deepEqual([error.status, error.code], [status, code], `${label}: ${error.message}`);
      return true;
    });
  }
}

const UNKNOWN = 987_654;

async function waitFor(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const postSeen = (received: LiveEvent[], postId: number) => () => received.some((e) => e.type === 'post-created' && e.post.id === postId);

/** Replies until the stream delivers one: the subscription is then surely connected. */
async function waitUntilLive(poster: EntraideClient, threadId: number, received: LiveEvent[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const post = await poster.posts.reply(threadId, { body: `Ping ${attempt}` });
    try {
      return await waitFor(postSeen(received, post.id), 'a ping', 250);
    } catch {
      // Not connected yet: ping again.
    }
  }
  throw new Error('the live stream never connected');
}

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`moderation contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let guest: EntraideClient;
    const as = (role: ContractRole) => target.client(role);
    const memberId = async (role: ContractRole) => (await as(role).session.get()).member!.id;
    let categoryIds: number[];

    before(async () => {
      target = await makeTarget();
      guest = target.client();
      categoryIds = (await guest.community.get()).categories.map((c) => c.id);
    });
    after(() => target.close());

    const newThread = async (role: ContractRole, title: string) =>
      as(role).threads.create({ categoryId: categoryIds[0]!, title, body: `${title} : le détail de la question.` });

    const listed = async (categoryId: number, threadId: number) => {
      for await (const thread of guest.threads.iterate({ categoryId, limit: 100 })) if (thread.id === threadId) return true;
      return false;
    };

    it('closes, refuses replies, reopens and archives, each in the audit log with actor and reason', async () => {
      const moderator = as('moderator');
      const { thread } = await newThread('member', 'Fil à fermer');

      const closed = await moderator.threads.close(thread.id, { reason: 'Hors charte' });
      await assertRefusals([['reply to a closed thread', () => as('newcomer').posts.reply(thread.id, { body: 'Encore moi' }), 403, 'forbidden']]);
      const reopened = await moderator.threads.reopen(thread.id);
      const archived = await moderator.threads.archive(thread.id, { reason: 'Vieux sujet' });

      assert.deepEqual([closed.status, reopened.status, archived.status], ['closed', 'open', 'archived']);
      const { items } = await moderator.audit.list({ targetType: 'thread', targetId: thread.id });
      assert.deepEqual(items.map((e) => [e.action, e.reason, e.before, e.after]), [
        ['thread.archive', 'Vieux sujet', { status: 'open' }, { status: 'archived' }],
        ['thread.reopen', null, { status: 'closed' }, { status: 'open' }],
        ['thread.close', 'Hors charte', { status: 'open' }, { status: 'closed' }],
      ]);
      const moderatorId = await memberId('moderator');
      for (const entry of items) assert.equal(entry.actor?.id, moderatorId);
    });

    it('refuses lifecycle changes the same way', async () => {
      const { thread } = await newThread('member', 'Fil protégé');
      await as('advisor').threads.archive(thread.id);
      await assertRefusals([
        ['guest closes', () => guest.threads.close(thread.id), 401, 'unauthorized'],
        ['member closes', () => as('member').threads.close(thread.id), 403, 'forbidden'],
        ['unknown thread', () => as('moderator').threads.close(UNKNOWN), 404, 'not_found'],
        ['empty reason', () => as('moderator').threads.reopen(thread.id, { reason: '' }), 400, 'validation_failed'],
        ['close an archived thread', () => as('moderator').threads.close(thread.id), 409, 'conflict'],
        ['archive twice', () => as('moderator').threads.archive(thread.id), 409, 'conflict'],
      ]);
    });

    it('moves a thread to another category, where the list shows it', async () => {
      const [from, to] = categoryIds as [number, number];
      const { thread } = await newThread('member', 'Fil à déplacer');

      const moved = await as('moderator').threads.move(thread.id, { categoryId: to, reason: 'Mauvaise rubrique' });

      assert.equal(moved.categoryId, to);
      assert.equal(await listed(to, thread.id), true);
      assert.equal(await listed(from, thread.id), false);
      await assertRefusals([
        ['same category', () => as('moderator').threads.move(thread.id, { categoryId: to }), 409, 'conflict'],
        ['unknown category', () => as('moderator').threads.move(thread.id, { categoryId: UNKNOWN }), 404, 'not_found'],
        ['member moves', () => as('member').threads.move(thread.id, { categoryId: from }), 403, 'forbidden'],
      ]);
      const [entry] = (await as('advisor').audit.list({ targetType: 'thread', targetId: thread.id })).items;
      assert.deepEqual([entry?.action, entry?.reason, entry?.before, entry?.after], ['thread.move', 'Mauvaise rubrique', { categoryId: from }, { categoryId: to }]);
    });

    it('merges a thread: the old id points to the target, which holds its posts', async () => {
      const source = await newThread('member', 'Doublon à fusionner');
      const reply = await as('other').posts.reply(source.thread.id, { body: 'Même souci ici.' });
      const targetThread = await newThread('newcomer', 'Sujet principal');

      const result = await as('moderator').threads.merge(source.thread.id, { intoThreadId: targetThread.thread.id, reason: 'Doublon' });

      assert.deepEqual([result.from.mergedIntoId, result.from.status, result.movedPosts], [targetThread.thread.id, 'closed', 2]);
      assert.equal(result.into.replyCount, 2);
      const old = await guest.threads.get(source.thread.id);
      assert.deepEqual([old.thread.mergedIntoId, old.posts.length], [targetThread.thread.id, 0]);
      const into = await guest.threads.get(targetThread.thread.id);
      // Posts keep their dates, so the older, moved ones come first.
      assert.deepEqual(into.posts.map((p) => [p.id, p.kind]), [[source.post.id, 'reply'], [reply.id, 'reply'], [targetThread.post.id, 'question']]);
      assert.equal(into.thread.status, 'answered');
      assert.equal(await listed(categoryIds[0]!, source.thread.id), false);
      await assertRefusals([
        ['merge into a merged thread', () => as('moderator').threads.merge(targetThread.thread.id, { intoThreadId: source.thread.id }), 409, 'conflict'],
        ['merge into itself', () => as('moderator').threads.merge(targetThread.thread.id, { intoThreadId: targetThread.thread.id }), 409, 'conflict'],
        ['merge into nothing', () => as('moderator').threads.merge(targetThread.thread.id, { intoThreadId: UNKNOWN }), 404, 'not_found'],
        ['reopen a merged thread', () => as('moderator').threads.reopen(source.thread.id), 409, 'conflict'],
        ['member merges', () => as('member').threads.merge(targetThread.thread.id, { intoThreadId: source.thread.id }), 403, 'forbidden'],
      ]);
      const [entry] = (await as('moderator').audit.list({ targetType: 'thread', targetId: source.thread.id })).items;
      assert.deepEqual([entry?.action, entry?.reason, entry?.after], ['thread.merge', 'Doublon', { status: 'closed', mergedIntoId: targetThread.thread.id, movedPosts: 2 }]);
    });

    it('weighs flags by rank and role, hides the post at the threshold and queues it', async () => {
      const { thread } = await newThread('newcomer', 'Message douteux');
      const post = await as('other').posts.reply(thread.id, { body: 'Achetez ici, pas cher !' });
      const levels = {
        newcomer: (await as('newcomer').session.get()).member!.rank.level,
        member: (await as('member').session.get()).member!.rank.level,
      };

      const byNewcomer = await as('newcomer').posts.flag(post.id, { reason: 'spam' });
      const byMember = await as('member').posts.flag(post.id, { reason: 'spam', note: 'Lien commercial' });
      const byStaff = await as('advisor').posts.flag(post.id, { reason: 'abuse' });

      const expected = [flagWeight('member', levels.newcomer), flagWeight('member', levels.member), FLAG_RULES.staffWeight];
      assert.deepEqual([byNewcomer.flag.weight, byMember.flag.weight, byStaff.flag.weight], expected);
      assert.equal(byMember.flag.weight, levels.member >= FLAG_RULES.trustedLevel ? FLAG_RULES.trustedWeight : FLAG_RULES.memberWeight);
      assert.deepEqual([byNewcomer.totalWeight, byStaff.totalWeight], [expected[0], expected[0]! + expected[1]! + expected[2]!]);
      assert.deepEqual([byNewcomer.hidden, byStaff.hidden], [false, true]);
      assert.equal(byMember.hidden, expected[0]! + expected[1]! >= FLAG_RULES.hideThreshold);
      assert.equal((await guest.threads.get(thread.id)).posts.some((p) => p.id === post.id), false);
      const item = (await as('moderator').moderation.queue()).items.find((i) => i.post.id === post.id);
      assert.deepEqual([item?.hidden, item?.hiddenReason, item?.totalWeight, item?.flags.length], [true, 'flags', byStaff.totalWeight, 3]);
      assert.deepEqual(item?.flags.map((f) => f.flagger.id), [await memberId('newcomer'), await memberId('member'), await memberId('advisor')]);
      await assertRefusals([
        ['flag twice', () => as('newcomer').posts.flag(post.id, { reason: 'spam' }), 409, 'conflict'],
        ['flag one’s own post', () => as('other').posts.flag(post.id, { reason: 'spam' }), 403, 'forbidden'],
        ['guest flags', () => guest.posts.flag(post.id, { reason: 'spam' }), 401, 'unauthorized'],
        ['guest flags with a bad body: the input is checked first', () => guest.posts.flag(post.id, { reason: 'boring' as 'spam' }), 400, 'validation_failed'],
        ['unknown post', () => as('member').posts.flag(UNKNOWN, { reason: 'spam' }), 404, 'not_found'],
        ['unknown reason', () => as('member').posts.flag(post.id, { reason: 'boring' as 'spam' }), 400, 'validation_failed'],
        ['member reads the queue', () => as('member').moderation.queue(), 403, 'forbidden'],
        ['guest reads the queue', () => guest.moderation.queue(), 401, 'unauthorized'],
      ]);
    });

    it('restores and hides a post, resolving its flags, with audit entries', async () => {
      const { thread } = await newThread('newcomer', 'Réponse à modérer');
      const post = await as('other').posts.reply(thread.id, { body: 'Une réponse contestée.' });
      await as('moderator').posts.flag(post.id, { reason: 'off-topic' });

      const restored = await as('moderator').posts.restore(post.id, { reason: 'Finalement utile' });
      const shown = (await guest.threads.get(thread.id)).posts.some((p) => p.id === post.id);
      const queued = (await as('moderator').moderation.queue()).items.some((i) => i.post.id === post.id);
      const hidden = await as('advisor').posts.hide(post.id, { reason: 'Données personnelles' });
      const shownAfterHide = (await guest.threads.get(thread.id)).posts.some((p) => p.id === post.id);

      assert.deepEqual(restored, { postId: post.id, hidden: false, hiddenReason: null, resolvedFlags: 1 });
      assert.deepEqual([shown, queued, shownAfterHide], [true, false, false]);
      assert.deepEqual(hidden, { postId: post.id, hidden: true, hiddenReason: 'moderator', resolvedFlags: 0 });
      const { items } = await as('moderator').audit.list({ targetType: 'post', targetId: post.id });
      assert.deepEqual(items.map((e) => [e.action, e.reason, e.actor?.id]), [
        ['post.hide', 'Données personnelles', await memberId('advisor')],
        ['post.restore', 'Finalement utile', await memberId('moderator')],
        ['post.auto-hide', 'flags', await memberId('moderator')],
      ]);
      await assertRefusals([
        ['hide twice', () => as('moderator').posts.hide(post.id, { reason: 'Encore' }), 409, 'conflict'],
        ['hide without reason', () => as('moderator').posts.hide(post.id, {} as { reason: string }), 400, 'validation_failed'],
        ['member hides', () => as('member').posts.hide(post.id, { reason: 'Non' }), 403, 'forbidden'],
        ['restore nothing', () => as('moderator').posts.restore(UNKNOWN), 404, 'not_found'],
      ]);
      await as('moderator').posts.restore(post.id);
      await assertRefusals([['restore a visible unflagged post', () => as('moderator').posts.restore(post.id), 409, 'conflict']]);
    });

    it('grants and revokes review-flags, which opens the queue to a trusted member', async () => {
      const otherId = await memberId('other');

      const granted = await as('moderator').moderation.grant(otherId, 'review-flags');
      const queue = await as('other').moderation.queue();
      const revoked = await as('moderator').moderation.revoke(otherId, 'review-flags');

      assert.deepEqual(granted, { memberId: otherId, powers: ['review-flags'] });
      assert.ok(Array.isArray(queue.items));
      assert.deepEqual(revoked, { memberId: otherId, powers: [] });
      const { items } = await as('moderator').audit.list({ targetType: 'member', targetId: otherId });
      assert.deepEqual(items.map((e) => [e.action, e.before, e.after]), [
        ['grant.remove', { powers: ['review-flags'] }, { powers: [] }],
        ['grant.add', { powers: [] }, { powers: ['review-flags'] }],
      ]);
      await assertRefusals([
        ['queue after revoke', () => as('other').moderation.queue(), 403, 'forbidden'],
        ['revoke twice', () => as('moderator').moderation.revoke(otherId, 'review-flags'), 404, 'not_found'],
        ['advisor grants', () => as('advisor').moderation.grant(otherId, 'review-flags'), 403, 'forbidden'],
        ['guest grants', () => guest.moderation.grant(otherId, 'review-flags'), 401, 'unauthorized'],
        ['unknown member', () => as('moderator').moderation.grant(UNKNOWN, 'review-flags'), 404, 'not_found'],
        ['unknown power', () => as('moderator').moderation.grant(otherId, 'ban' as 'review-flags'), 400, 'validation_failed'],
      ]);
      await as('moderator').moderation.grant(otherId, 'review-flags');
      await assertRefusals([['grant twice', () => as('moderator').moderation.grant(otherId, 'review-flags'), 409, 'conflict']]);
      await as('moderator').moderation.revoke(otherId, 'review-flags');
    });

    it('pages the audit log with a cursor and refuses it to members', async () => {
      const { thread } = await newThread('member', 'Audit paginé');
      await as('moderator').threads.close(thread.id);
      await as('moderator').threads.reopen(thread.id);

      const first = await as('moderator').audit.list({ limit: 1 });
      const second = await as('moderator').audit.list({ limit: 1, cursor: first.nextCursor });

      assert.equal(first.items.length, 1);
      assert.equal(second.items.length, 1);
      assert.ok(second.items[0]!.id < first.items[0]!.id);
      assert.ok(first.nextCursor);
      await assertRefusals([
        ['bad cursor', () => as('moderator').audit.list({ cursor: 'abc' }), 400, 'validation_failed'],
        ['limit too big', () => as('moderator').audit.list({ limit: 1000 }), 400, 'validation_failed'],
        ['member reads', () => as('member').audit.list(), 403, 'forbidden'],
        ['guest reads', () => guest.audit.list(), 401, 'unauthorized'],
      ]);
    });

    it('opens a private conversation from a thread, visible to the asker and advisors only, closed with a public outcome', async () => {
      const { thread } = await newThread('newcomer', 'Souci de facture personnelle');
      const opened = await as('advisor').private.open(thread.id, { message: 'Pouvez-vous me donner votre numéro de contrat ?' });
      const id = opened.conversation.id;

      const afterOpen = await guest.threads.get(thread.id);
      const message = await as('newcomer').private.send(id, 'Voici mon numéro.');
      const seenByAsker = await as('newcomer').private.get(id);
      const seenByOtherAdvisor = await as('otherAdvisor').private.get(id);
      // Writing read it up to the new message; an older one does not move it back.
      const readBack = await as('newcomer').private.markRead(id, opened.messages[0]!.id);
      const closed = await as('advisor').private.close(id, { outcome: 'Facture corrigée.' });
      const afterClose = await guest.threads.get(thread.id);

      assert.deepEqual([opened.conversation.status, opened.conversation.asker.id, opened.messages.length], ['open', await memberId('newcomer'), 1]);
      assert.equal(opened.trace.kind, 'trace');
      assert.ok(afterOpen.posts.some((p) => p.id === opened.trace.id && p.kind === 'trace'));
      assert.equal(message.author.id, await memberId('newcomer'));
      assert.deepEqual(seenByAsker.messages.map((m) => m.id), [opened.messages[0]!.id, message.id]);
      assert.equal(seenByOtherAdvisor.conversation.id, id);
      assert.deepEqual([readBack.lastReadMessageId, readBack.unread], [message.id, false]);
      assert.deepEqual([closed.conversation.status, closed.conversation.outcome], ['closed', 'Facture corrigée.']);
      assert.match(closed.trace.bodyHtml, /Facture corrigée\./);
      assert.ok(afterClose.posts.some((p) => p.id === closed.trace.id));
      assert.ok((await as('newcomer').private.list()).items.some((c) => c.id === id));
      assert.ok((await as('otherAdvisor').private.list({ status: 'closed' })).items.some((c) => c.id === id));
      assert.ok(!(await as('advisor').private.list({ status: 'open' })).items.some((c) => c.id === id));
      assert.ok(!(await as('other').private.list()).items.some((c) => c.id === id));
      const { items } = await as('moderator').audit.list({ targetType: 'private', targetId: id });
      assert.deepEqual(items.map((e) => [e.action, e.reason]), [['private.close', 'Facture corrigée.'], ['private.open', null]]);
      await assertRefusals([
        ['another member reads', () => as('other').private.get(id), 404, 'not_found'],
        ['a moderator reads', () => as('moderator').private.get(id), 404, 'not_found'],
        ['another member writes', () => as('other').private.send(id, 'Je peux aider ?'), 404, 'not_found'],
        ['another member marks read', () => as('other').private.markRead(id, null), 404, 'not_found'],
        ['write after close', () => as('newcomer').private.send(id, 'Merci !'), 409, 'conflict'],
        ['close twice', () => as('advisor').private.close(id, { outcome: 'Encore.' }), 409, 'conflict'],
        ['unknown conversation', () => as('advisor').private.get(UNKNOWN), 404, 'not_found'],
        ['guest lists', () => guest.private.list(), 401, 'unauthorized'],
        ['bad status', () => as('advisor').private.list({ status: 'lost' as 'open' }), 400, 'validation_failed'],
      ]);
    });

    it('lets the asker ask for a private conversation and refuses everyone else', async () => {
      const { thread } = await newThread('newcomer', 'Demande d’échange privé');
      const opened = await as('newcomer').private.open(thread.id);
      const id = opened.conversation.id;

      assert.deepEqual([opened.conversation.openedBy.id, opened.messages.length, opened.trace.kind], [await memberId('newcomer'), 0, 'trace']);
      await assertRefusals([
        ['open twice', () => as('advisor').private.open(thread.id), 409, 'conflict'],
        ['member opens on someone else’s thread', () => as('member').private.open(thread.id), 403, 'forbidden'],
        ['moderator opens', () => as('moderator').private.open(thread.id), 403, 'forbidden'],
        ['guest opens', () => guest.private.open(thread.id), 401, 'unauthorized'],
        ['unknown thread', () => as('advisor').private.open(UNKNOWN), 404, 'not_found'],
        ['asker closes', () => as('newcomer').private.close(id, { outcome: 'Réglé.' }), 403, 'forbidden'],
        ['blank outcome', () => as('advisor').private.close(id, { outcome: 'a ' }), 400, 'validation_failed'],
        ['empty message', () => as('newcomer').private.send(id, ''), 400, 'validation_failed'],
      ]);
    });

    it('sends the public traces of a private conversation live', async () => {
      const { thread } = await newThread('newcomer', 'Suivi en direct');
      const received: LiveEvent[] = [];
      const stop = guest.events.subscribe({ threadId: thread.id }, (event) => received.push(event));
      try {
        await waitUntilLive(as('newcomer'), thread.id, received);
        const opened = await as('advisor').private.open(thread.id);
        await waitFor(postSeen(received, opened.trace.id), 'the opening trace');
        const closed = await as('advisor').private.close(opened.conversation.id, { outcome: 'Réglé par téléphone.' });
        await waitFor(postSeen(received, closed.trace.id), 'the outcome trace');
        const trace = received.find((e) => e.type === 'post-created' && e.post.id === closed.trace.id);
        assert.equal(trace?.type === 'post-created' && trace.post.kind, 'trace');
      } finally {
        stop();
      }
    });
  });
}
