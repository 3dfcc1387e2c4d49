import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { EntraideThreadList } from '../../src/components/thread-list/thread-list.ts';
import '../../src/components/thread-list/thread-list.ts';
import type { EntraideSignInRequestedEvent } from '../../src/components/events/index.ts';
import { defaultFixtures, type Fixtures } from '../../src/mocks/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, queryAllDeep, textOf, useMockWorker, waitForDeep, waitForText, count, watchMarkupParsing } from './helpers.ts';

/** Category 4 (empty in the fixtures) with `count` threads, so that paging has something to page. */
function manyThreads(count: number): Fixtures {
  const fixtures = defaultFixtures();
  for (let i = 0; i < count; i += 1) {
    const id = 100 + i;
    const createdAt = new Date(Date.UTC(2026, 8, 1, 12, i)).toISOString();
    fixtures.threads.push({ id, categoryId: 4, title: `Coverage question ${i}`, status: 'open', locale: 'en', posts: [{ id: 1000 + i, authorId: MEMBERS.sam, body: 'No signal.', createdAt }] });
  }
  return fixtures;
}

/** `manyThreads(count)` plus, in category 4, a solved thread and an answered one. */
function threadsOfEveryKind(count: number): Fixtures {
  const fixtures = manyThreads(count);
  const at = (minute: number) => new Date(Date.UTC(2026, 8, 2, 12, minute)).toISOString();
  fixtures.threads.push(
    { id: 200, categoryId: 4, title: 'Solved by the community', status: 'solved', locale: 'en', acceptedPostId: 2001, posts: [
      { id: 2000, authorId: MEMBERS.sam, body: 'No data abroad.', createdAt: at(0) },
      { id: 2001, authorId: MEMBERS.nadia, body: 'Turn roaming on.', createdAt: at(1) },
    ] },
    { id: 201, categoryId: 4, title: 'Answered, not solved yet', status: 'answered', locale: 'en', posts: [
      { id: 2010, authorId: MEMBERS.sam, body: 'Calls drop.', createdAt: at(2) },
      { id: 2011, authorId: MEMBERS.nadia, body: 'Try another band.', createdAt: at(3) },
    ] },
  );
  return fixtures;
}

function titles(list: EntraideThreadList): string[] {
  return queryAllDeep(list, '[part="item"] a.title').map((a) => a.textContent.trim());
}

describe('<entraide-thread-list>', () => {
  useMockWorker();

  describe('when signed out', () => {
    it('lists threads with status, author, replies and activity', async () => {
      mockForum();

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en' });
      await waitForDeep(list, '[part="item"]');

      expect(list.shadowRoot!.querySelector('h2')!.textContent).to.equal('Technical help');
      const first = queryAllDeep(list, '[part="item"]')[0]!;
      expect(first.querySelector('a')!.getAttribute('href')).to.equal('#/threads/2');
      expect(textOf(first)).to.contain('Voicemail not working after porting my number');
      expect(first.querySelector('[part="status"]')!.textContent).to.equal('Answered');
      expect(textOf(first)).to.contain('by sam_uk');
      expect(textOf(first)).to.contain('1 reply');
      expect(textOf(first)).to.contain('Last activity');
    });

    it('loads more with the next cursor and moves focus to the first new thread', async () => {
      mockForum({ fixtures: manyThreads(5) });
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="4" page-size="2"></entraide-thread-list>`, { locale: 'en' });
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
      mockForum({ fixtures: threadsOfEveryKind(2) });
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="4"></entraide-thread-list>`, { locale: 'en' });
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
      const mock = mockForum({ fixtures: manyThreads(3) });
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="4" page-size="2"></entraide-thread-list>`, { locale: 'en' });
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
      mockForum();
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en' });
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
      mockForum();
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en' });
      const button = await waitForDeep<HTMLButtonElement>(list, 'button[part="new-thread"]');

      button.click();

      await waitForText(list, 'Sign-in is not available on this page.');
    });

    it('renders markup in titles and pseudonyms as text', async () => {
      const parsed = watchMarkupParsing();
      const fixtures = defaultFixtures();
      const hostile = '<img src=x onerror="window.__xssList=1">';
      fixtures.members[2]!.pseudonym = hostile;
      fixtures.threads[3]!.title = hostile;
      mockForum({ fixtures });

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="1"></entraide-thread-list>`, { locale: 'en' });
      await waitForText(list, `by ${hostile}`);

      expect(queryAllDeep(list, 'img').length).to.equal(0);
      expect(titles(list)).to.include(hostile);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect((window as unknown as { __xssList?: number }).__xssList).to.equal(undefined);
    });

    it('shows an empty state for a category without threads', async () => {
      mockForum();

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="4"></entraide-thread-list>`, { locale: 'fr' });

      await waitForText(list, 'Aucune question ici pour l’instant.');
    });

    it('shows an error and retries', async () => {
      const mock = mockForum({ failures: { listThreads: 503 } });
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en' });
      const retry = await waitForDeep<HTMLButtonElement>(list, '[part="retry"]');

      delete mock.failures.listThreads;
      retry.click();

      await waitForDeep(list, '[part="item"]');
    });

    it('has no axe-core violation', async () => {
      mockForum();
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en' });
      await waitForDeep(list, '[part="item"]');

      await expectAccessible(list);
    });
  });

  describe('when signed in', () => {
    it('links "New question" to the new-question route', async () => {
      const forum = mockForum();

      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en', as: { forum, memberId: MEMBERS.nadia } });
      const link = await waitForDeep<HTMLAnchorElement>(list, 'a[part="new-thread"]');

      expect(link.getAttribute('href')).to.equal('#/categories/3/new');
      expect(link.textContent.trim()).to.equal('New question');
    });

    it('filters to unanswered, solved and my threads, and sorts by newest question', async () => {
      const forum = mockForum({ fixtures: manyThreads(3) });
      forum.store.createThread({ role: 'member', memberId: MEMBERS.nadia }, { categoryId: 4, title: 'Ma question à moi', body: 'Aidez-moi.' });
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="4"></entraide-thread-list>`, { locale: 'en', as: { forum, memberId: MEMBERS.nadia } });
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
      mockForum();
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'en' });
      await waitForDeep(list, '[part="item"]');
      expect(queryAllDeep(list, '[part="filter"]').map((b) => b.textContent.trim())).to.deep.equal(['All', 'Unanswered', 'Solved']);
    });

    it('has no axe-core violation', async () => {
      const forum = mockForum();
      const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id="3"></entraide-thread-list>`, { locale: 'fr', as: { forum, memberId: MEMBERS.nadia } });
      await waitForDeep(list, 'a[part="new-thread"]');

      await expectAccessible(list);
    });
  });
});

async function waitUntilCount(list: EntraideThreadList, count: number): Promise<void> {
  await waitUntil(() => titles(list).length === count, `expected ${count} threads, saw ${titles(list).length}`, { timeout: 3000 });
}
