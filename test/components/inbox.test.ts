import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { EntraideInbox } from '../../src/components/inbox/inbox.ts';
import '../../src/components/inbox/inbox.ts';
import { LIMITS } from '../../src/core/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, worker, type MockForum as Forum, type MockMember } from './helpers.ts';

const part = (element: EntraideInbox, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: EntraideInbox, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** The asker asks; the technical advisor takes it into private with a first message. */
async function handOff(forum: Forum, title: string, message = 'Bonjour, pouvez-vous me confirmer votre numéro de ligne ?') {
  const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
  const categoryId = (await asker.community.get()).categories[0]!.id;
  const { thread } = await asker.threads.create({ categoryId, title, body: 'Mon compte affiche une erreur.' });
  const opened = await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.open(thread.id, { message });
  return { thread, conversation: opened.conversation };
}

/** `pollSeconds` 0 (the default here): whatever arrives without reload came by the live stream. */
async function mountAs(forum: Forum, pseudonym: string, locale: 'fr' | 'en' = 'fr', conversationId = 0, width?: string, pollSeconds = 0) {
  return mount<EntraideInbox>(html`<entraide-inbox conversation-id=${conversationId} poll-seconds=${pollSeconds}></entraide-inbox>`, { locale, as: await forum.member(pseudonym), width });
}

const unreadFor = async (forum: Forum, pseudonym: string, conversationId: number) =>
  (await clientOf(await forum.member(pseudonym)).private.list()).items.find((c) => c.id === conversationId)?.unread;

describe('<entraide-inbox>', () => {
  it('lists the asker’s own conversations only, with status, last message and an unread marker (fr)', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Prélèvement en double sur ma facture');
    const element = await mountAs(forum, DEMO_PEOPLE.asker);
    await waitUntil(() => parts(element, 'item').length > 0, 'the list never showed');

    const links = parts(element, 'link');
    expect(links[0]!.textContent).to.contain('Prélèvement en double sur ma facture');
    expect(links[0]!.getAttribute('href')).to.equal(`#/inbox/${conversation.id}`);
    expect(parts(element, 'item')[0]!.hasAttribute('data-unread')).to.equal(true);
    expect(part(element, 'unread')!.textContent).to.equal('Nouveau');
    expect(parts(element, 'item')[0]!.textContent).to.contain('En cours');
    expect(parts(element, 'item')[0]!.textContent).to.contain('Dernier message');
    expect(element.shadowRoot!.textContent).not.to.contain('Demande de');
    await expectAccessible(element);

    const someoneElse = await mountAs(forum, DEMO_PEOPLE.topHelper);
    await waitUntil(() => part(someoneElse, 'empty'), 'another member should see no conversation');
    expect(part(someoneElse, 'empty')!.textContent).to.contain('Aucune conversation privée');
    await expectAccessible(someoneElse);
  });

  it('shows advisors every conversation with its asker (en)', async () => {
    const forum = await mockForum();
    await handOff(forum, 'Billing error on my account');
    const element = await mountAs(forum, DEMO_PEOPLE.commercialAdvisor, 'en');
    await waitUntil(() => parts(element, 'item').length > 0);
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('Private messages');
    expect(parts(element, 'item')[0]!.textContent).to.contain(`Asked by ${DEMO_PEOPLE.asker}`);
    await expectAccessible(element);
  });

  it('opens a conversation, sends a reply by keyboard and sees the advisor’s answer live, without reload or poll', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Carte SIM bloquée depuis hier');
    const element = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id);
    await waitUntil(() => parts(element, 'message').length === 1, 'the conversation never showed');
    expect(part(element, 'heading')!.textContent).to.equal('Carte SIM bloquée depuis hier');
    expect(part(element, 'message-body')!.textContent).to.contain('numéro de ligne');
    await expectAccessible(element);

    const field = part(element, 'reply-body') as HTMLTextAreaElement;
    field.focus();
    await sendKeys({ type: 'Oui, le 06 12' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => parts(element, 'message').length === 2, 'the reply never showed');
    await waitUntil(() => field.value === '', 'the sent reply stayed in the field');

    await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.send(conversation.id, 'Merci, c’est corrigé.');
    await waitUntil(() => parts(element, 'message').length === 3, 'the advisor’s answer never came', { timeout: 5000 });
    expect(parts(element, 'message')[2]!.textContent).to.contain('Conseiller');
  });

  it('records the conversation read when shown (a read alone writes nothing), and the list follows live', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Facture introuvable dans mon espace');
    expect(await unreadFor(forum, DEMO_PEOPLE.asker, conversation.id)).to.equal(true);
    await clientOf(await forum.member(DEMO_PEOPLE.asker)).private.get(conversation.id);
    expect(await unreadFor(forum, DEMO_PEOPLE.asker, conversation.id)).to.equal(true, 'GET must not mark it read');

    const element = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id);
    await waitUntil(() => parts(element, 'message').length === 1, 'the conversation never showed');
    await waitUntil(async () => (await unreadFor(forum, DEMO_PEOPLE.asker, conversation.id)) === false, 'showing it never marked it read');

    const list = await mountAs(forum, DEMO_PEOPLE.asker, 'en');
    await waitUntil(() => parts(list, 'item').length > 0, 'the list never showed');
    const count = parts(list, 'item').length;
    await handOff(forum, 'A second question taken private');
    await waitUntil(() => parts(list, 'item').length === count + 1, 'the new conversation never reached the list live', { timeout: 5000 });
    expect(parts(list, 'link')[0]!.textContent).to.contain('A second question taken private');
  });

  it('says it is reconnecting while the stream is down, and a slow poll brings the messages meanwhile', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Réseau coupé depuis ce matin');
    worker.use(http.get('/api/events', () => HttpResponse.error()));
    const element = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id, undefined, 1);
    await waitUntil(() => part(element, 'connection'), 'no reconnecting state', { timeout: 5000 });
    expect(part(element, 'connection')!.textContent).to.contain('Reconnexion');
    expect(part(element, 'connection')!.getAttribute('role')).to.equal('status');
    await expectAccessible(element);

    await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.send(conversation.id, 'Je vérifie votre antenne.');
    await waitUntil(() => parts(element, 'message').length === 2, 'the poll never brought the message', { timeout: 5000 });
  });

  it('keeps an unsent reply per conversation across leaving and coming back', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Portabilité du numéro en attente');
    const first = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id);
    await waitUntil(() => part(first, 'reply-body'));
    const field = part(first, 'reply-body') as HTMLTextAreaElement;
    field.value = 'Mon RIO est le 12 345';
    field.dispatchEvent(new InputEvent('input'));
    first.remove();

    const again = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id);
    await waitUntil(() => part(again, 'reply-body'));
    expect((part(again, 'reply-body') as HTMLTextAreaElement).value).to.equal('Mon RIO est le 12 345');
    part(again, 'send')!.click();
    await waitUntil(() => parts(again, 'message').length === 2, 'the reply never showed');
    const later = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id);
    await waitUntil(() => part(later, 'reply-body'));
    expect((part(later, 'reply-body') as HTMLTextAreaElement).value).to.equal('', 'a sent reply leaves no draft');
  });

  it('keeps the draft and says why when sending fails, and keeps an over-long paste, disabling send with the count and the reason', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Résiliation non prise en compte');
    const element = await mountAs(forum, DEMO_PEOPLE.asker, 'fr', conversation.id);
    await waitUntil(() => part(element, 'reply-body'));
    worker.use(http.post('/api/private/:id/messages', () => HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 })));

    const field = part(element, 'reply-body') as HTMLTextAreaElement;
    field.value = 'Voici mon numéro client';
    field.dispatchEvent(new InputEvent('input'));
    part(element, 'send')!.click();
    await waitUntil(() => part(element, 'reply-error')!.textContent.includes('n’est pas parti'), 'no error shown');
    expect(field.value).to.equal('Voici mon numéro client');
    expect(parts(element, 'message').length).to.equal(1);

    field.value = 'x'.repeat(LIMITS.bodyMax + 5);
    field.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    // Kept as typed, the count and the limit shown, sending disabled with the reason (no native maxlength).
    expect(field.hasAttribute('maxlength')).to.equal(false);
    expect(field.value.length).to.equal(LIMITS.bodyMax + 5);
    expect(part(element, 'reply-count')!.textContent).to.match(/^20\s005 \/ 20\s000 caractères$/);
    expect((part(element, 'send') as HTMLButtonElement).disabled).to.equal(true);
    expect(part(element, 'reply-limit')!.textContent).to.match(/trop long de 5 caractères/);
    const spoken = [...element.shadowRoot!.querySelectorAll('[role="status"]')].map((r) => r.textContent.trim()).filter((text) => text.includes('trop long'));
    expect(spoken, 'announced once').to.have.length(1);
    await expectAccessible(element);
  });

  it('shows a closed conversation read-only with its outcome, and 404s as not found', async () => {
    const forum = await mockForum();
    const { conversation } = await handOff(forum, 'Changement de RIB refusé');
    await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.close(conversation.id, { outcome: 'RIB mis à jour.' });
    const element = await mountAs(forum, DEMO_PEOPLE.asker, 'en', conversation.id, '360px');
    await waitUntil(() => part(element, 'closed'), 'the closed notice never showed');
    expect(part(element, 'reply')).to.equal(null);
    expect(part(element, 'closed')!.textContent).to.contain('read-only');
    expect(part(element, 'closed')!.textContent).to.contain('RIB mis à jour.');
    expect(part(element, 'status')!.textContent).to.equal('Closed');
    expect(element.scrollWidth).to.be.at.most(360);
    await expectAccessible(element);

    const stranger = await mountAs(forum, DEMO_PEOPLE.topHelper, 'fr', conversation.id);
    await waitUntil(() => part(stranger, 'error'), 'no error for someone else’s conversation');
    expect(part(stranger, 'error')!.textContent).to.contain('ne vous concerne pas');
    expect(part(stranger, 'retry')).to.equal(null);
  });

  it('offers a retry when the list cannot load, and asks guests to sign in', async () => {
    const forum = await mockForum();
    worker.use(http.get('/api/private', () => HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 })));
    const element = await mountAs(forum, DEMO_PEOPLE.asker);
    await waitUntil(() => part(element, 'error'), 'no error state');
    expect(part(element, 'retry')).not.to.equal(null);
    await expectAccessible(element);

    const guest = await mount<EntraideInbox>(html`<entraide-inbox></entraide-inbox>`, { locale: 'fr' });
    expect(guest.shadowRoot!.textContent).to.contain('Connectez-vous pour lire vos messages privés.');
  });
});
