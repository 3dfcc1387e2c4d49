/**
 * Contract suite of the interactions area: advisor confirmations that cite and credit
 * community replies, the advisor signature, profile credits, post edits and deletions. The same SDK
 * calls run against the msw mocks and against the real server; both must answer alike.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createEntraideClient, EntraideError } from '../../src/sdk/index.ts';
import { closeMockForums, createMockForum, DEMO_PEOPLE } from '../../src/mocks/index.ts';
import { codeOf, CONTRACT_TARGETS, useCast, type ContractTarget } from '../helpers/contract-targets.ts';


for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK interactions contract against the ${name}`, () => {
    const cast = useCast(makeTarget);
    const { clients, ids } = cast;

    /** A question by the newcomer, answered by the top member and by another member. */
    async function answeredThread() {
      const { thread } = await clients.newcomer.threads.create({ categoryId: cast.categoryId, title: 'Plus de réseau depuis ce matin', body: 'Bonjour, une idée ?' });
      const answer = await clients.member.posts.reply(thread.id, { body: 'Redémarrez en mode avion.' });
      const second = await clients.other.posts.reply(thread.id, { body: 'Pareil, ça a marché.' });
      return { threadId: thread.id, answerId: answer.id, secondId: second.id };
    }

    describe('advisor confirmations', () => {
      it('cite the community replies, credit their authors and the assisting colleague', async () => {
        const { threadId, answerId } = await answeredThread();
        const memberBefore = await clients.guest.members.get(ids.member);
        const colleagueBefore = await clients.guest.members.get(ids.otherAdvisor);
        const post = await clients.advisor.threads.confirm(threadId, { body: 'Je confirme ce qu’a dit @Pix37.', citedPostIds: [answerId], assistedByIds: [ids.otherAdvisor] });
        assert.equal(post.author.id, ids.advisor);
        assert.deepEqual(post.confirmation?.cited.map((c) => [c.postId, c.author.id]), [[answerId, ids.member]]);
        assert.deepEqual(post.confirmation?.assistedBy.map((a) => a.id), [ids.otherAdvisor]);
        assert.deepEqual(post.confirmation?.faqLinks, []);
        assert.equal((await clients.guest.members.get(ids.member)).confirmedAnswers, memberBefore.confirmedAnswers + 1);
        assert.equal((await clients.guest.members.get(ids.otherAdvisor)).assists, colleagueBefore.assists + 1);
        const read = await clients.guest.threads.get(threadId);
        assert.deepEqual(read.posts.find((p) => p.id === post.id)?.confirmation, post.confirmation);
        assert.equal(read.thread.status, 'answered');
      });

      it('credit a member once however many of their replies are cited', async () => {
        const { threadId, answerId } = await answeredThread();
        const again = await clients.member.posts.reply(threadId, { body: 'Et vérifiez la mise à jour.' });
        const before = (await clients.guest.members.get(ids.member)).confirmedAnswers;
        await clients.advisor.threads.confirm(threadId, { body: 'Je confirme.', citedPostIds: [answerId, again.id] });
        assert.equal((await clients.guest.members.get(ids.member)).confirmedAnswers, before + 1);
      });

      it('are for advisors only', async () => {
        const { threadId, answerId } = await answeredThread();
        const input = { body: 'Je confirme.', citedPostIds: [answerId] };
        assert.equal(await codeOf(clients.guest.threads.confirm(threadId, input)), '401 unauthorized');
        assert.equal(await codeOf(clients.member.threads.confirm(threadId, input)), '403 forbidden');
        assert.equal(await codeOf(clients.moderator.threads.confirm(threadId, input)), '403 forbidden');
      });

      it('refuse citing an advisor, a post of another thread or an unknown thread, and write nothing', async () => {
        const { threadId } = await answeredThread();
        const advisorReply = await clients.otherAdvisor.posts.reply(threadId, { body: 'Je regarde.' });
        const elsewhere = await answeredThread();
        const before = (await clients.guest.threads.get(threadId)).posts.length;
        assert.equal(await codeOf(clients.advisor.threads.confirm(threadId, { body: 'Oui.', citedPostIds: [advisorReply.id] })), '400 validation_failed');
        assert.equal(await codeOf(clients.advisor.threads.confirm(threadId, { body: 'Oui.', citedPostIds: [elsewhere.answerId] })), '400 validation_failed');
        assert.equal(await codeOf(clients.advisor.threads.confirm(threadId, { body: 'Oui.', citedPostIds: [] })), '400 validation_failed');
        assert.equal(await codeOf(clients.advisor.threads.confirm(987_654, { body: 'Oui.', citedPostIds: [elsewhere.answerId] })), '404 not_found');
        assert.equal((await clients.guest.threads.get(threadId)).posts.length, before);
      });
    });

    describe('the advisor signature', () => {
      it('is set by staff, shown on the community and under advisor posts only', async () => {
        const saved = await clients.moderator.community.setSignature('La communauté, c’est le **partage**.');
        assert.equal(saved.advisorSignature, 'La communauté, c’est le **partage**.');
        assert.match(saved.signatureHtml, /<strong>partage<\/strong>/);
        assert.equal((await clients.guest.community.get()).advisorSignature, saved.advisorSignature);
        const { threadId, answerId } = await answeredThread();
        const advisorPost = await clients.advisor.posts.reply(threadId, { body: 'Bonjour à tous.' });
        const posts = (await clients.guest.threads.get(threadId)).posts;
        assert.equal(posts.find((p) => p.id === advisorPost.id)?.signatureHtml, saved.signatureHtml);
        assert.equal(posts.find((p) => p.id === answerId)?.signatureHtml, undefined);
      });

      it('refuses members, guests and over-long text', async () => {
        assert.equal(await codeOf(clients.member.community.setSignature('Moi aussi.')), '403 forbidden');
        assert.equal(await codeOf(clients.guest.community.setSignature('Moi aussi.')), '401 unauthorized');
        assert.equal(await codeOf(clients.advisor.community.setSignature('x'.repeat(1001))), '400 validation_failed');
      });
    });

    describe('post edits', () => {
      it('let the author edit: new body, editedAt set, the thread shows it', async () => {
        const { threadId, answerId } = await answeredThread();
        const edited = await clients.member.posts.edit(answerId, { body: 'Redémarrez en **mode avion** puis attendez.' });
        assert.equal(edited.id, answerId);
        assert.match(edited.bodyHtml, /<strong>mode avion<\/strong>/);
        assert.ok(edited.editedAt);
        const shown = (await clients.guest.threads.get(threadId)).posts.find((p) => p.id === answerId);
        assert.deepEqual([shown?.bodyHtml, shown?.editedAt], [edited.bodyHtml, edited.editedAt]);
      });

      it('refuse other members, guests, unknown posts and bad bodies, changing nothing', async () => {
        const { threadId, answerId } = await answeredThread();
        assert.equal(await codeOf(clients.other.posts.edit(answerId, { body: 'Pas à moi.' })), '403 forbidden');
        assert.equal(await codeOf(clients.guest.posts.edit(answerId, { body: 'Anonyme.' })), '401 unauthorized');
        assert.equal(await codeOf(clients.member.posts.edit(987_654, { body: 'Nulle part.' })), '404 not_found');
        assert.equal(await codeOf(clients.member.posts.edit(answerId, { body: '' })), '400 validation_failed');
        const unknownField = { body: 'Texte.', pinned: true } as unknown as { body: string };
        assert.equal(await codeOf(clients.member.posts.edit(answerId, unknownField)), '400 validation_failed');
        const shown = (await clients.guest.threads.get(threadId)).posts.find((p) => p.id === answerId);
        assert.equal(shown?.editedAt, null);
      });

      it('refuse the author on a closed thread', async () => {
        const { threadId, answerId } = await answeredThread();
        await clients.moderator.threads.close(threadId, { reason: 'Résolu ailleurs.' });
        assert.equal(await codeOf(clients.member.posts.edit(answerId, { body: 'Trop tard.' })), '403 forbidden');
      });

      it("let staff edit someone else's post with a reason, audited", async () => {
        const { answerId } = await answeredThread();
        assert.equal(await codeOf(clients.moderator.posts.edit(answerId, { body: 'Sans raison.' })), '400 validation_failed');
        const edited = await clients.moderator.posts.edit(answerId, { body: 'Numéro retiré.', reason: 'Donnée personnelle.' });
        assert.ok(edited.editedAt);
        const { items } = await clients.moderator.audit.list({ targetType: 'post', targetId: answerId });
        assert.deepEqual(items.map((e) => [e.action, e.reason, e.actor?.id]), [['post.edit', 'Donnée personnelle.', ids.moderator]]);
        assert.deepEqual(items[0]?.after, { body: 'Numéro retiré.' });
      });
    });

    describe('post deletions', () => {
      it('let the author delete their reply: a tombstone with an empty body, counts lowered', async () => {
        const { threadId, answerId } = await answeredThread();
        const before = await clients.guest.threads.get(threadId);
        const author = (await clients.guest.members.get(ids.member)).postCount;
        const category = async () => (await clients.guest.community.get()).categories.find((c) => c.id === before.thread.categoryId)!.postCount;
        const categoryBefore = await category();
        const deleted = await clients.member.posts.delete(answerId);
        assert.deepEqual([deleted.id, deleted.bodyHtml, deleted.deleted?.by], [answerId, '', 'author']);
        const read = await clients.other.threads.get(threadId);
        const shown = read.posts.find((p) => p.id === answerId);
        assert.deepEqual([shown?.bodyHtml, shown?.deleted?.by], ['', 'author']);
        assert.equal(read.posts.length, before.posts.length, 'the tombstone stays in the thread');
        assert.equal(read.thread.replyCount, before.thread.replyCount - 1);
        assert.equal((await clients.guest.members.get(ids.member)).postCount, author - 1);
        assert.equal(await category(), categoryBefore - 1);
      });

      it('refuse deleting twice and deleting a question with 409', async () => {
        const { threadId, answerId } = await answeredThread();
        await clients.member.posts.delete(answerId);
        assert.equal(await codeOf(clients.member.posts.delete(answerId)), '409 conflict');
        const question = (await clients.guest.threads.get(threadId)).posts[0]!;
        assert.equal(await codeOf(clients.newcomer.posts.delete(question.id)), '409 conflict');
        assert.equal(await codeOf(clients.moderator.posts.delete(question.id, { reason: 'Doublon.' })), '409 conflict');
      });

      it('refuse other members, guests, unknown posts and the author on a closed thread', async () => {
        const { threadId, answerId } = await answeredThread();
        assert.equal(await codeOf(clients.other.posts.delete(answerId)), '403 forbidden');
        assert.equal(await codeOf(clients.guest.posts.delete(answerId)), '401 unauthorized');
        assert.equal(await codeOf(clients.member.posts.delete(987_654)), '404 not_found');
        await clients.moderator.threads.close(threadId, { reason: 'Résolu ailleurs.' });
        assert.equal(await codeOf(clients.member.posts.delete(answerId)), '403 forbidden');
        assert.equal((await clients.guest.threads.get(threadId)).posts.find((p) => p.id === answerId)?.deleted, undefined);
      });

      it("let staff delete someone else's reply with a reason, the words kept in the audit log", async () => {
        const { answerId } = await answeredThread();
        assert.equal(await codeOf(clients.moderator.posts.delete(answerId)), '400 validation_failed');
        const deleted = await clients.moderator.posts.delete(answerId, { reason: 'Hors sujet.' });
        assert.equal(deleted.deleted?.by, 'staff');
        const { items } = await clients.moderator.audit.list({ targetType: 'post', targetId: answerId });
        assert.deepEqual(items.map((e) => [e.action, e.reason, e.actor?.id]), [['post.delete', 'Hors sujet.', ids.moderator]]);
        assert.deepEqual([items[0]?.before, items[0]?.after], [{ body: 'Redémarrez en mode avion.' }, { body: '', deletedBy: 'staff' }]);
      });

      it('withdraw the accepted solution when it is deleted', async () => {
        const { threadId, answerId } = await answeredThread();
        await clients.newcomer.threads.acceptSolution(threadId, answerId);
        await clients.member.posts.delete(answerId);
        const { thread } = await clients.guest.threads.get(threadId);
        assert.deepEqual([thread.acceptedPostId, thread.status], [null, 'answered']);
      });

      it('refuse editing a deleted post', async () => {
        const { answerId } = await answeredThread();
        await clients.member.posts.delete(answerId);
        assert.equal(await codeOf(clients.member.posts.edit(answerId, { body: 'Je reviens.' })), '409 conflict');
      });

      it('refuse kudos on a deleted post with 403, counting nothing', async () => {
        const { answerId, threadId } = await answeredThread();
        await clients.member.posts.delete(answerId);
        const refused = await clients.other.posts.kudo(answerId).catch((error: unknown) => error);
        assert.ok(refused instanceof EntraideError);
        assert.deepEqual([refused.status, refused.code, refused.message], [403, 'forbidden', 'This post is deleted: it takes no more kudos.']);
        assert.equal((await clients.guest.threads.get(threadId)).posts.find((p) => p.id === answerId)?.kudosCount, 0);
      });

      it('open the thread again when its only answer is deleted, its last post time back to the question', async () => {
        const { thread, post: question } = await clients.newcomer.threads.create({ categoryId: cast.categoryId, title: 'Box muette', body: 'Plus de tonalité.' });
        const answer = await clients.member.posts.reply(thread.id, { body: 'Vérifiez le filtre ADSL.' });
        const lastPost = async () => (await clients.guest.community.get()).categories.find((c) => c.id === cast.categoryId)!.lastPostAt;
        assert.equal(await lastPost(), answer.createdAt);
        await clients.member.posts.delete(answer.id);
        const read = (await clients.guest.threads.get(thread.id)).thread;
        assert.deepEqual([read.status, read.lastPostAt], ['open', question.createdAt]);
        assert.equal(await lastPost(), question.createdAt);
      });
    });
  });
}

describe("the mocks' demo community", { timeout: 600_000 }, () => {
  after(() => closeMockForums());

  it("shows the study's example: Julie-Volta's reply confirms and credits Kali29's and lavande's answers", async () => {
    const forum = await createMockForum({ baseUrl: 'http://demo.entraide.test/api' });
    const msw = setupServer(...forum.handlers);
    msw.listen();
    try {
      const guest = createEntraideClient({ baseUrl: 'http://demo.entraide.test/api', retry: false });
      const [example] = await forum.db.query<{ id: number }>(
        "select t.id from threads t join members m on m.id = t.author_id where m.pseudonym = $1 and t.title like 'Changer de forfait%'",
        [DEMO_PEOPLE.asker],
      );
      const { posts } = await guest.threads.get(example!.id);
      const confirmation = posts.find((p) => p.author.pseudonym === DEMO_PEOPLE.commercialAdvisor)?.confirmation;
      assert.deepEqual(confirmation?.cited.map((cited) => cited.author.pseudonym).sort(), [DEMO_PEOPLE.topHelper, DEMO_PEOPLE.secondHelper].sort());
      const expert = await forum.member(DEMO_PEOPLE.topHelper);
      assert.ok((await guest.members.get(expert.id)).confirmedAnswers >= 1);
    } finally {
      msw.close();
    }
  });
});

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK categories against the ${name}`, () => {
    let target: ContractTarget;
    before(async () => {
      target = await makeTarget();
    });
    after(() => target.close());

    it('lists the categories in the asked language and gets one by id', async () => {
      const guest = target.client();
      const english = await guest.categories.list({ locale: 'en' });
      assert.deepEqual(english, (await guest.community.get({ locale: 'en' })).categories);
      const first = english[0]!;
      assert.deepEqual(await guest.categories.get(first.id, { locale: 'en' }), first);
    });

    it('fails an unknown category with an EntraideError coded not_found', async () => {
      const error = await target.client().categories.get(987_654).catch((caught: unknown) => caught);
      assert.ok(error instanceof EntraideError);
      assert.deepEqual([error.status, error.code, error.request], [404, 'not_found', 'GET /community']);
    });
  });
}
