import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { threadPath } from '../../src/core/index.ts';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideSearch } from '../../src/components/search/search.ts';
import '../../src/components/search/search.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { count, DEMO_PEOPLE, describeNode, expectAccessible, mockForum, mount, pick, queryAllDeep, textOf, waitForDeep, waitForText, watchMarkupParsing, type MockForum } from './helpers.ts';

const XSS = '<img src=x onerror="window.__searchXss = true">';

/**
 * `n` questions about a pangolin (a word the demo community never uses) asked by its English
 * speaker in the network category, so that search results have pages.
 */
async function pangolins(forum: MockForum, n: number, title = (i: number) => `Pangolin on the line ${i}`): Promise<void> {
  const sam = await forum.member(DEMO_PEOPLE.englishMember);
  const client = createEntraideClient({ baseUrl: '/api', token: sam.token });
  const { id: categoryId } = await pick<{ id: number }>(forum, `select id from categories where slug = 'reseau'`);
  for (let i = 0; i < n; i += 1) await client.threads.create({ categoryId, title: title(i), body: 'No signal at all since this morning.', locale: 'en' });
}

/** The demo's English thread about voicemail: the query "voicemail" finds it by its title. */
function voicemailThread(forum: MockForum): Promise<{ id: number; title: string }> {
  return pick(forum, `select id, title from threads where locale = 'en' and merged_into_id is null and title ilike 'voicemail%' order by id limit 1`);
}

function input(search: EntraideSearch): HTMLInputElement {
  return search.shadowRoot!.querySelector('input')!;
}

function type(search: EntraideSearch, text: string): void {
  const field = input(search);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function threadTitles(search: EntraideSearch): string[] {
  return queryAllDeep(search, '[part="thread"] a.title').map((a) => a.textContent.trim());
}

/** What has focus, looking through the search's shadow root and a FAQ card's. */
function focused(search: EntraideSearch): string {
  const active = search.shadowRoot!.activeElement;
  return describeNode(active?.shadowRoot?.activeElement ?? active);
}

describe('<entraide-search>', () => {
  it('is a labelled search box, and accessible', async () => {
    await mockForum();

    const search = await mount<EntraideSearch>(html`<entraide-search></entraide-search>`, { locale: 'en' });

    expect(search.shadowRoot!.querySelector('[role="search"]')!.getAttribute('aria-label')).to.equal('Search help');
    expect(search.shadowRoot!.querySelector('label')!.textContent).to.equal('Search help');
    await expectAccessible(search);
  });

  it('searches while typing: FAQ cards, then threads with highlights, thread links and the count announced', async () => {
    const voicemail = await voicemailThread(await mockForum());
    const search = await mount<EntraideSearch>(html`<entraide-search debounce="0"></entraide-search>`, { locale: 'en' });

    type(search, 'voicemail');
    await waitForDeep(search, '[part="thread"]');

    const card = search.shadowRoot!.querySelector('entraide-faq-link')!;
    await waitForText(card, 'Voicemail');
    expect(card.shadowRoot!.querySelector('[part="link"]')!.getAttribute('href'), 'the card opens the forum’s FAQ page').to.match(/^#\/faq\/[a-z0-9-]+$/);
    const thread = await waitForDeep(search, `[part="thread"][data-thread-id="${voicemail.id}"]`);
    expect(thread.querySelector('a')!.getAttribute('href')).to.equal(`#${threadPath(voicemail.id, voicemail.title)}`);
    expect(thread.querySelector('a mark')!.textContent).to.equal('Voicemail');
    const status = search.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.match(/^\d+ results?$/);
    await expectAccessible(search);
  });

  it('does not search one typed letter, but Enter searches at once', async () => {
    await mockForum();
    const search = await mount<EntraideSearch>(html`<entraide-search debounce="60000"></entraide-search>`, { locale: 'en' });

    type(search, 'v');
    await search.updateComplete;
    expect(count(search, '[part="loading"]')).to.equal(0);

    input(search).value = '';
    await sendKeys({ type: 'voicemail' });
    await sendKeys({ press: 'Enter' });

    await waitForDeep(search, '[part="thread"]');
    expect(search.query).to.equal('voicemail');
  });

  it('marks solved threads and searches in French', async () => {
    await mockForum();
    // A solved thread among the first results for "4G", as the forum ranks them.
    const hits = await createEntraideClient({ baseUrl: '/api' }).search.forum({ q: '4G', limit: 10 });
    const solved = hits.items.map((hit) => hit.thread).find((thread) => thread.status === 'solved');
    expect(solved, 'a solved thread among the first results for 4G').to.not.equal(undefined);
    const search = await mount<EntraideSearch>(html`<entraide-search query="4G" page-size="10"></entraide-search>`, { locale: 'fr' });

    const thread = await waitForDeep(search, `[part="thread"][data-thread-id="${solved!.id}"]`);

    expect(thread.querySelector('[part="status"]')!.textContent).to.equal('Résolu');
    expect(textOf(search)).to.contain('Discussions du forum');
    expect(search.shadowRoot!.querySelector('label')!.textContent).to.equal('Rechercher dans l’aide');
  });

  it('clears the field and the results with Escape', async () => {
    await mockForum();
    const search = await mount<EntraideSearch>(html`<entraide-search query="voicemail"></entraide-search>`, { locale: 'en' });
    await waitForDeep(search, '[part="thread"]');

    input(search).focus();
    await sendKeys({ press: 'Escape' });
    await search.updateComplete;

    expect(input(search).value).to.equal('');
    expect(count(search, '[part="thread"]')).to.equal(0);
  });

  it('moves through FAQ cards and threads with the arrow keys, and back to the field with Escape', async () => {
    await mockForum();
    const search = await mount<EntraideSearch>(html`<entraide-search query="voicemail"></entraide-search>`, { locale: 'en' });
    await waitForDeep(search, '[part="thread"]');
    await waitForText(search.shadowRoot!.querySelector('entraide-faq-link')!, 'Voicemail');
    // The demo's FAQ may answer with more than one card: the arrows go through each, then to the threads.
    const cards = count(search, 'entraide-faq-link');

    input(search).focus();
    for (let card = 0; card < cards; card += 1) {
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(search), `card ${card + 1} of ${cards}`).to.equal('<a[part="link"]>');
    }
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(search)).to.equal('<a>');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(search)).to.equal('<a[part="link"]>');
    await sendKeys({ press: 'Escape' });
    expect(focused(search)).to.equal('<input#q[part="input"]>');
  });

  it('offers to ask when nothing matches, with a cancelable event', async () => {
    await mockForum();
    const search = await mount<EntraideSearch>(html`<entraide-search query="zorglub"></entraide-search>`, { locale: 'en' });
    const ask = await waitForDeep<HTMLButtonElement>(search, '[part="ask"]');

    expect(textOf(search)).to.contain('No result for “zorglub”.');
    const asked = oneEvent(search, 'entraide-ask-requested');
    ask.click();
    const event = await asked;

    expect(event.detail).to.deep.equal({ query: 'zorglub', categoryId: null });
    expect(event.cancelable).to.equal(true);
    await expectAccessible(search);
  });

  it('scopes to a category, and then the ask action links to a new question there', async () => {
    await mockForum();
    // A category where neither the FAQ nor the forum says "voicemail", while the whole forum does.
    const client = createEntraideClient({ baseUrl: '/api' });
    expect((await client.search.forum({ q: 'voicemail' })).items.length).to.be.greaterThan(0);
    let categoryId = 0;
    for (const { id } of (await client.community.get()).categories) {
      const [faq, forum] = await Promise.all([client.faq.search({ q: 'voicemail', locale: 'en', categoryId: id }), client.search.forum({ q: 'voicemail', categoryId: id })]);
      if (faq.items.length === 0 && forum.items.length === 0) {
        categoryId = id;
        break;
      }
    }
    expect(categoryId, 'a category without voicemail').to.be.greaterThan(0);
    const search = await mount<EntraideSearch>(html`<entraide-search category-id=${categoryId} query="voicemail"></entraide-search>`, { locale: 'en' });

    const ask = await waitForDeep(search, '[part="ask"]');

    expect(ask.getAttribute('href')).to.equal(`#/categories/${categoryId}/new`);
    expect(count(search, 'entraide-faq-link')).to.equal(0);
  });

  it('shows an error with a retry that recovers', async () => {
    const mock = await mockForum({ failures: { searchForum: 500 } });
    const search = await mount<EntraideSearch>(html`<entraide-search query="voicemail"></entraide-search>`, { locale: 'en' });
    const retry = await waitForDeep<HTMLButtonElement>(search, '[part="retry"]');
    delete mock.failures.searchForum;

    retry.click();

    await waitForDeep(search, '[part="thread"]');
    expect(count(search, '[part="error"]')).to.equal(0);
  });

  it('loads more results with the cursor and moves focus to the first new thread', async () => {
    await pangolins(await mockForum(), 3);
    const search = await mount<EntraideSearch>(html`<entraide-search page-size="2" query="pangolin"></entraide-search>`, { locale: 'en' });
    const more = await waitForDeep<HTMLButtonElement>(search, '[part="more"]');
    expect(threadTitles(search)).to.have.length(2);

    more.click();
    await waitUntil(() => threadTitles(search).length === 3, 'the third thread never came');

    expect(new Set(threadTitles(search)).size).to.equal(3);
    expect(search.shadowRoot!.activeElement!.textContent).to.equal(threadTitles(search)[2]);
    expect(count(search, '[part="more"]')).to.equal(0);
  });

  it('never runs markup from a searched thread title', async () => {
    const parsed = watchMarkupParsing();
    await pangolins(await mockForum(), 1, () => `Pangolin ${XSS}`);
    const search = await mount<EntraideSearch>(html`<entraide-search query="pangolin"></entraide-search>`, { locale: 'en' });

    const thread = await waitForDeep(search, '[part="thread"]');

    expect(thread.querySelector('a')!.textContent).to.contain('<img src=x');
    expect(queryAllDeep(search, 'img')).to.have.length(0);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect((window as { __searchXss?: boolean }).__searchXss).to.equal(undefined);
  });
});
