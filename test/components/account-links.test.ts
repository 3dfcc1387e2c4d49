import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAccountLinks } from '../../src/components/account-links/account-links.ts';
import '../../src/components/account-links/account-links.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, type MockForum as Forum, type MockMember } from './helpers.ts';

const part = (element: EntraideAccountLinks, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** What a screen reader hears after "Messages" (the visible count is hidden from it). */
const hiddenText = (element: EntraideAccountLinks) => part(element, 'inbox-link')!.querySelector('.visually-hidden')?.textContent;
const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** The asker asks; the technical advisor takes it into private with a first message. */
async function handOff(forum: Forum, title: string) {
  const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
  const categoryId = (await asker.community.get()).categories[0]!.id;
  const { thread } = await asker.threads.create({ categoryId, title, body: 'Mon compte affiche une erreur.' });
  const opened = await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.open(thread.id, { message: 'Bonjour, je regarde votre dossier.' });
  return opened;
}

describe('<entraide-account-links>', () => {
  describe('the "Messages" link', () => {
    it('counts unread conversations live: up when an advisor writes, down when the conversation is read (fr, en)', async () => {
      const forum = await mockForum();
      const asker = await forum.member(DEMO_PEOPLE.asker);
      const before = (await clientOf(asker).private.list()).items.filter((c) => c.unread).length;
      const element = await mount<EntraideAccountLinks>(html`<entraide-account-links></entraide-account-links>`, { locale: 'fr', as: asker });
      const count = () => Number(part(element, 'inbox-count')?.textContent ?? 0);
      await waitUntil(() => count() === before, 'the first count');

      const opened = await handOff(forum, 'Forfait non activé après paiement');
      await waitUntil(() => count() === before + 1, 'the new conversation never counted', { timeout: 5000 });
      expect(hiddenText(element)).to.equal(`, ${before + 1} ${before + 1 === 1 ? 'conversation non lue' : 'conversations non lues'}`);
      await expectAccessible(element);

      await clientOf(asker).private.markRead(opened.conversation.id, opened.messages[0]!.id);
      await waitUntil(() => count() === before, 'reading it never lowered the count', { timeout: 5000 });

      const english = await mount<EntraideAccountLinks>(html`<entraide-account-links></entraide-account-links>`, { locale: 'en', as: asker, width: '360px' });
      await handOff(forum, 'Roaming not working abroad');
      await waitUntil(() => part(english, 'inbox-count'), 'no count in English', { timeout: 5000 });
      expect(hiddenText(english)).to.match(/^, \d+ unread conversations?$/);
      await expectAccessible(english);
    });

    it('shows no count to a member without private conversations', async () => {
      const forum = await mockForum();
      const element = await mount<EntraideAccountLinks>(html`<entraide-account-links></entraide-account-links>`, { locale: 'fr', as: await forum.member(DEMO_PEOPLE.topHelper) });
      await waitUntil(() => part(element, 'inbox-link'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(part(element, 'inbox-count')).to.equal(null);
      expect(part(element, 'inbox-link')!.textContent.trim()).to.equal('Messages');
    });
  });
});
