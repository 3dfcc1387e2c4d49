import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { threadPath } from '../../src/core/index.ts';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import { EntraideAskRequestedEvent } from '../../src/components/events/ask-requested.ts';
import { clearDraft, draftKey, loadDraft } from '../../src/components/internal/drafts.ts';
import { parseRoute, routePath } from '../../src/components/internal/router.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, queryDeep, textOf, waitForDeep, waitForText, count, describeNode, type MockForum } from './helpers.ts';

/** The community's name, one for every language (the server keeps a single name). */
async function communityName(forum: MockForum): Promise<string> {
  return (await pick<{ name: string }>(forum, 'select name from communities order by id limit 1')).name;
}

/** The demo's "Technical help" category, with its label in each language. */
function technicalHelp(forum: MockForum): Promise<{ id: number; en: string; fr: string }> {
  return pick(forum, `select id, name->>'en' as en, name->>'fr' as fr from categories where slug = 'assistance-technique'`);
}

/** The thread of a category that its list shows first (latest activity). */
function latestThreadOf(forum: MockForum, categoryId: number): Promise<{ id: number; title: string }> {
  return pick(forum, 'select id, title from threads where category_id = $1 and merged_into_id is null order by last_post_at desc, id desc limit 1', [categoryId]);
}

/** The element shown for the current route, inside the forum's view box. */
function view(forum: EntraideForum): Element | null {
  return forum.shadowRoot!.querySelector('.view')!.firstElementChild;
}

async function go(hash: string): Promise<void> {
  const changed = oneEvent(window, 'hashchange');
  location.hash = hash;
  await changed;
}

describe('<entraide-forum>', () => {
  beforeEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  describe('routing', () => {
    it('parses and writes every route', () => {
      for (const path of ['/', '/categories/3', '/categories/3/new', '/c/reseau-5g', '/t/12', '/t/12#post-40', '/t/12?page=3', '/search', '/search?q=forfait%20%C3%A9t%C3%A9', '/members/7', '/faq/activer-ma-carte-sim']) expect(routePath(parseRoute(path))).to.equal(path);
      expect(parseRoute('/threads/12#post-40'), 'older links still open').to.deep.equal({ name: 'thread', threadId: 12, postId: 40 });
      expect(parseRoute('/t/12-mon-forfait?page=2#post-40')).to.deep.equal({ name: 'thread', threadId: 12, page: 2, postId: 40 });
      expect(parseRoute('/c/reseau-5g?cursor=abc')).to.deep.equal({ name: 'category', categoryId: 0, slug: 'reseau-5g', cursor: 'abc' });
      expect(routePath({ name: 'category', categoryId: 4, slug: 'reseau-5g', cursor: 'WyJhY3Rpdml0eSJd' })).to.equal('/c/reseau-5g?cursor=WyJhY3Rpdml0eSJd');
      expect(routePath(parseRoute('/c/reseau-5g?cursor=WyJhY3Rpdml0eSJd')), 'a later page keeps its address').to.equal('/c/reseau-5g?cursor=WyJhY3Rpdml0eSJd');
      expect(parseRoute('/c/reseau-5g?cursor=%3Cb%3E'), 'a cursor no list gives: the first page').to.deep.equal({ name: 'category', categoryId: 0, slug: 'reseau-5g', cursor: undefined });
      expect(routePath({ name: 'thread', threadId: 12, title: 'Réseau & 5G ?' })).to.equal('/t/12-reseau-5g');
      expect(parseRoute('/search/forfait%20%C3%A9t%C3%A9')).to.deep.equal({ name: 'search', query: 'forfait été' });
      expect(parseRoute('/search?q=forfait+%C3%A9t%C3%A9')).to.deep.equal({ name: 'search', query: 'forfait été' });
      expect(parseRoute('/search/%E0%A4%A')).to.deep.equal({ name: 'not-found', path: '/search/%E0%A4%A' });
      expect(parseRoute('/threads/abc')).to.deep.equal({ name: 'not-found', path: '/threads/abc' });
    });

    it('shows the categories, a category, a thread, and follows back/forward', async () => {
      const mock = await mockForum();
      const category = await technicalHelp(mock);
      const thread = await latestThreadOf(mock, category.id);
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      await waitForText(forum, await communityName(mock));
      expect(view(forum)!.localName).to.equal('entraide-category-list');

      await go(`#/categories/${category.id}`);
      await forum.updateComplete;
      expect(view(forum)!.localName).to.equal('entraide-thread-list');
      expect(view(forum)!.getAttribute('category-id')).to.equal(String(category.id));

      await go(`#/threads/${thread.id}`);
      await forum.updateComplete;
      expect(view(forum)!.localName).to.equal('entraide-thread');

      const back = oneEvent(window, 'hashchange');
      history.back();
      await back;
      await forum.updateComplete;
      expect(view(forum)!.localName).to.equal('entraide-thread-list');
    });

    it('reads the route from the URL on load, as after a reload, without taking focus', async () => {
      const mock = await mockForum();
      const thread = await latestThreadOf(mock, (await technicalHelp(mock)).id);
      location.hash = `#/threads/${thread.id}`;
      const navigations: string[] = [];
      document.addEventListener('entraide-navigate', (event) => navigations.push(event.detail.href), { once: true });

      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      // The thread's posts are where focus would go: once they show, it would have moved.
      await waitUntil(() => view(forum)?.localName === 'entraide-thread', 'the thread view never showed', { timeout: 3000 });
      await waitForDeep(view(forum)!, 'entraide-post');

      expect(view(forum)!.localName).to.equal('entraide-thread');
      expect(view(forum)!.getAttribute('thread-id')).to.equal(String(thread.id));
      expect(navigations).to.deep.equal([`#/t/${thread.id}`]);
      expect(describeNode(forum.shadowRoot!.activeElement)).to.equal('null');
    });

    it('moves focus to the new view’s heading and fires entraide-navigate', async () => {
      await mockForum();
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);

      const navigated = oneEvent(forum, 'entraide-navigate');
      location.hash = '#/categories/9/unknown';
      const event = await navigated;
      await waitUntil(() => forum.shadowRoot!.activeElement?.localName === 'h2', 'focus did not move', { timeout: 3000 });

      expect(event.detail.route.name).to.equal('not-found');
      expect(forum.shadowRoot!.activeElement!.textContent).to.equal('Page not found');
    });

    it('opens a profile and an FAQ page on clean paths under base-path, their links staying under it', async () => {
      const mock = await mockForum();
      const article = await pick<{ slug: string }>(mock, `select a.slug from faq_articles a where exists (select 1 from post_faq_links l join posts p on p.id = l.post_id join threads t on t.id = p.thread_id where l.article_id = a.id and t.status = 'solved' and not p.hidden) order by a.slug limit 1`);
      const member = await mock.member(DEMO_PEOPLE.topHelper);
      const start = `${location.pathname}${location.search}`;
      history.pushState(null, '', `/help/forum/faq/${article.slug}`);
      try {
        const forum = await mount<EntraideForum>(html`<entraide-forum locale="en" base-path="/help/forum"></entraide-forum>`);
        await waitUntil(() => view(forum)?.localName === 'entraide-faq-article', 'FAQ page');
        await waitUntil(() => queryDeep(forum, 'a[href^="/help/forum/t/"]'), 'related thread links under the base path', { timeout: 10_000 });

        history.pushState(null, '', `/help/forum/members/${member.id}`);
        dispatchEvent(new PopStateEvent('popstate'));
        await waitUntil(() => view(forum)?.localName === 'entraide-profile', 'profile page');
        await waitUntil(() => queryDeep(forum, 'a[href^="/help/forum/t/"]'), 'answer links under the base path', { timeout: 10_000 });
        await waitForText(view(forum)!, `${DEMO_PEOPLE.topHelper}’s profile`);
      } finally {
        history.replaceState(null, '', start);
      }
    });

    it('sends the FAQ links of a confirmation to the forum’s FAQ page, or to faq-href-template’s address', async () => {
      const mock = await mockForum();
      const { threadId, slug } = await pick<{ threadId: number; slug: string }>(mock, `select p.thread_id as "threadId", a.slug from post_faq_links l join posts p on p.id = l.post_id join faq_articles a on a.id = l.article_id where not p.hidden order by p.id limit 1`);
      location.hash = `#/threads/${threadId}`;
      const plain = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      await waitUntil(() => queryDeep(plain, `[part="faq-link"][href="#/faq/${slug}"]`), 'the forum’s FAQ page', { timeout: 10_000 });
      const branded = await mount<EntraideForum>(html`<entraide-forum locale="en" faq-href-template="/aide/{slug}"></entraide-forum>`);
      await waitUntil(() => queryDeep(branded, `[part="faq-link"][href="/aide/${slug}"]`), 'the brand’s FAQ page', { timeout: 10_000 });
      location.hash = '#/';
    });

    it('routes clean paths under base-path with the History API', async () => {
      const mock = await mockForum();
      const category = await technicalHelp(mock);
      const thread = await latestThreadOf(mock, category.id);
      const start = `${location.pathname}${location.search}`;
      history.pushState(null, '', `/help/forum/categories/${category.id}`);
      try {
        const forum = await mount<EntraideForum>(html`<entraide-forum locale="en" base-path="/help/forum"></entraide-forum>`);
        expect(view(forum)!.localName).to.equal('entraide-thread-list');
        const link = await waitForDeep<HTMLAnchorElement>(forum, `a.title[href="/help/forum${threadPath(thread.id, thread.title)}"]`);

        link.click();
        await forum.updateComplete;

        expect(location.pathname).to.equal(`/help/forum${threadPath(thread.id, thread.title)}`);
        expect(view(forum)!.localName).to.equal('entraide-thread');
        const back = oneEvent(window, 'popstate');
        history.back();
        await back;
        await forum.updateComplete;
        expect(view(forum)!.localName).to.equal('entraide-thread-list');
      } finally {
        history.replaceState(null, '', start);
      }
    });

    it('opens search from the header, and "ask a question" from an empty search prefills the title', async () => {
      const { id: categoryId } = await technicalHelp(await mockForum());
      location.hash = '#/';
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      await forum.setToken(undefined);
      forum.shadowRoot!.querySelector<HTMLAnchorElement>('[part="search-link"]')!.click();
      await waitUntil(() => view(forum)?.localName === 'entraide-search', 'search view');
      expect(location.hash).to.equal('#/search');

      location.hash = '#/search/zzqx%20introuvable';
      await waitUntil(() => view(forum)?.getAttribute('query') === 'zzqx introuvable', 'query from the URL');
      await customElements.whenDefined('entraide-search');
      view(forum)!.dispatchEvent(new EntraideAskRequestedEvent({ query: 'zzqx introuvable', categoryId }));

      await waitUntil(() => location.hash === `#/categories/${categoryId}/new`, `still at ${location.hash}`);
      expect(loadDraft(draftKey('thread', categoryId))?.title).to.equal('zzqx introuvable');
      clearDraft(draftKey('thread', categoryId));
    });

    it('opens the new thread after a question is posted', async () => {
      const mock = await mockForum();
      const { id: categoryId } = await technicalHelp(mock);
      location.hash = `#/categories/${categoryId}/new`;
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      await forum.setToken((await mock.member(DEMO_PEOPLE.asker)).token);
      const composer = await waitForDeep(forum, 'entraide-composer');
      await customElements.whenDefined('entraide-composer'); // a lazy chunk
      await (composer as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      for (const [name, value] of [['title', 'Bluetooth drops every hour'], ['body', 'Since Monday.']] as const) {
        const control = composer.shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;
        control.value = value;
        control.dispatchEvent(new InputEvent('input'));
      }

      composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => /^#\/t\/\d+-/.test(location.hash), `still at ${location.hash}`, { timeout: 3000 });

      const created = await pick<{ id: number }>(mock, 'select id from threads where title = $1', ['Bluetooth drops every hour']);
      expect(location.hash).to.equal(`#/t/${created.id}-bluetooth-drops-every-hour`);
      await waitForText(forum, 'Bluetooth drops every hour');
    });
  });

  describe('when signed out', () => {
    it('shows a Sign in button that fires a cancelable entraide-sign-in-requested', async () => {
      await mockForum();
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
      const button = forum.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in"]')!;
      expect(button.textContent).to.equal('Se connecter');
      forum.addEventListener('entraide-sign-in-requested', (event) => event.preventDefault(), { once: true });

      setTimeout(() => button.click());
      const event = await oneEvent(forum, 'entraide-sign-in-requested');

      expect(event.cancelable).to.equal(true);
      expect(event.defaultPrevented).to.equal(true);
      expect(event.detail.reason).to.equal('header');
      await forum.updateComplete;
      expect(textOf(forum)).not.to.contain('La connexion n’est pas disponible');
    });

    it('says sign-in is unavailable when the page does not handle it', async () => {
      await mockForum();
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);

      forum.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in"]')!.click();

      await waitForText(forum, 'Sign-in is not available on this page.');
    });

    it('takes its language from the page when it has no locale', async () => {
      const category = await technicalHelp(await mockForum());
      document.documentElement.lang = 'en-GB';
      try {
        const forum = await mount<EntraideForum>(html`<entraide-forum></entraide-forum>`);

        expect(forum.resolvedLocale).to.equal('en');
        // The community has one name: its categories, asked for in the page's language, say which.
        await waitForText(forum, category.en);
        expect(textOf(forum)).not.to.contain(category.fr);
      } finally {
        document.documentElement.removeAttribute('lang');
      }
    });

    it('defaults to French', async () => {
      const category = await technicalHelp(await mockForum());

      const forum = await mount<EntraideForum>(html`<entraide-forum></entraide-forum>`);

      expect(forum.resolvedLocale).to.equal('fr');
      await waitForText(forum, category.fr);
      expect(textOf(forum)).not.to.contain(category.en);
    });

    it('has no axe-core violation, in light and dark', async () => {
      await mockForum();
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      await waitForDeep(forum, '[part="item"]');

      await expectAccessible(forum);
      forum.theme = 'dark';
      await forum.updateComplete;
      expect(getComputedStyle(forum).colorScheme).to.equal('dark');
      await expectAccessible(forum);
    });
  });

  describe('when signed in', () => {
    it('shows the member with their status after setToken()', async () => {
      const mock = await mockForum();
      const topHelper = await mock.member(DEMO_PEOPLE.topHelper);
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);

      await forum.setToken(topHelper.token);
      await forum.updateComplete;

      const member = forum.shadowRoot!.querySelector('[part="member"]')!;
      expect(textOf(member)).to.contain(`Signed in as ${topHelper.pseudonym}`);
      expect(member.querySelector('entraide-rank-badge')!.level).to.equal(15);
      expect(count(forum, '[part="sign-in"]')).to.equal(0);
    });

    it('gives the session to the elements inside', async () => {
      const mock = await mockForum();
      location.hash = `#/categories/${(await technicalHelp(mock)).id}`;
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);

      await forum.setToken((await mock.member(DEMO_PEOPLE.asker)).token);

      await waitForDeep(forum, 'a[part="new-thread"]');
    });

    it('signs out when the API rejects the token (401)', async () => {
      await mockForum();
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);

      await forum.setToken('expired');
      await forum.updateComplete;

      expect(forum.session.member).to.equal(null);
      expect(count(forum, '[part="sign-in"]')).to.equal(1);
    });

    it('fits a 360 px wide screen and has no axe-core violation, advisor tools included', async function () {
      this.timeout(30_000); // axe walks the thread, the staff tools and the advisor composer
      const mock = await mockForum();
      location.hash = `#/threads/${(await latestThreadOf(mock, (await technicalHelp(mock)).id)).id}`;
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`, { width: '360px' });
      await forum.setToken((await mock.member(DEMO_PEOPLE.technicalAdvisor)).token);
      // An advisor: the advisor composer and the staff tools, each a lazy chunk.
      const composer = await waitForDeep(forum, 'entraide-advisor-composer');
      await customElements.whenDefined('entraide-advisor-composer');
      await customElements.whenDefined('entraide-advisor-tools');
      await waitUntil(() => composer.shadowRoot?.querySelector('textarea'), 'advisor composer rendered');

      expect(forum.scrollWidth).to.be.at.most(360);
      await expectAccessible(forum);
    });
  });
});
