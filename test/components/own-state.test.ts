/**
 * Issue 15, items 4–6 in the thread as a member reads it: kudos, "same problem" and reports
 * pressed after a reload and taken back; their own post edited in place; the "edited" marker;
 * the staff's edit history; the hand-off trace's link to the private conversation.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
// The interactions chunk loads on demand; a cold dev server may take longer than a wait: it is here from the start.
import '../../src/components/internal/interactions.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, queryDeep, waitForDeep, waitForText, worker, type MockForum, type MockMember } from './helpers.ts';

const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** Theo asks, Kali answers: a fresh thread of the demo. */
async function askAndAnswer(forum: MockForum, title: string) {
  const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
  const categoryId = (await asker.community.get()).categories[0]!.id;
  const { thread } = await asker.threads.create({ categoryId, title, body: 'Mon forfait ne s’active pas.' });
  const reply = await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).posts.reply(thread.id, { body: 'Redémarrez le téléphone, puis **attendez** une heure.' });
  return { thread, reply };
}

const openThread = async (forum: MockForum, threadId: number, pseudonym: string, locale: 'fr' | 'en' = 'fr', width?: string) => {
  const element = await mount<EntraideThread>(html`<entraide-thread thread-id=${threadId}></entraide-thread>`, { locale, as: await forum.member(pseudonym), width });
  await waitForDeep(element, 'entraide-post-actions');
  return element;
};
const deep = (root: Element, selector: string) => queryDeep<HTMLElement>(root, selector);
/** `selector` inside the shadow root of the first `host` under `root` (a descendant selector stops at shadow roots). */
const inside = <E extends HTMLElement = HTMLElement>(root: Element, host: string, selector: string) => deep(root, host)?.shadowRoot?.querySelector<E>(selector) ?? undefined;
const waitInside = async <E extends HTMLElement = HTMLElement>(root: Element, host: string, selector: string) => {
  await waitUntil(() => inside(root, host, selector), `${host} ${selector} never appeared`, { timeout: 3000 });
  return inside<E>(root, host, selector)!;
};
/** One post of the thread, by id. */
const postOf = (thread: EntraideThread, id: number) => thread.shadowRoot!.querySelector<HTMLElement>(`li[id="post-${id}"] entraide-post`)!;
const pressed = (root: Element, selector: string) => deep(root, selector)?.getAttribute('aria-pressed');

describe('the reader’s own state in <entraide-thread>', () => {
  it('shows kudos, "same problem" and a report as done after a reload, and takes the kudos back', async () => {
    const forum = await mockForum();
    const { thread, reply } = await askAndAnswer(forum, 'Forfait pas activé après paiement');
    const reader = clientOf(await forum.member(DEMO_PEOPLE.secondHelper));
    await reader.posts.kudo(reply.id);
    await reader.threads.markSameProblem(thread.id);
    await reader.posts.flag(reply.id, { reason: 'off-topic' });

    // A reload: a new element reads the thread afresh.
    const element = await openThread(forum, thread.id, DEMO_PEOPLE.secondHelper);
    const post = postOf(element, reply.id);
    await waitUntil(() => pressed(post, '[part="kudos"][aria-pressed]') === 'true', 'the kudos did not show as given');
    await waitUntil(() => inside(element, 'entraide-same-problem', '[part="button"]')?.getAttribute('aria-pressed') === 'true', 'same problem not pressed');
    const flag = deep(post, '[part="flag"]')!;
    expect(flag.textContent.trim()).to.equal('Signalé');
    expect(flag.getAttribute('aria-disabled')).to.equal('true');
    await expectAccessible(element);

    deep(post, '[part="kudos"][aria-pressed]')!.click();
    // The toggle shows the change at once; the server's answer ends aria-busy.
    await waitUntil(() => pressed(post, '[part="kudos"][aria-pressed]') === 'false' && deep(post, '[part="kudos"][aria-busy]')?.getAttribute('aria-busy') === 'false', 'the kudos could not be taken back');
    expect(deep(post, '[part="kudos-count"]')!.textContent).to.equal('0');
    const again = await reader.threads.get(thread.id);
    expect(again.posts.find((p) => p.id === reply.id)!.viewer).to.deep.equal({ kudos: false, flagged: true });
  });

  it('lets its author edit a reply in place: cancel keeps it, a failure keeps the text, a save shows it edited (fr, 360 px)', async () => {
    const forum = await mockForum();
    const { thread, reply } = await askAndAnswer(forum, 'Modifier ma réponse');
    const element = await openThread(forum, thread.id, DEMO_PEOPLE.topHelper, 'fr', '360px');
    const edit = await waitForDeep(element, '[part="edit"]');
    edit.click();
    const field = await waitInside<HTMLTextAreaElement>(element, 'entraide-edit-form', 'textarea');
    expect(field.value).to.equal('Redémarrez le téléphone, puis **attendez** une heure.');
    await expectAccessible(element);
    inside(element, 'entraide-edit-form', '[part="cancel"]')!.click();
    await waitUntil(() => !deep(element, 'entraide-edit-form'), 'cancel did not close the form');

    deep(element, '[part="edit"]')!.click();
    const again = await waitInside<HTMLTextAreaElement>(element, 'entraide-edit-form', 'textarea');
    worker.use(http.patch('/api/posts/:id', () => HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 })));
    again.value = 'Redémarrez, puis attendez deux heures.';
    again.dispatchEvent(new InputEvent('input'));
    inside(element, 'entraide-edit-form', '[part="save"]')!.click();
    await waitForText(element, 'Votre texte est gardé');
    expect(again.value).to.equal('Redémarrez, puis attendez deux heures.');

    worker.resetHandlers(...forum.handlers);
    inside(element, 'entraide-edit-form', '[part="save"]')!.click();
    await waitUntil(() => !deep(element, 'entraide-edit-form'), 'the form stayed open after saving');
    await waitForText(element, 'deux heures');
    const marker = await waitForDeep(element, '[part="edited"]');
    expect(marker.textContent).to.match(/^Modifié (à l’instant|maintenant|il y a)/);
    expect(marker.querySelector('time')!.getAttribute('title')).to.match(/^Modifié le /);
    expect((await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).threads.get(thread.id)).posts.find((p) => p.id === reply.id)!.viewer?.source)
      .to.equal('Redémarrez, puis attendez deux heures.');
    await expectAccessible(element);
  });

  it('shows everyone the edited marker, and staff the earlier texts (en)', async () => {
    const forum = await mockForum();
    const { thread, reply } = await askAndAnswer(forum, 'Edited reply history');
    await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).posts.edit(reply.id, { body: 'Second version of the answer.' });

    const reader = await openThread(forum, thread.id, DEMO_PEOPLE.secondHelper, 'en');
    expect((await waitForDeep(reader, '[part="edited"]')).textContent).to.match(/^Edited (now|\d+ \w+ ago)/);
    expect(deep(reader, '[part="history"]')).to.equal(undefined);
    expect(deep(reader, '[part="edit"]')).to.equal(undefined);

    const moderator = await openThread(forum, thread.id, DEMO_PEOPLE.moderator, 'en');
    (await waitForDeep(moderator, '[part="history"]')).click();
    const revision = await waitInside(moderator, 'entraide-post-history', '[part="revision"]');
    expect(revision.textContent).to.contain('Redémarrez le téléphone');
    expect(revision.textContent).to.contain(`by ${DEMO_PEOPLE.topHelper}`);
    await expectAccessible(moderator);
  });

  it('links the hand-off trace to the private conversation for its asker only', async () => {
    const forum = await mockForum();
    const { thread } = await askAndAnswer(forum, 'Mon compte est bloqué');
    const { conversation } = await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.open(thread.id, {});

    const asker = await openThread(forum, thread.id, DEMO_PEOPLE.asker);
    const link = await waitForDeep(asker, '[part="conversation-link"]');
    expect(link.getAttribute('href')).to.equal(`#/inbox/${conversation.id}`);
    expect(link.textContent).to.equal('Lire et répondre en message privé');
    await expectAccessible(asker);

    const other = await openThread(forum, thread.id, DEMO_PEOPLE.secondHelper);
    await waitForText(other, 'message privé');
    expect(deep(other, '[part="conversation-link"]')).to.equal(undefined);
  });
});
