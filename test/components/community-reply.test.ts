import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideCommunityReply } from '../../src/components/community-reply/community-reply.ts';
import '../../src/components/community-reply/community-reply.ts';
import '../../src/components/post/post.ts';
import type { Author, Post } from '../../src/contract/models.ts';
import { expectAccessible, mount, watchMarkupParsing } from './helpers.ts';

const pix: Author = { id: 1, pseudonym: 'Pix37', role: 'member', team: null, rank: { level: 15, name: 'Super Mercurien' }, postCount: 12_420, joinedAt: '2019-03-12T09:00:00Z' };

function answer(overrides: Partial<Post> = {}): Post {
  return {
    id: 2, threadId: 1, kind: 'reply', author: pix, createdAt: '2026-11-22T08:09:00Z', editedAt: null, kudosCount: 6,
    bodyHtml: '<p>Allez dans <strong>Réglages &gt; Réseau mobile</strong> et réinitialisez les paramètres réseau.</p>',
    ...overrides,
  };
}

const part = (element: EntraideCommunityReply, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

describe('<entraide-community-reply>', () => {
  describe('with the cited answer known', () => {
    it('shows the author, the sanitized body, its state and the credit line', async () => {
      const element = await mount<EntraideCommunityReply>(
        html`<entraide-community-reply .post=${answer()} accepted confirmed-by="Léa"></entraide-community-reply>`,
        { locale: 'en' },
      );

      expect(part(element, 'header')!.localName).to.equal('entraide-post-header');
      expect(part(element, 'body')!.querySelector('strong')!.textContent).to.equal('Réglages > Réseau mobile');
      expect(part(element, 'state')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('✓ Accepted solution Confirmed by Léa');
      expect(part(element, 'credit')!.textContent).to.contain('Answer by @Pix37');
      expect(part(element, 'link')!.getAttribute('href')).to.equal('#/t/1#post-2');
      await expectAccessible(element);
    });

    it('speaks French', async () => {
      const element = await mount<EntraideCommunityReply>(html`<entraide-community-reply .post=${answer()} confirmed-by="Léa"></entraide-community-reply>`, { locale: 'fr' });

      expect(part(element, 'state')!.textContent.trim()).to.equal('Confirmée par Léa');
      expect(part(element, 'credit')!.textContent).to.contain('Réponse de @Pix37');
      expect(part(element, 'link')!.textContent).to.equal('Voir cette réponse dans la discussion');
    });
  });

  describe('with only the citation', () => {
    it('shows the author and the link, and fetches nothing', async () => {
      const element = await mount<EntraideCommunityReply>(
        html`<entraide-community-reply .author=${{ id: 1, pseudonym: 'Pix37' }} post-id="2" thread-id="1"></entraide-community-reply>`,
        { locale: 'en' },
      );

      expect(part(element, 'header') === null).to.equal(true);
      expect(part(element, 'body') === null).to.equal(true);
      expect(part(element, 'state') === null).to.equal(true);
      expect(part(element, 'link')!.getAttribute('href')).to.equal('#/t/1#post-2');
      await expectAccessible(element);
    });
  });

  describe('inside a page', () => {
    it('moves focus to the cited post from the keyboard, without changing the route', async () => {
      const host = await mount<HTMLDivElement>(html`<div>
        <entraide-post .post=${answer()}></entraide-post>
        <entraide-community-reply .post=${answer()}></entraide-community-reply>
      </div>`);
      const reply = host.querySelector('entraide-community-reply')!;
      await reply.updateComplete;
      const hashBefore = location.hash;

      part(reply, 'link')!.focus();
      await sendKeys({ press: 'Enter' });

      const target = host.querySelector('entraide-post')!;
      expect(target.shadowRoot!.activeElement?.id).to.equal('post-2');
      expect(location.hash).to.equal(hashBefore);
    });
  });

  describe('with hostile text', () => {
    it('never runs a pseudonym or a body', async () => {
      const parsed = watchMarkupParsing();
      const hostile = '<img src=x onerror="window.__pwnedReply=1">';
      const escapedBody = '<p>&lt;img src=x onerror="window.__pwnedReply=2"&gt;</p>';
      const element = await mount<EntraideCommunityReply>(
        html`<entraide-community-reply .post=${answer({ author: { ...pix, pseudonym: hostile }, bodyHtml: escapedBody })} confirmed-by=${hostile}></entraide-community-reply>`,
        { locale: 'en' },
      );

      expect(part(element, 'credit')!.textContent).to.contain(`@${hostile}`);
      expect(element.shadowRoot!.querySelectorAll('img').length).to.equal(0);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect((window as unknown as { __pwnedReply?: number }).__pwnedReply).to.equal(undefined);
    });
  });
});
