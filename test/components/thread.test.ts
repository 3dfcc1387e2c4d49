import { expect, html, waitUntil } from '@open-wc/testing';
import { applyLiveChanges, mergePosts, type EntraideThread } from '../../src/components/thread/thread.ts';
import type { Post } from '../../src/contract/models.ts';
import '../../src/components/thread/thread.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import type { EntraidePost } from '../../src/components/post/post.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, queryAllDeep, waitForDeep, waitForLiveStream, waitForText, count, describeNode, watchMarkupParsing, type MockForum } from './helpers.ts';

function postIds(thread: EntraideThread): number[] {
  return [...thread.shadowRoot!.querySelectorAll<EntraidePost>('[part="posts"] entraide-post')].map((p) => p.post!.id);
}

interface SolvedThread {
  id: number;
  title: string;
  category: string;
  acceptedPostId: number;
  postIds: number[];
  advisorPostId: number;
}

/** A short solved thread of the demo with an accepted answer and an advisor's reply. */
function solvedThread(forum: MockForum): Promise<SolvedThread> {
  return pick<SolvedThread>(
    forum,
    `select t.id, t.title, c.name->>'fr' as category, t.accepted_post_id as "acceptedPostId",
            array(select p.id from posts p where p.thread_id = t.id order by p.created_at, p.id) as "postIds",
            (select p.id from posts p join members m on m.id = p.author_id where p.thread_id = t.id and m.role = 'advisor' order by p.id limit 1) as "advisorPostId"
       from threads t join categories c on c.id = t.category_id
      where t.status = 'solved' and t.accepted_post_id is not null and t.locale = 'fr'
        and (select count(*) from posts p where p.thread_id = t.id) between 3 and 8
        and exists (select 1 from posts p join members m on m.id = p.author_id where p.thread_id = t.id and m.role = 'advisor')
      order by t.id limit 1`,
  );
}

/** An open thread with a question and no reply yet. */
function unansweredThread(forum: MockForum): Promise<{ id: number }> {
  return pick(forum, `select t.id from threads t where t.status = 'open' and t.merged_into_id is null and (select count(*) from posts p where p.thread_id = t.id) = 1 order by t.id limit 1`);
}

describe('<entraide-thread>', () => {
  describe('when signed out', () => {
    it('shows the question then the replies, each as <entraide-post>', async () => {
      const solved = await solvedThread(await mockForum());

      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'fr' });
      await waitForDeep(thread, 'entraide-post');

      expect(thread.shadowRoot!.querySelector('h2')!.textContent).to.equal(solved.title);
      expect(postIds(thread)).to.deep.equal(solved.postIds);
      expect(thread.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Résolu');
      expect(thread.shadowRoot!.querySelector('[part="back"]')!.textContent).to.equal(`Retour à ${solved.category}`);
      const advisorPost = thread.shadowRoot!.querySelectorAll('[part="posts"] entraide-post')[solved.postIds.indexOf(solved.advisorPostId)]!;
      expect(advisorPost.hasAttribute('advisor')).to.equal(true);
    });

    it('pins the accepted solution under the title and marks it in the list', async () => {
      const solved = await solvedThread(await mockForum());

      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, '[part="solution"] entraide-post');

      const pinned = thread.shadowRoot!.querySelector<EntraidePost>('[part="solution"] entraide-post')!;
      expect(pinned.post!.id).to.equal(solved.acceptedPostId);
      expect(pinned.hasAttribute('accepted')).to.equal(true);
      const inList = [...thread.shadowRoot!.querySelectorAll<EntraidePost>('[part="posts"] entraide-post')].filter((p) => p.accepted).map((p) => p.post!.id);
      expect(inList).to.deep.equal([solved.acceptedPostId]);
      await waitForText(pinned, 'Accepted solution');
    });

    it('offers sign-in instead of the reply form', async () => {
      const solved = await solvedThread(await mockForum());

      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, 'entraide-post');

      expect(count(thread, 'entraide-composer')).to.equal(0);
      expect(thread.shadowRoot!.querySelector('[part="reply"] button')!.textContent).to.equal('Sign in to reply');
    });

    it('appends a live reply, once, announces it, and keeps the scroll position', async () => {
      const mock = await mockForum();
      const solved = await solvedThread(mock);
      const helper = await mock.member(DEMO_PEOPLE.secondHelper);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, 'entraide-post');
      await waitForLiveStream(mock);
      const spacer = Object.assign(document.createElement('div'), { style: 'height: 3000px' });
      document.body.append(spacer);
      window.scrollTo(0, 120);
      const focusBefore = document.activeElement;

      try {
        const post = await createEntraideClient({ baseUrl: '/api', token: helper.token }).posts.reply(solved.id, { body: 'Same fix worked for me.' });
        await waitUntil(() => postIds(thread).includes(post.id), 'the live reply never arrived', { timeout: 3000 });

        expect(postIds(thread)).to.deep.equal([...solved.postIds, post.id]);
        expect(thread.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal(`New reply from ${helper.pseudonym}`);
        expect(window.scrollY).to.equal(120);
        expect(document.activeElement === focusBefore, `focus moved to ${describeNode(document.activeElement)}`).to.equal(true);
      } finally {
        spacer.remove();
      }
    });

    it('drops a post moderation hid, pinned solution too, and shows an edit live', async () => {
      const mock = await mockForum();
      const solved = await solvedThread(mock);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, '[part="solution"] entraide-post');
      await waitForLiveStream(mock);
      const moderator = createEntraideClient({ baseUrl: '/api', token: (await mock.member(DEMO_PEOPLE.moderator)).token, retry: false });
      const edited = solved.postIds.at(-1)!;

      await moderator.posts.hide(solved.acceptedPostId, { reason: 'Personal data' });
      await moderator.posts.edit(edited, { body: 'It works now, thanks to the advisor.', reason: 'Removed a phone number' });

      await waitUntil(() => !postIds(thread).includes(solved.acceptedPostId), 'the hidden post stayed', { timeout: 3000 });
      expect(postIds(thread)).to.deep.equal(solved.postIds.filter((id) => id !== solved.acceptedPostId));
      expect(count(thread, '[part="solution"]')).to.equal(0);
      await waitUntil(() => thread.shadowRoot!.querySelector<EntraidePost>(`[id="post-${edited}"] entraide-post`)!.post!.bodyHtml.includes('It works now'), 'the edit never showed', { timeout: 3000 });
      expect(thread.shadowRoot!.querySelector<EntraidePost>(`[id="post-${edited}"] entraide-post`)!.post!.editedAt).to.not.equal(null);
    });

    it('shows kudos given by other readers live, on the post and its pinned copy', async () => {
      const mock = await mockForum();
      const solved = await solvedThread(mock);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, '[part="solution"] entraide-post');
      await waitForLiveStream(mock);
      const kudosOf = (selector: string) => thread.shadowRoot!.querySelector<EntraidePost>(selector)!.post!.kudosCount;
      const target = solved.acceptedPostId;
      const before = kudosOf(`[id="post-${target}"] entraide-post`);
      const giver = createEntraideClient({ baseUrl: '/api', token: (await mock.member(DEMO_PEOPLE.secondHelper)).token, retry: false });

      await giver.posts.kudo(target);
      await waitUntil(() => kudosOf(`[id="post-${target}"] entraide-post`) === before + 1, 'the kudos never showed live', { timeout: 3000 });
      expect(kudosOf('[part="solution"] entraide-post')).to.equal(before + 1);
      await giver.posts.unkudo(target);
      await waitUntil(() => kudosOf(`[id="post-${target}"] entraide-post`) === before, 'the kudos taken back never showed live', { timeout: 3000 });
    });

    it('counts a deleted reply out while its tombstone stays, for every reader, live and after a reload', async () => {
      const mock = await mockForum();
      const { id } = await unansweredThread(mock);
      const helper = await mock.member(DEMO_PEOPLE.secondHelper);
      const author = createEntraideClient({ baseUrl: '/api', token: helper.token, retry: false });
      const reply = await author.posts.reply(id, { body: 'First idea, then deleted.' });
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, 'entraide-post');
      await waitForLiveStream(mock);
      const replyCount = () => thread.shadowRoot!.querySelector('[part="reply-count"]')!.textContent;
      expect(replyCount()).to.equal('1 reply');

      await author.posts.delete(reply.id);

      await waitUntil(() => thread.shadowRoot!.querySelector<EntraidePost>(`[id="post-${reply.id}"] entraide-post`)?.post?.deleted, 'the tombstone never came live', { timeout: 3000 });
      await waitUntil(() => replyCount() === '0 replies', `the count stayed at ${replyCount()}`, { timeout: 3000 });
      const reloaded = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(reloaded, 'entraide-post');
      expect(reloaded.shadowRoot!.querySelector('[part="reply-count"]')!.textContent).to.equal('0 replies');
      expect(postIds(reloaded)).to.include(reply.id);
    });

    it('applies live changes to the posts it shows: new versions in place, removed ones out', () => {
      const [a, b, c] = [1, 2, 3].map((id) => ({ id, bodyHtml: `<p>${id}</p>` }) as Post);
      const edited = { ...b!, bodyHtml: '<p>edited</p>' };

      expect(applyLiveChanges([a!, b!, c!], new Map([[2, edited], [3, null]]))).to.deep.equal([a, edited]);
    });

    it('merges posts once each, in order, whatever arrives twice', () => {
      const [a, b, c] = [1, 2, 3].map((id) => ({ id }) as Post);

      expect(mergePosts([a!, b!], [b!, c!, a!]).map((p) => p.id)).to.deep.equal([1, 2, 3]);
    });

    it('renders markup in the title as text', async () => {
      const parsed = watchMarkupParsing();
      const forum = await mockForum();
      const { id } = await unansweredThread(forum);
      await forum.db.query('update threads set title = $1 where id = $2', ['<img src=x onerror="window.__xssThread=1">', id]);

      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { locale: 'en' });
      await waitForDeep(thread, 'entraide-post');

      expect(thread.shadowRoot!.querySelector('h2')!.textContent).to.equal('<img src=x onerror="window.__xssThread=1">');
      expect(queryAllDeep(thread, 'img').length).to.equal(0);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect((window as unknown as { __xssThread?: number }).__xssThread).to.equal(undefined);
    });

    it('says a missing thread does not exist, without a retry', async () => {
      await mockForum();

      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id="99999"></entraide-thread>`, { locale: 'en' });

      await waitForText(thread, 'This page does not exist or was removed.');
      expect(count(thread, '[part="retry"]')).to.equal(0);
    });

    it('retries after a server error', async () => {
      const mock = await mockForum({ failures: { getThread: 500 } });
      const solved = await solvedThread(mock);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en' });
      const retry = await waitForDeep<HTMLButtonElement>(thread, '[part="retry"]');

      delete mock.failures.getThread;
      retry.click();

      await waitForDeep(thread, 'entraide-post');
    });

    it('has no axe-core violation', async () => {
      const solved = await solvedThread(await mockForum());
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'fr' });
      await waitForDeep(thread, 'entraide-post');

      await expectAccessible(thread);
    });
  });

  describe('when signed in', () => {
    it('shows the reply form and appends the member’s own reply without announcing it', async () => {
      const forum = await mockForum();
      const { id } = await unansweredThread(forum);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.topHelper) });
      const composer = await waitForDeep(thread, 'entraide-composer');
      await customElements.whenDefined('entraide-composer'); // a lazy chunk
      await (composer as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const textarea = composer.shadowRoot!.querySelector('textarea')!;
      await waitForLiveStream(forum);

      textarea.value = 'Dial 888, it works.';
      textarea.dispatchEvent(new InputEvent('input'));
      composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => postIds(thread).length === 2, 'own reply never appeared', { timeout: 3000 });
      // The stream carries the reply's own event before this later edit: once the edit shows, that event was handled.
      const [questionId] = postIds(thread);
      const moderator = createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.moderator)).token, retry: false });
      await moderator.posts.edit(questionId!, { body: 'Voicemail still silent after porting.', reason: 'Clearer title' });
      await waitUntil(() => thread.shadowRoot!.querySelector<EntraidePost>(`[id="post-${questionId}"] entraide-post`)!.post!.bodyHtml.includes('still silent'), 'the later edit never showed', { timeout: 3000 });

      expect(postIds(thread)).to.have.length(2);
      expect(thread.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal('');
    });

    it('tells a member a closed thread takes no replies', async () => {
      const forum = await mockForum();
      const closed = await pick<{ id: number }>(forum, `select id from threads where status = 'closed' and merged_into_id is null order by id limit 1`);

      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${closed.id}></entraide-thread>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.asker) });

      await waitForText(thread, 'This thread is closed to new replies.');
      expect(count(thread, 'entraide-composer')).to.equal(0);
    });

    it('fits a 360 px wide screen', async () => {
      const forum = await mockForum();
      const solved = await solvedThread(forum);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'fr', width: '360px', as: await forum.member(DEMO_PEOPLE.topHelper) });
      await waitForDeep(thread, 'entraide-composer');

      expect(thread.scrollWidth).to.be.at.most(360);
      for (const post of thread.shadowRoot!.querySelectorAll('entraide-post')) expect(post.getBoundingClientRect().width).to.be.at.most(360);
    });

    it('has no axe-core violation', async () => {
      const forum = await mockForum();
      const solved = await solvedThread(forum);
      const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${solved.id}></entraide-thread>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.topHelper) });
      await waitForDeep(thread, 'entraide-composer');

      await expectAccessible(thread);
    });
  });
});
