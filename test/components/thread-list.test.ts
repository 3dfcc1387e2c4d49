import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { threadPath } from '../../src/core/index.ts';
import type { EntraideThreadList } from '../../src/components/thread-list/thread-list.ts';
import '../../src/components/thread-list/thread-list.ts';
import type { EntraideSignInRequestedEvent } from '../../src/components/events/index.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, queryAllDeep, textOf, waitForDeep, waitForText, count, watchMarkupParsing, type MockForum } from './helpers.ts';

const as = (member: { token: string }): EntraideClient => createEntraideClient({ baseUrl: '/api', token: member.token, retry: false });

/** The demo's "Technical help" category, busy with threads. */
function technicalHelp(forum: MockForum): Promise<{ id: number; name: string }> {
  return pick(forum, `select id, name->>'en' as name from categories where slug = 'assistance-technique'`);
}

/** A category of the community with no thread yet (every demo category has some): one no API creates. */
async function emptyCategory(forum: MockForum): Promise<number> {
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into categories (community_id, slug, name, description, position)
     select community_id, 'tests-vide', '{"fr": "Catégorie vide", "en": "Empty category"}', '{}', 99 from categories order by id limit 1
     returning id`,
  );
  return id;
}

/** A new category holding `count` questions by the demo's English speaker, so that paging has something to page. */
async function manyThreads(forum: MockForum, count: number): Promise<number> {
  const categoryId = await emptyCategory(forum);
  const sam = as(await forum.member(DEMO_PEOPLE.englishMember));
  for (let i = 0; i < count; i += 1) await sam.threads.create({ categoryId, title: `Coverage question ${i}`, body: 'No signal at all.', locale: 'en' });
  return categoryId;
}

/** `manyThreads(count)` plus a thread solved by the community and an answered one, asked later. */
async function threadsOfEveryKind(forum: MockForum, count: number): Promise<number> {
  const categoryId = await manyThreads(forum, count);
  const sam = as(await forum.member(DEMO_PEOPLE.englishMember));
  const helper = as(await forum.member(DEMO_PEOPLE.secondHelper));
  const solved = await sam.threads.create({ categoryId, title: 'Solved by the community', body: 'No data abroad.', locale: 'en' });
  const answer = await helper.posts.reply(solved.thread.id, { body: 'Turn roaming on.' });
  await sam.threads.acceptSolution(solved.thread.id, answer.id);
  const answered = await sam.threads.create({ categoryId, title: 'Answered, not solved yet', body: 'Calls drop.', locale: 'en' });
  await helper.posts.reply(answered.thread.id, { body: 'Try another band.' });
  return categoryId;
}

function titles(list: EntraideThreadList): string[] {
  return queryAllDeep(list, '[part="item"] a.title').map((a) => a.textContent.trim());
}

describe('<entraide-thread-list>', () => {
  describe('when signed out', () => {
    it('lists threads with status, author, replies and activity', async () => {
      const forum = await mockForum();
      const category = await technicalHelp(forum);
      const latest = await pick<{ id: number; title: string; status: string; author: string; replies: number }>(
        forum,
        `select t.id, t.title, t.status, m.pseudonym as author, t.reply_count as replies from threads t join members m on m.id = t.author_id
          where t.category_id = $1 and t.merged_into_id is null order by t.last_post_at desc, t.id desc limit 1`,
        [category.id],
      );

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en' });
      await waitForDeep(list, '[part="item"]');

      expect(list.shadowRoot!.querySelector('h2')!.textContent).to.equal(category.name);
      const first = queryAllDeep(list, '[part="item"]')[0]!;
      expect(first.querySelector('a')!.getAttribute('href')).to.equal(`#${threadPath(latest.id, latest.title)}`);
      expect(textOf(first)).to.contain(latest.title);
      const statusLabels: Record<string, string> = { open: 'Open', answered: 'Answered', solved: 'Solved', closed: 'Closed', archived: 'Archived' };
      expect(first.querySelector('[part="status"]')!.textContent).to.equal(statusLabels[latest.status]);
      expect(textOf(first)).to.contain(`by ${latest.author}`);
      expect(first.querySelector('.meta a')!.getAttribute('href'), 'the asker’s pseudonym opens their profile').to.match(/^#\/members\/\d+$/);
      expect(textOf(first)).to.contain(latest.replies === 1 ? '1 reply' : `${latest.replies.toLocaleString('en')} replies`);
      expect(textOf(first)).to.contain('Last activity');
    });

    it('loads more with the next cursor and moves focus to the first new thread', async () => {
      const categoryId = await manyThreads(await mockForum(), 5);
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${categoryId} page-size="2"></entraide-thread-list>`, { locale: 'en' });
      const more = await waitForDeep<HTMLButtonElement>(list, '[part="load-more"]');
      expect(titles(list)).to.deep.equal(['Coverage question 4', 'Coverage question 3']);

      more.click();
      await waitUntilCount(list, 4);

      expect(titles(list)).to.deep.equal(['Coverage question 4', 'Coverage question 3', 'Coverage question 2', 'Coverage question 1']);
      expect(list.shadowRoot!.activeElement!.textContent).to.equal('Coverage question 2');

      list.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
      await waitUntilCount(list, 5);

      expect(count(list, '[part="load-more"]')).to.equal(0);
    });

    it('shows the solved thread alone under "Solved", and only threads without a reply under "Unanswered"', async () => {
      const categoryId = await threadsOfEveryKind(await mockForum(), 2);
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${categoryId}></entraide-thread-list>`, { locale: 'en' });
      await waitUntilCount(list, 4);
      const filter = (name: string) => queryAllDeep<HTMLButtonElement>(list, '[part="filter"]').find((b) => b.textContent.trim() === name)!;

      filter('Solved').click();
      await waitUntilCount(list, 1);
      expect(titles(list)).to.deep.equal(['Solved by the community']);

      filter('Unanswered').click();
      await waitUntilCount(list, 2);
      expect(titles(list)).to.deep.equal(['Coverage question 1', 'Coverage question 0']);

      filter('All').click();
      await waitUntilCount(list, 4);
    });

    it('keeps the loaded threads and offers a retry when "Load more" fails', async () => {
      const mock = await mockForum();
      const categoryId = await manyThreads(mock, 3);
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${categoryId} page-size="2"></entraide-thread-list>`, { locale: 'en' });
      const more = await waitForDeep<HTMLButtonElement>(list, '[part="load-more"]');
      mock.failures.listThreads = 500;

      more.click();
      await waitForText(list, 'This could not be loaded.');

      expect(titles(list)).to.have.length(2);
      expect(more.textContent.trim()).to.equal('Retry');
      delete mock.failures.listThreads;
      more.click();
      await waitUntilCount(list, 3);
    });

    it('asks the page to sign in instead of "New question", and the request is cancelable', async () => {
      const category = await technicalHelp(await mockForum());
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en' });
      const button = await waitForDeep<HTMLButtonElement>(list, 'button[part="new-thread"]');
      expect(button.textContent.trim()).to.equal('Sign in to ask a question');
      const handled = (event: EntraideSignInRequestedEvent) => event.preventDefault();
      document.addEventListener('entraide-sign-in-requested', handled);

      try {
        setTimeout(() => button.click());
        const event = await oneEvent(document, 'entraide-sign-in-requested');

        expect(event.detail.reason).to.equal('new-thread');
        expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
        await list.updateComplete;
        expect(textOf(list)).not.to.contain('Sign-in is not available');
      } finally {
        document.removeEventListener('entraide-sign-in-requested', handled);
      }
    });

    it('says sign-in is unavailable when no one handles the request', async () => {
      const category = await technicalHelp(await mockForum());
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en' });
      const button = await waitForDeep<HTMLButtonElement>(list, 'button[part="new-thread"]');

      button.click();

      await waitForText(list, 'Sign-in is not available on this page.');
    });

    it('renders markup in titles and pseudonyms as text', async () => {
      const parsed = watchMarkupParsing();
      const forum = await mockForum();
      const hostile = '<img src=x onerror="window.__xssList=1">';
      // The latest thread of a category gets a hostile title, and its asker a hostile pseudonym.
      const latest = await pick<{ id: number; categoryId: number; authorId: number }>(
        forum,
        `select id, category_id as "categoryId", author_id as "authorId" from threads where merged_into_id is null order by last_post_at desc, id desc limit 1`,
      );
      await forum.db.query('update threads set title = $1 where id = $2', [hostile, latest.id]);
      await forum.db.query('update members set pseudonym = $1 where id = $2', [hostile, latest.authorId]);

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${latest.categoryId}></entraide-thread-list>`, { locale: 'en' });
      await waitForText(list, `by ${hostile}`);

      expect(queryAllDeep(list, 'img').length).to.equal(0);
      expect(titles(list)).to.include(hostile);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect((window as unknown as { __xssList?: number }).__xssList).to.equal(undefined);
    });

    it('shows an empty state for a category without threads', async () => {
      const categoryId = await emptyCategory(await mockForum());

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${categoryId}></entraide-thread-list>`, { locale: 'fr' });

      await waitForText(list, 'Aucune question ici pour l’instant.');
    });

    it('shows an error and retries', async () => {
      const mock = await mockForum({ failures: { listThreads: 503 } });
      const category = await technicalHelp(mock);
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en' });
      const retry = await waitForDeep<HTMLButtonElement>(list, '[part="retry"]');

      delete mock.failures.listThreads;
      retry.click();

      await waitForDeep(list, '[part="item"]');
    });

    it('has no axe-core violation', async () => {
      const category = await technicalHelp(await mockForum());
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en' });
      await waitForDeep(list, '[part="item"]');

      await expectAccessible(list);
    });
  });

  describe('when signed in', () => {
    it('links "New question" to the new-question route', async () => {
      const forum = await mockForum();
      const category = await technicalHelp(forum);

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.asker) });
      const link = await waitForDeep<HTMLAnchorElement>(list, 'a[part="new-thread"]');

      expect(link.getAttribute('href')).to.equal(`#/categories/${category.id}/new`);
      expect(link.textContent.trim()).to.equal('New question');
    });

    it('filters to unanswered, solved and my threads, and sorts by newest question', async () => {
      const forum = await mockForum();
      const categoryId = await manyThreads(forum, 3);
      const asker = await forum.member(DEMO_PEOPLE.asker);
      await as(asker).threads.create({ categoryId, title: 'Ma question à moi', body: 'Aidez-moi, rien ne marche.' });
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${categoryId}></entraide-thread-list>`, { locale: 'en', as: asker });
      await waitUntilCount(list, 4);
      const filter = (name: string) => queryAllDeep<HTMLButtonElement>(list, '[part="filter"]').find((b) => b.textContent.trim() === name)!;

      filter('Mine').click();
      await waitUntilCount(list, 1);
      expect(titles(list)).to.deep.equal(['Ma question à moi']);
      expect(filter('Mine').getAttribute('aria-pressed')).to.equal('true');
      expect(list.filter).to.equal('mine');

      filter('Solved').click();
      await waitForText(list, 'No question matches this filter.');

      filter('All').click();
      await waitUntilCount(list, 4);
      const sort = list.shadowRoot!.querySelector<HTMLSelectElement>('[part="sort"]')!;
      sort.value = 'newest';
      sort.dispatchEvent(new Event('change'));
      await waitUntil(() => list.sort === 'newest' && titles(list)[0] === 'Ma question à moi', 'sorted by newest', { timeout: 3000 });
    });

    it('offers no "Mine" filter to a guest', async () => {
      const category = await technicalHelp(await mockForum());
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'en' });
      await waitForDeep(list, '[part="item"]');
      expect(queryAllDeep(list, '[part="filter"]').map((b) => b.textContent.trim())).to.deep.equal(['All', 'Unanswered', 'Solved']);
    });

    it('has no axe-core violation', async () => {
      const forum = await mockForum();
      const category = await technicalHelp(forum);
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${category.id}></entraide-thread-list>`, { locale: 'fr', as: await forum.member(DEMO_PEOPLE.asker) });
      await waitForDeep(list, 'a[part="new-thread"]');

      await expectAccessible(list);
    });
  });
});

async function waitUntilCount(list: EntraideThreadList, count: number): Promise<void> {
  await waitUntil(() => titles(list).length === count, `expected ${count} threads, saw ${titles(list).length}`, { timeout: 3000 });
}
