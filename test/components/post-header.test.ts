import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraidePostHeader } from '../../src/components/post-header/post-header.ts';
import '../../src/components/post-header/post-header.ts';
import type { Author } from '../../src/contract/models.ts';
import { expectAccessible, mount, textOf, count } from './helpers.ts';

const member: Author = {
  id: 1,
  pseudonym: 'Pix37',
  role: 'member',
  team: null,
  rank: { level: 15, name: 'Super legend' },
  postCount: 12_419,
  joinedAt: '2026-03-15T10:00:00Z',
};

const advisor: Author = { ...member, id: 4, pseudonym: 'Léa', role: 'advisor', team: 'technical', rank: { level: 14, name: 'Legend' }, postCount: 1 };

function part(header: EntraidePostHeader, name: string): string {
  return header.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';
}

describe('<entraide-post-header>', () => {
  describe('in French', () => {
    it('shows pseudonym, status, post count and join date', async () => {
      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${member}></entraide-post-header>`, { locale: 'fr' });

      expect(part(header, 'pseudonym')).to.equal('Pix37');
      expect(header.shadowRoot!.querySelector('a[part="pseudonym"]')!.getAttribute('href'), 'the pseudonym opens the profile').to.equal('#/members/1');
      expect(textOf(header)).to.contain('Niveau 15 Super legend');
      // French groups thousands with a narrow no-break space.
      expect(part(header, 'post-count')).to.equal('12\u202f419 messages');
      expect(part(header, 'joined')).to.equal('Membre depuis mars 2026');
    });

    it('names an advisor with their team', async () => {
      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${advisor}></entraide-post-header>`, { locale: 'fr' });

      expect(part(header, 'role')).to.equal('Conseiller technique');
      expect(header.hasAttribute('advisor')).to.equal(true);
      expect(part(header, 'post-count')).to.equal('1 message');
    });

    it('has no axe-core violation', async () => {
      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${advisor} posted-at="2026-11-24T08:00:00Z"></entraide-post-header>`, { locale: 'fr' });

      await expectAccessible(header);
    });
  });

  describe('in English', () => {
    it('shows pseudonym, status, post count and join date', async () => {
      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${member}></entraide-post-header>`, { locale: 'en' });

      expect(part(header, 'pseudonym')).to.equal('Pix37');
      expect(textOf(header)).to.contain('Level 15 Super legend');
      expect(part(header, 'post-count')).to.equal('12,419 posts');
      expect(part(header, 'joined')).to.equal('Member since March 2026');
    });

    it('shows no role badge for a member', async () => {
      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${member}></entraide-post-header>`, { locale: 'en' });

      expect(count(header, '[part~="role"]')).to.equal(0);
      expect(header.hasAttribute('advisor')).to.equal(false);
    });

    it('gives the posted time relative, with the absolute date in <time>', async () => {
      const postedAt = new Date(Date.now() - 5 * 60_000).toISOString();

      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${advisor} .postedAt=${postedAt}></entraide-post-header>`, { locale: 'en' });

      const time = header.shadowRoot!.querySelector('time')!;
      expect(time.textContent).to.equal('5 minutes ago');
      expect(time.dateTime).to.equal(postedAt);
      expect(time.title).to.match(/\d{4}/);
      expect(part(header, 'role')).to.equal('Technical advisor');
    });

    it('follows the page language when no forum provides one', async () => {
      document.documentElement.lang = 'en';
      try {
        const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${member}></entraide-post-header>`);
        expect(part(header, 'post-count')).to.equal('12,419 posts');

        document.documentElement.lang = 'fr';

        await waitUntil(() => part(header, 'post-count') === '12\u202f419 messages', `still ${part(header, 'post-count')}`, { timeout: 3000 });
      } finally {
        document.documentElement.removeAttribute('lang');
      }
    });

    it('renders markup in a pseudonym as text', async () => {
      const hostile = { ...member, pseudonym: '<img src=x onerror="window.__xssPseudonym=1">' };

      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${hostile}></entraide-post-header>`, { locale: 'en' });

      expect(count(header, 'img')).to.equal(0);
      expect(part(header, 'pseudonym')).to.equal(hostile.pseudonym);
      expect((window as unknown as { __xssPseudonym?: number }).__xssPseudonym).to.equal(undefined);
    });

    it('has no axe-core violation', async () => {
      const header = await mount<EntraidePostHeader>(html`<entraide-post-header .author=${member} posted-at="2026-11-24T08:00:00Z"></entraide-post-header>`, { locale: 'en' });

      await expectAccessible(header);
    });
  });
});
