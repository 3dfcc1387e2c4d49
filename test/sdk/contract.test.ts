/**
 * The contract suite: one set of SDK tests, run against the msw mocks (`entraide/mocks`) and
 * against the real server. Where they disagree, the mocks are lying to stories and users' tests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`SDK contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let guest: EntraideClient;
    let member: EntraideClient;
    before(async () => {
      target = await makeTarget();
      guest = target.client();
      member = target.client('member');
    });
    after(() => target.close());

    const firstThread = async () => {
      const { categories } = await guest.community.get();
      for (const category of categories) {
        const { items } = await guest.threads.list({ categoryId: category.id });
        if (items[0]) return { category, thread: items[0] };
      }
      throw new Error('no thread anywhere');
    };

    it('gives the community with categories and their counts', async () => {
      const community = await guest.community.get({ locale: 'fr' });
      assert.ok(community.categories.length > 0);
      for (const category of community.categories) {
        assert.equal(typeof category.name, 'string');
        assert.ok(category.threadCount >= 0 && category.postCount >= category.threadCount);
      }
    });

    it('pages threads with a cursor and never repeats one', async () => {
      const { category } = await firstThread();
      await member.threads.create({ categoryId: category.id, title: 'Pagination une', body: 'Un.' });
      await member.threads.create({ categoryId: category.id, title: 'Pagination deux', body: 'Deux.' });
      const ids: number[] = [];
      for await (const thread of guest.threads.iterate({ categoryId: category.id, limit: 1 })) ids.push(thread.id);
      assert.ok(ids.length >= 3);
      assert.equal(new Set(ids).size, ids.length);
    });

    it('filters and sorts a category, with a solved, an answered and an unanswered thread in it', async () => {
      const { category } = await firstThread();
      const other = target.client('other');
      // Another member's thread, answered, then solved by its asker; another, answered only.
      const solved = await other.threads.create({ categoryId: category.id, title: 'Résolue par la communauté', body: 'Comment faire ?' });
      const solution = await member.posts.reply(solved.thread.id, { body: 'Comme ceci.' });
      await other.threads.acceptSolution(solved.thread.id, solution.id);
      const answered = await other.threads.create({ categoryId: category.id, title: 'Répondue, pas encore résolue', body: 'Une idée ?' });
      await member.posts.reply(answered.thread.id, { body: 'Peut-être ceci.' });
      const unanswered = await member.threads.create({ categoryId: category.id, title: 'Sans réponse encore', body: 'Qui sait ?' });
      const stranger = await other.threads.create({ categoryId: category.id, title: 'Question d’un autre', body: 'Et moi ?' });
      const ids = async (client: EntraideClient, filter: 'all' | 'unanswered' | 'solved' | 'mine', sort: 'activity' | 'newest' = 'activity') => {
        const found: number[] = [];
        for await (const thread of client.threads.iterate({ categoryId: category.id, filter, sort, limit: 50 })) found.push(thread.id);
        return found;
      };
      const all = await ids(guest, 'all');
      for (const thread of [solved, answered, unanswered, stranger]) assert.ok(all.includes(thread.thread.id));

      const solvedIds = await ids(guest, 'solved');
      assert.ok(solvedIds.includes(solved.thread.id), 'the solved thread is listed as solved');
      assert.ok(!solvedIds.includes(answered.thread.id) && !solvedIds.includes(unanswered.thread.id));
      for await (const thread of guest.threads.iterate({ categoryId: category.id, filter: 'solved' })) assert.equal(thread.status, 'solved');

      const unansweredIds = await ids(guest, 'unanswered');
      assert.ok(unansweredIds.includes(unanswered.thread.id) && unansweredIds.includes(stranger.thread.id));
      assert.ok(!unansweredIds.includes(answered.thread.id) && !unansweredIds.includes(solved.thread.id), 'answered threads are not unanswered');

      const mine = await ids(member, 'mine');
      assert.ok(mine.includes(unanswered.thread.id), 'asked by the member');
      for (const thread of [solved, answered]) assert.ok(!mine.includes(thread.thread.id), 'another member’s thread the member only replied in');
      assert.ok(!mine.includes(stranger.thread.id), 'another member’s thread the member never posted in');
      assert.ok(mine.length < all.length);
      assert.deepEqual(await ids(guest, 'mine'), []);
      assert.equal((await ids(guest, 'all', 'newest'))[0], stranger.thread.id);
    });

    it('gives each post the header fields', async () => {
      const { thread } = await firstThread();
      const detail = await guest.threads.get(thread.id);
      assert.equal(detail.thread.id, thread.id);
      const author = detail.posts[0]!.author;
      assert.deepEqual(Object.keys(author).sort(), ['id', 'joinedAt', 'postCount', 'pseudonym', 'rank', 'role', 'team']);
      assert.ok(author.rank.level >= 1 && author.rank.name.length > 0);
      assert.ok(!Number.isNaN(Date.parse(author.joinedAt)));
    });

    it('creates a thread and a reply that count toward the author', async () => {
      const { category } = await firstThread();
      const created = await member.threads.create({ categoryId: category.id, title: 'Question du contrat', body: 'Bonjour **à tous**' });
      assert.equal(created.thread.status, 'open');
      assert.match(created.post.bodyHtml, /<strong>à tous<\/strong>/);
      const reply = await member.posts.reply(created.thread.id, { body: 'Je me réponds.' });
      assert.equal(reply.author.postCount, created.post.author.postCount + 1);
      assert.equal((await guest.threads.get(created.thread.id)).posts.length, 2);
    });

    it('pages a long thread without gaps or repeats and pins a solution from a later page', async () => {
      const { category } = await firstThread();
      const { thread, post: question } = await member.threads.create({ categoryId: category.id, title: 'Fil de discussion long', body: 'Première.' });
      const replies = [];
      for (let i = 1; i <= 5; i += 1) replies.push(await target.client('other').posts.reply(thread.id, { body: `Réponse ${i}` }));
      await member.threads.acceptSolution(thread.id, replies[4]!.id);

      const first = await guest.threads.get(thread.id, { limit: 2 });
      const second = await guest.threads.posts(thread.id, { cursor: first.nextCursor!, limit: 2 });
      const all = [];
      for await (const post of guest.threads.iteratePosts(thread.id, { limit: 2 })) all.push(post.id);

      assert.deepEqual(first.posts.map((p) => p.id), [question.id, replies[0]!.id]);
      assert.equal(first.solution?.id, replies[4]!.id);
      assert.deepEqual(second.items.map((p) => p.id), [replies[1]!.id, replies[2]!.id]);
      assert.deepEqual(all, [question.id, ...replies.map((r) => r.id)]);
      assert.equal((await guest.threads.get(thread.id)).nextCursor, null);
      await assert.rejects(guest.threads.posts(thread.id, { cursor: 'not-a-cursor' }), { status: 400, code: 'validation_failed' });
      await assert.rejects(guest.threads.posts(987_654, { cursor: first.nextCursor! }), { status: 404, code: 'not_found' });
      const { thread: another } = await member.threads.create({ categoryId: category.id, title: 'Un autre fil', body: 'Autre.' });
      await assert.rejects(guest.threads.posts(another.id, { cursor: first.nextCursor! }), { status: 400, code: 'validation_failed' });
    });

    it('never lets raw HTML through a body', async () => {
      const { thread } = await firstThread();
      const reply = await member.posts.reply(thread.id, { body: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' });
      assert.doesNotMatch(reply.bodyHtml, /<img|href="javascript/i);
    });

    it('answers the same typed errors', async () => {
      const { thread, category } = await firstThread();
      const failures: Array<[() => Promise<unknown>, number, string]> = [
        [() => guest.posts.reply(thread.id, { body: 'Sans compte' }), 401, 'unauthorized'],
        [() => guest.threads.get(987_654), 404, 'not_found'],
        [() => member.posts.reply(987_654, { body: 'Nulle part' }), 404, 'not_found'],
        [() => member.posts.reply(thread.id, { body: '' }), 400, 'validation_failed'],
        [() => member.threads.create({ categoryId: category.id, title: 'x', body: 'Trop court' }), 400, 'validation_failed'],
        [() => member.threads.create({ categoryId: 987_654, title: 'Catégorie inconnue', body: 'Bonjour' }), 404, 'not_found'],
        // Text PostgreSQL cannot store, and a title on two lines.
        [() => member.posts.reply(thread.id, { body: 'Merci\u0000' }), 400, 'validation_failed'],
        [() => member.threads.create({ categoryId: category.id, title: 'Deux\nlignes', body: 'Bonjour' }), 400, 'validation_failed'],
      ];
      for (const [call, status, code] of failures) {
        await assert.rejects(call(), (error: unknown) => {
          assert.ok(error instanceof EntraideError);
          assert.deepEqual([error.status, error.code], [status, code], error.message);
          return true;
        });
      }
    });

    it('gives kudos, marks the same problem and accepts a solution with the same rules', async () => {
      const { category } = await firstThread();
      const advisor = target.client('advisor');
      const { thread, post: question } = await member.threads.create({ categoryId: category.id, title: 'Kudos et solution', body: 'Comment faire ?' });
      const answer = await advisor.posts.reply(thread.id, { body: 'Voici comment.' });
      const before = (await guest.members.get(answer.author.id)).kudosReceived;

      assert.deepEqual(await member.posts.kudo(answer.id), { postId: answer.id, kudosCount: 1, given: true });
      // A second kudos (another tab, a reload) changes nothing and answers the state: counted once.
      assert.deepEqual(await member.posts.kudo(answer.id), { postId: answer.id, kudosCount: 1, given: true });
      await assert.rejects(member.posts.kudo(question.id), { status: 403, code: 'forbidden' });
      await assert.rejects(guest.posts.kudo(answer.id), { status: 401, code: 'unauthorized' });
      assert.equal((await guest.members.get(answer.author.id)).kudosReceived, before + 1);
      assert.equal((await member.posts.unkudo(answer.id)).kudosCount, 0);

      assert.deepEqual(await advisor.threads.markSameProblem(thread.id), { threadId: thread.id, sameProblemCount: 1, marked: true });
      assert.deepEqual(await advisor.threads.markSameProblem(thread.id), { threadId: thread.id, sameProblemCount: 1, marked: true });
      await assert.rejects(member.threads.markSameProblem(thread.id), { status: 403 });

      await assert.rejects(member.threads.acceptSolution(thread.id, question.id), { status: 400, code: 'validation_failed' });
      const solved = await member.threads.acceptSolution(thread.id, answer.id);
      assert.deepEqual([solved.thread.status, solved.thread.acceptedPostId], ['solved', answer.id]);
      const withdrawn = await member.threads.withdrawSolution(thread.id);
      assert.deepEqual([withdrawn.thread.status, withdrawn.thread.acceptedPostId], ['answered', null]);
      await assert.rejects(guest.members.get(987_654), { status: 404, code: 'not_found' });
    });

    it('tells who is signed in', async () => {
      assert.equal((await guest.session.get()).member, null);
      const advisor = target.client('advisor');
      assert.equal((await advisor.session.get()).member?.role, 'advisor');
    });
  });
}
