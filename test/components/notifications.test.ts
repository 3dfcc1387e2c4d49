import { expect, html, waitUntil } from '@open-wc/testing';
import { threadPath } from '../../src/core/index.ts';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideNotifications } from '../../src/components/notifications/notifications.ts';
import '../../src/components/notifications/notifications.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, watchMarkupParsing, type MockForum as Forum, type MockMember } from './helpers.ts';

const part = (element: EntraideNotifications, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const parts = (element: EntraideNotifications, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${name}"]`)];
const focusedPart = (element: EntraideNotifications) => element.shadowRoot!.activeElement?.getAttribute('part');
const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** A question asked by `askerName`, then the advisor Karim asks the top member to help on it (through the mocked API; the demo's bells start empty). */
async function nudge(forum: Forum, title: string, askerName: string = DEMO_PEOPLE.asker) {
  const asker = clientOf(await forum.member(askerName));
  const categoryId = (await asker.community.get()).categories[0]!.id;
  const { thread } = await asker.threads.create({ categoryId, title, body: 'Bonjour à tous, une question ?' });
  await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).agent.notifyExperts(thread.id, [(await forum.member(DEMO_PEOPLE.topHelper)).id]);
  return thread;
}

async function mountAs(forum: Forum, locale: 'fr' | 'en', pseudonym: string = DEMO_PEOPLE.topHelper) {
  return mount<EntraideNotifications>(html`<entraide-notifications></entraide-notifications>`, { locale, as: await forum.member(pseudonym) });
}

const toggleLabel = (element: EntraideNotifications) => part(element, 'toggle')?.getAttribute('aria-label');

describe('<entraide-notifications>', () => {
  it('renders nothing for guests', async () => {
    await mockForum();
    // A guest's session is known at once: the first update, which mount awaits, is the whole answer.
    const element = await mount<EntraideNotifications>(html`<entraide-notifications></entraide-notifications>`, { locale: 'fr' });

    expect(part(element, 'toggle')).to.equal(null);
    expect(element.getBoundingClientRect().width).to.equal(0);
  });

  it('shows the unread count on an SVG bell, lists notifications grouped by thread with links to their posts (fr)', async () => {
    const forum = await mockForum();
    const first = await nudge(forum, 'Ma box redémarre toute seule la nuit');
    const second = await nudge(forum, 'Le Wi-Fi coupe toutes les dix minutes', DEMO_PEOPLE.englishMember);
    const answer = await clientOf(await forum.member(DEMO_PEOPLE.secondHelper)).posts.reply(first.id, { body: 'Bonjour, @Kali29 connaît bien ce souci de box.' });
    const element = await mountAs(forum, 'fr');
    await waitUntil(() => toggleLabel(element) === 'Notifications, 3 non lues', 'the unread count never showed');
    expect(part(element, 'count')!.textContent.trim()).to.equal('3');
    expect(part(element, 'icon')!.tagName.toLowerCase()).to.equal('svg');
    expect(part(element, 'toggle')!.textContent).not.to.contain('🔔');
    await expectAccessible(element);

    part(element, 'toggle')!.click();
    await waitUntil(() => parts(element, 'item').length === 3, 'the list never opened');

    const groups = parts(element, 'group');
    expect(groups.length).to.equal(2, 'the mention and the nudge of one thread share a group');
    expect(groups[0]!.textContent).to.contain(`${DEMO_PEOPLE.secondHelper} vous a mentionné dans « ${first.title} »`);
    expect(groups[0]!.textContent).to.contain(`${DEMO_PEOPLE.technicalAdvisor} vous demande votre aide sur « ${first.title} »`);
    expect(groups[1]!.textContent).to.contain(second.title);
    expect(parts(element, 'link').map((link) => link.getAttribute('href'))).to.deep.equal([`#${threadPath(first.id, first.title)}#post-${answer.id}`, `#${threadPath(first.id, first.title)}`, `#${threadPath(second.id, second.title)}`]);
    expect(part(element, 'toggle')!.getAttribute('aria-expanded')).to.equal('true');
    expect(toggleLabel(element)).to.equal('Notifications, 3 non lues', 'opening marks nothing read');
    await expectAccessible(element);

    parts(element, 'mark-read')[0]!.click();
    await waitUntil(() => toggleLabel(element) === 'Notifications, 2 non lues', 'mark read did not drop the count');
    expect(parts(element, 'mark-read').length).to.equal(2);
    await waitUntil(async () => (await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).notifications.list()).unreadCount === 2, 'the server never heard it was read');

    part(element, 'mark-all')!.click();
    await waitUntil(() => toggleLabel(element) === 'Notifications', 'mark all read did not clear the count');
    expect(part(element, 'count')).to.equal(null);
    expect(focusedPart(element)).to.equal('close');
    await waitUntil(async () => (await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).notifications.list()).unreadCount === 0, 'the server never heard all were read');
    await expectAccessible(element);
  });

  it('updates the count live when a notification arrives, and shows it in the open list', async () => {
    const forum = await mockForum();
    const element = await mountAs(forum, 'fr', DEMO_PEOPLE.asker);
    await waitUntil(() => part(element, 'toggle'));
    part(element, 'toggle')!.click();
    await waitUntil(() => element.shadowRoot!.textContent.includes('Aucune notification'), 'no empty state');
    const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
    const categoryId = (await asker.community.get()).categories[0]!.id;
    const { thread } = await asker.threads.create({ categoryId, title: 'Mon forfait ne se renouvelle pas', body: 'Bonjour à tous, une idée ?' });
    await clientOf(await forum.member(DEMO_PEOPLE.secondHelper)).posts.reply(thread.id, { body: 'Regardez dans votre espace client, rubrique options.' });
    await waitUntil(() => toggleLabel(element) === 'Notifications, 1 non lue', 'the live count never came', { timeout: 8000 });
    await waitUntil(() => parts(element, 'item').length === 1, 'the live notification never showed in the list');
    expect(parts(element, 'item')[0]!.textContent).to.contain(`${DEMO_PEOPLE.secondHelper} a répondu à « Mon forfait ne se renouvelle pas »`);
  });

  it('follows a kudos taken back live: the batch counts one less, and leaves the open list at zero', async () => {
    const forum = await mockForum();
    const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
    const categoryId = (await asker.community.get()).categories[0]!.id;
    const { thread } = await asker.threads.create({ categoryId, title: 'Kudos repris en direct', body: 'Bonjour à tous, une idée ?' });
    const answer = await clientOf(await forum.member(DEMO_PEOPLE.secondHelper)).posts.reply(thread.id, { body: 'Essayez le mode avion une minute.' });
    const other = clientOf(await forum.member(DEMO_PEOPLE.englishMember));
    await asker.posts.kudo(answer.id);
    await other.posts.kudo(answer.id);
    const element = await mountAs(forum, 'fr', DEMO_PEOPLE.secondHelper);
    await waitUntil(() => toggleLabel(element) === 'Notifications, 1 non lue', 'the batch never showed');
    part(element, 'toggle')!.click();
    await waitUntil(() => parts(element, 'item')[0]?.textContent.includes('2 kudos sur votre message'), 'the batch of two never showed');

    await other.posts.unkudo(answer.id);
    await waitUntil(() => parts(element, 'item')[0]?.textContent.includes(`${DEMO_PEOPLE.asker} a donné un kudos`), 'the batch never shrank live', { timeout: 8000 });
    expect(toggleLabel(element)).to.equal('Notifications, 1 non lue');

    await asker.posts.unkudo(answer.id);
    await waitUntil(() => toggleLabel(element) === 'Notifications', 'the count never dropped live', { timeout: 8000 });
    await waitUntil(() => parts(element, 'item').length === 0, 'the emptied batch stayed in the open list');
    await expectAccessible(element);
  });

  it('links private kinds to the conversation in the inbox', async () => {
    const forum = await mockForum();
    const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
    const categoryId = (await asker.community.get()).categories[0]!.id;
    const { thread } = await asker.threads.create({ categoryId, title: 'Facture en double ce mois-ci', body: 'Bonjour, deux prélèvements ?' });
    const opened = await clientOf(await forum.member(DEMO_PEOPLE.commercialAdvisor)).private.open(thread.id, {});
    const element = await mountAs(forum, 'en', DEMO_PEOPLE.asker);
    await waitUntil(() => toggleLabel(element) === 'Notifications, 1 unread');
    part(element, 'toggle')!.click();
    await waitUntil(() => parts(element, 'link').length === 1);
    expect(part(element, 'link')!.getAttribute('href')).to.equal(`#/inbox/${opened.conversation.id}`);
    expect(part(element, 'link')!.textContent).to.contain(`${DEMO_PEOPLE.commercialAdvisor} is handling “Facture en double ce mois-ci” by private message`);
    await expectAccessible(element);
  });

  it('speaks English', async () => {
    const forum = await mockForum();
    await nudge(forum, 'My data stopped working abroad');
    const element = await mountAs(forum, 'en');
    await waitUntil(() => toggleLabel(element) === 'Notifications, 1 unread', 'the English label never showed');

    part(element, 'toggle')!.click();
    await waitUntil(() => parts(element, 'item').length === 1);

    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('Notifications');
    expect(parts(element, 'item')[0]!.textContent).to.contain('asks for your help on “My data stopped working abroad”');
    expect(parts(element, 'item')[0]!.textContent).to.contain('unread');
    expect(part(element, 'close')!.textContent.trim()).to.equal('Close');
  });

  it('says when there is nothing yet', async () => {
    const forum = await mockForum();
    const element = await mountAs(forum, 'fr', DEMO_PEOPLE.secondHelper);
    await waitUntil(() => part(element, 'toggle'));
    part(element, 'toggle')!.click();
    await waitUntil(() => element.shadowRoot!.textContent.includes('Aucune notification pour le moment.'), 'no empty state');
    await expectAccessible(element);
  });

  it('works by keyboard: Enter opens and focuses the first link, Escape closes and returns to the button', async () => {
    const forum = await mockForum();
    await nudge(forum, 'Plus de réseau depuis la mise à jour');
    const element = await mountAs(forum, 'fr');
    await waitUntil(() => toggleLabel(element) === 'Notifications, 1 non lue');

    part(element, 'toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedPart(element) === 'link', 'focus never reached the first notification');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedPart(element) === 'toggle', 'focus did not come back to the button');

    expect(part(element, 'panel')!.hidden).to.equal(true);
    expect(part(element, 'toggle')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows hostile thread titles as text; nothing runs', async () => {
    const parsed = watchMarkupParsing();
    const payloads = ['<img src=x onerror="window.__notificationXss=1">', '<script>window.__notificationXss=1</script>'];
    const forum = await mockForum();
    await nudge(forum, payloads[0]!);
    await nudge(forum, payloads[1]!, DEMO_PEOPLE.englishMember);
    const element = await mountAs(forum, 'fr');
    await waitUntil(() => toggleLabel(element) === 'Notifications, 2 non lues');
    part(element, 'toggle')!.click();
    await waitUntil(() => parts(element, 'link').length === 2);

    expect(parts(element, 'link').map((link) => link.textContent.trim()).sort()).to.deep.equal(payloads.map((title) => `${DEMO_PEOPLE.technicalAdvisor} vous demande votre aide sur « ${title} »`).sort());
    expect(element.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect((window as unknown as { __notificationXss?: number }).__notificationXss).to.equal(undefined);
  });
});
