import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import type { EntraideSearch } from '../../src/components/search/search.ts';
import { expectAccessible, mockForum, mount, waitForDeep, waitForText } from './helpers.ts';

/** The search element of the forum's current view, once its chunk is defined. */
async function searchView(forum: EntraideForum): Promise<EntraideSearch> {
  await waitUntil(() => forum.shadowRoot!.querySelector('.view > entraide-search'), 'search view');
  await customElements.whenDefined('entraide-search');
  const search = forum.shadowRoot!.querySelector<EntraideSearch>('.view > entraide-search')!;
  await search.updateComplete;
  return search;
}

function field(search: EntraideSearch): HTMLInputElement {
  return search.shadowRoot!.querySelector('input')!;
}

describe('<entraide-forum> search in the URL', () => {
  const start = `${location.pathname}${location.search}`;
  afterEach(() => history.replaceState(null, '', start));

  it('puts an Enter search in the hash as ?q=, and Back returns to the view before', async () => {
    await mockForum();
    location.hash = '#/search';
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
    const search = await searchView(forum);
    search.debounce = 60_000;

    field(search).focus();
    await sendKeys({ type: 'voicemail' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => location.hash === '#/search?q=voicemail', `hash is ${location.hash}`);
    await waitForDeep(search, '[part="thread"]');
    expect(search.shadowRoot!.activeElement, 'the field keeps focus').to.equal(field(search));
    const back = oneEvent(window, 'hashchange');
    history.back();
    await back;
    await forum.updateComplete;
    expect(search.query).to.equal('');
  });

  it('shows the results of a search URL on load, old /search/<q> links included', async () => {
    await mockForum();
    for (const hash of ['#/search?q=voicemail', '#/search/voicemail']) {
      location.hash = hash;
      const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
      const search = await searchView(forum);
      expect(search.query, hash).to.equal('voicemail');
      await waitForDeep(search, '[part="thread"]');
      forum.parentElement!.remove();
    }
  });

  it('offers the community\'s word for a typo, and takes it in place ("forfiat" → "forfait")', async () => {
    await mockForum();
    location.hash = '#/search?q=forfiat';
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
    const search = await searchView(forum);

    const suggestion = await waitForDeep<HTMLAnchorElement>(search, '[part="suggestion"]');
    await waitForText(search.shadowRoot!.querySelector('[part="did-you-mean"]')!, 'Vouliez-vous dire « forfait » ?');
    expect(suggestion.getAttribute('href')).to.equal('#/search?q=forfait');
    await expectAccessible(search);
    suggestion.click();

    await waitUntil(() => location.hash === '#/search?q=forfait', `hash is ${location.hash}`);
    await waitForDeep(search, '[part="thread"]');
    expect(field(search).value).to.equal('forfait');
  });

  it('keeps the words under base-path as …/search?q=, and reads them back on load', async () => {
    await mockForum();
    history.pushState(null, '', '/help/forum/search?q=voicemail');
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="en" base-path="/help/forum"></entraide-forum>`);
    const search = await searchView(forum);
    expect(search.query).to.equal('voicemail');
    search.debounce = 60_000;

    field(search).focus();
    field(search).select();
    await sendKeys({ type: 'roaming' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => location.pathname + location.search === '/help/forum/search?q=roaming', `at ${location.pathname}${location.search}`);
    const back = oneEvent(window, 'popstate');
    history.back();
    await back;
    await forum.updateComplete;
    expect(search.query).to.equal('voicemail');
  });
});
