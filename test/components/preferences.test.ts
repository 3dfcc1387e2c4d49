/** <entraide-preferences>: a member's own following, e-mail and language choices, on the demo community (mocks over the domain). */
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EntraidePreferences } from '../../src/components/preferences/preferences.ts';
import '../../src/components/preferences/preferences.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, worker, type MockForum } from './helpers.ts';

const part = <E extends Element = HTMLElement>(el: EntraidePreferences, selector: string) => el.shadowRoot!.querySelector<E>(selector);

describe('<entraide-preferences>', () => {
  let forum: MockForum;
  beforeEach(async () => {
    forum = await mockForum();
  });
  // Saving a language here keeps it in this browser (the switcher's key): no other test may inherit it.
  afterEach(() => localStorage.removeItem('entraide:locale'));

  it('asks a guest to sign in, and is accessible', async () => {
    const el = await mount<EntraidePreferences>(html`<entraide-preferences></entraide-preferences>`, { locale: 'en' });
    expect(part(el, '[part="refused"]')?.textContent).to.contain('Sign in');
    await expectAccessible(el);
  });

  for (const [locale, width] of [['fr', undefined], ['en', '360px']] as const) {
    it(`loads, saves only what changed and says so (${locale}${width ? `, ${width}` : ''}), accessible`, async () => {
      const member = await forum.member(DEMO_PEOPLE.topHelper);
      const el = await mount<EntraidePreferences>(html`<entraide-preferences></entraide-preferences>`, { locale, as: member, width });
      await waitUntil(() => part(el, 'form'), 'the preferences never loaded', { timeout: 5000 });
      await expectAccessible(el);
      const save = part<HTMLButtonElement>(el, '[part="save"]')!;
      expect(save.disabled, 'nothing changed yet').to.equal(true);
      expect(part(el, '[part="no-address"]'), 'the demo member has no address').to.not.equal(null);

      part<HTMLInputElement>(el, 'input[name="email-mode"][value="daily"]')!.click();
      part<HTMLInputElement>(el, 'input[name="muted"][value="kudos"]')!.click();
      const select = part<HTMLSelectElement>(el, 'select[name="locale"]')!;
      select.value = 'en';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      part<HTMLButtonElement>(el, '[part="save"]')!.click();
      await waitUntil(() => part(el, '[part="status"]')?.textContent?.trim(), 'never saved', { timeout: 5000 });
      expect(part(el, '[part="status"]')!.textContent).to.contain(locale === 'fr' ? 'Préférences enregistrées' : 'Preferences saved');
      const row = await pick<{ email_mode: string; email_muted_kinds: string[]; locale: string; follow_on_reply: boolean }>(
        forum, `select email_mode, email_muted_kinds, locale, follow_on_reply from member_preferences p join members m on m.id = p.member_id where m.pseudonym = $1`, [DEMO_PEOPLE.topHelper]);
      expect(row).to.deep.equal({ email_mode: 'daily', email_muted_kinds: ['kudos'], locale: 'en', follow_on_reply: true });
      expect(part<HTMLButtonElement>(el, '[part="save"]')!.disabled, 'saved: nothing left to save').to.equal(true);
      if (width) expect(el.scrollWidth).to.be.at.most(360);
      await expectAccessible(el);
    });
  }

  it('keeps its status line in the page’s language when the page’s language changes', async () => {
    const member = await forum.member(DEMO_PEOPLE.asker);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'en';
    try {
      const el = await mount<EntraidePreferences>(html`<entraide-preferences></entraide-preferences>`, { as: member });
      await waitUntil(() => part(el, 'form'), 'the preferences never loaded', { timeout: 5000 });
      part<HTMLInputElement>(el, 'input[name="follow-on-reply"]')!.click();
      await el.updateComplete;
      part<HTMLButtonElement>(el, '[part="save"]')!.click();
      await waitUntil(() => part(el, '[part="status"]')?.textContent?.trim(), 'never saved', { timeout: 5000 });
      expect(part(el, '[part="status"]')!.textContent).to.equal('Preferences saved.');
      document.documentElement.lang = 'fr';
      await waitUntil(() => part(el, 'h2')?.textContent !== 'Preferences' && part(el, '[part="status"]')?.textContent === 'Préférences enregistrées.',
        `the status stayed in English: ${part(el, '[part="status"]')?.textContent}`, { timeout: 3000 });

      worker.use(http.patch('/api/me/preferences', () => HttpResponse.json({ error: { code: 'rate_limited', message: 'Too many requests.' } }, { status: 429 })));
      part<HTMLInputElement>(el, 'input[name="follow-on-reply"]')!.click();
      await el.updateComplete;
      part<HTMLButtonElement>(el, '[part="save"]')!.click();
      await waitUntil(() => part(el, '[part="status"]')?.textContent?.startsWith('Non enregistré'), 'the refusal never showed', { timeout: 5000 });
      document.documentElement.lang = 'en';
      await waitUntil(() => part(el, '[part="status"]')?.textContent === 'Not saved: Too many requests.',
        `the refusal stayed in French: ${part(el, '[part="status"]')?.textContent}`, { timeout: 3000 });
      expect(part(el, '[part="status"]')!.classList.contains('failed')).to.equal(true);
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('shows the server’s refusal and keeps the choice; shows a retry when loading fails', async () => {
    const member = await forum.member(DEMO_PEOPLE.asker);
    const el = await mount<EntraidePreferences>(html`<entraide-preferences></entraide-preferences>`, { locale: 'en', as: member });
    await waitUntil(() => part(el, 'form'), 'the preferences never loaded', { timeout: 5000 });
    worker.use(http.patch('/api/me/preferences', () => HttpResponse.json({ error: { code: 'rate_limited', message: 'Too many requests.' } }, { status: 429 })));
    part<HTMLInputElement>(el, 'input[name="follow-on-reply"]')!.click();
    await el.updateComplete;
    part<HTMLButtonElement>(el, '[part="save"]')!.click();
    await waitUntil(() => part(el, '[part="status"]')?.textContent?.includes('Not saved'), 'the refusal never showed', { timeout: 5000 });
    expect(part(el, '[part="status"]')!.classList.contains('failed')).to.equal(true);
    expect(part<HTMLInputElement>(el, 'input[name="follow-on-reply"]')!.checked, 'the choice is kept').to.equal(false);

    worker.use(http.get('/api/me/preferences', () => HttpResponse.json({ error: { code: 'unavailable', message: 'Down.' } }, { status: 503 })));
    const failing = await mount<EntraidePreferences>(html`<entraide-preferences></entraide-preferences>`, { locale: 'fr', as: member });
    await waitUntil(() => part(failing, '[part="error"]'), 'no error state', { timeout: 5000 });
    expect(part(failing, '[part="retry"]')?.textContent).to.contain('Réessayer');
    await expectAccessible(failing);
  });
});
