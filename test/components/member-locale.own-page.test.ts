/**
 * A signed-in member's language in the forum (issue 15, item 10): the switcher saves it to their
 * preferences (their e-mails follow it), a saved preference applies at sign-in when this browser
 * has no choice of its own, and the preferences page and the switcher agree.
 *
 * In a page of its own: it loads the forum's preferences chunk through the router, and in the
 * page every element test shares, that page stayed on "Chargement de vos préférences…" for 15 s
 * (the state another test leaves behind is not found yet; alone it passes in 13 s).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import type { EntraideLanguageSwitcher } from '../../src/components/language-switcher/language-switcher.ts';
import type { EntraidePreferences } from '../../src/components/preferences/preferences.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, waitForDeep, type MockForum } from './helpers.ts';

const KEY = 'entraide:locale';

const savedLocale = async (mock: MockForum) =>
  (await pick<{ locale: string | null }>(mock, `select p.locale from members m left join member_preferences p on p.member_id = m.id where m.pseudonym = $1`, [DEMO_PEOPLE.topHelper])).locale;

/** The forum in French, signed in as the demo's top helper, once their header links are there. */
async function signedInForum(mock: MockForum): Promise<EntraideForum> {
  const member = await mock.member(DEMO_PEOPLE.topHelper);
  const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
  await forum.setToken(member.token);
  await waitForDeep(forum, 'a[part="inbox-link"]', 'never signed in');
  return forum;
}

async function switcherOf(forum: EntraideForum): Promise<EntraideLanguageSwitcher> {
  const switcher = await waitForDeep<EntraideLanguageSwitcher>(forum, '[part="language"]');
  await customElements.whenDefined('entraide-language-switcher');
  await switcher.updateComplete;
  return switcher;
}
const press = (switcher: EntraideLanguageSwitcher, locale: string) => switcher.shadowRoot!.querySelector<HTMLButtonElement>(`button[lang="${locale}"]`)!.click();

describe('a signed-in member’s language', function () {
  this.timeout(20_000); // the whole forum, signed in, with its lazy chunks
  beforeEach(() => {
    localStorage.removeItem(KEY);
    history.replaceState(null, '', `${location.pathname}#/`);
  });
  afterEach(() => localStorage.removeItem(KEY));

  it('is saved to their preferences when they choose it in the switcher', async () => {
    const mock = await mockForum();
    const forum = await signedInForum(mock);
    expect(await savedLocale(mock)).to.equal(null);
    press(await switcherOf(forum), 'en');
    await waitUntil(async () => (await savedLocale(mock)) === 'en', 'the preference was never saved', { timeout: 5000 });
    expect(forum.resolvedLocale).to.equal('en');
    expect(localStorage.getItem(KEY)).to.equal('en');
  });

  it('applies at sign-in from their preferences when this browser has no choice of its own', async () => {
    const mock = await mockForum();
    const member = await mock.member(DEMO_PEOPLE.topHelper);
    await createEntraideClient({ baseUrl: '/api', token: member.token }).preferences.update({ locale: 'en' });
    const forum = await signedInForum(mock);
    await waitUntil(() => forum.resolvedLocale === 'en', 'the saved language never applied', { timeout: 5000 });
    await waitUntil(async () => (await switcherOf(forum)).shadowRoot!.querySelector('button[lang="en"]')!.getAttribute('aria-pressed') === 'true', 'the switcher shows English');
    // Not this browser's choice: another device's change of preference still applies here next time.
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('leaves this browser’s own choice alone', async () => {
    const mock = await mockForum();
    const member = await mock.member(DEMO_PEOPLE.topHelper);
    await createEntraideClient({ baseUrl: '/api', token: member.token }).preferences.update({ locale: 'en' });
    localStorage.setItem(KEY, 'fr');
    const forum = await signedInForum(mock);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(forum.resolvedLocale).to.equal('fr');
  });

  it('agrees between the preferences page and the switcher, both ways', async () => {
    const mock = await mockForum();
    history.replaceState(null, '', `${location.pathname}#/preferences`);
    const forum = await signedInForum(mock);
    const page = await waitForDeep<EntraidePreferences>(forum, 'entraide-preferences');
    await customElements.whenDefined('entraide-preferences');
    // The page's chunk and the member's preferences load first: slow when every element test shares one page on two busy cores.
    await waitUntil(() => page.shadowRoot?.querySelector('select[name="locale"]'), 'the preferences never loaded', { timeout: 15_000 });
    const select = () => page.shadowRoot!.querySelector<HTMLSelectElement>('select[name="locale"]')!;

    select().value = 'en';
    select().dispatchEvent(new Event('change'));
    await page.updateComplete;
    page.shadowRoot!.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await waitUntil(() => forum.resolvedLocale === 'en', 'the forum never followed the preferences page', { timeout: 5000 });
    expect(localStorage.getItem(KEY)).to.equal('en');

    press(await switcherOf(forum), 'fr');
    await waitUntil(() => select().value === 'fr', `the preferences page still says ${select().value}`, { timeout: 5000 });
    await waitUntil(async () => (await savedLocale(mock)) === 'fr', 'the switcher’s choice was never saved', { timeout: 5000 });
    expect(page.shadowRoot!.querySelector<HTMLButtonElement>('[part="save"]')!.disabled, 'nothing left to save').to.equal(true);
    await expectAccessible(page);
  });
});
