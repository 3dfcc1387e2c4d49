import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import type { EntraideLanguageSwitcher } from '../../src/components/language-switcher/language-switcher.ts';
import { expectAccessible, mockForum, mount, pick, queryDeep, waitForDeep, waitForText } from './helpers.ts';

const KEY = 'entraide:locale';

async function switcherOf(forum: EntraideForum): Promise<EntraideLanguageSwitcher> {
  const switcher = await waitForDeep<EntraideLanguageSwitcher>(forum, '[part="language"]');
  await customElements.whenDefined('entraide-language-switcher');
  await switcher.updateComplete;
  return switcher;
}

function option(switcher: EntraideLanguageSwitcher, locale: string): HTMLButtonElement {
  return switcher.shadowRoot!.querySelector<HTMLButtonElement>(`button[lang="${locale}"]`)!;
}

describe('<entraide-language-switcher> in the forum header', () => {
  beforeEach(() => {
    localStorage.removeItem(KEY);
    history.replaceState(null, '', `${location.pathname}#/`);
  });
  afterEach(() => localStorage.removeItem(KEY));

  it('switches every string, the categories and the ranks at once, and remembers the choice', async () => {
    const mock = await mockForum();
    const category = await pick<{ fr: string; en: string }>(mock, `select name->>'fr' as fr, name->>'en' as en from categories where slug = 'assistance-technique'`);
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
    await waitForText(forum, category.fr);
    const switcher = await switcherOf(forum);
    expect(option(switcher, 'fr').getAttribute('aria-pressed')).to.equal('true');
    expect(switcher.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Langue');
    await expectAccessible(switcher);

    option(switcher, 'en').click();

    await waitForText(forum, category.en);
    expect(forum.resolvedLocale).to.equal('en');
    expect(forum.shadowRoot!.querySelector('[part="search-link"]')!.textContent).to.equal('Search');
    expect(forum.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    expect(localStorage.getItem(KEY)).to.equal('en');
    await waitUntil(() => option(switcher, 'en').getAttribute('aria-pressed') === 'true', 'the English button shows pressed');
    expect(switcher.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Language');

    // A reload: a new forum reads the choice back.
    forum.parentElement!.remove();
    const again = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
    await waitForText(again, category.en);
    expect(again.resolvedLocale).to.equal('en');
  });

  it('works from the keyboard', async () => {
    await mockForum();
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
    const switcher = await switcherOf(forum);
    option(switcher, 'fr').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => forum.resolvedLocale === 'fr', 'Enter on "FR" switches to French');
    expect(localStorage.getItem(KEY)).to.equal('fr');
  });

  it('shows rank names in the reader\'s language', async () => {
    const mock = await mockForum();
    const thread = await pick<{ id: number }>(mock, `select t.id from threads t where t.locale = 'fr' and t.merged_into_id is null order by t.id limit 1`);
    location.hash = `#/threads/${thread.id}`;
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
    await waitUntil(() => forum.shadowRoot!.querySelector('entraide-thread'), 'thread view');
    // The thread may render its posts again in the new language: read the badge afresh each time.
    const rank = () => queryDeep(forum, 'entraide-post')?.shadowRoot?.querySelector('[part="rank-name"]')?.textContent ?? '';
    await waitUntil(() => /Voltien/.test(rank()), 'a French rank name');
    (await switcherOf(forum)).shadowRoot!.querySelector<HTMLButtonElement>('button[lang="en"]')!.click();
    await waitUntil(() => /Voltian/.test(rank()), `rank still "${rank()}"`);
  });
});
