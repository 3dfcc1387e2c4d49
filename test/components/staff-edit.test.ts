/**
 * Issue 15, item 6 in the thread: staff edit a member's post in place, saying why (required),
 * under the shared limit display; the history shows who edited and why; members get no Edit
 * on someone else's post; the author is told.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdvisorTools } from '../../src/components/advisor-tools/advisor-tools.ts';
import '../../src/components/advisor-tools/advisor-tools.ts';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
// The interactions chunk loads on demand; a cold dev server may take longer than a wait: it is here from the start.
import '../../src/components/internal/interactions.ts';
import { LIMITS } from '../../src/core/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, queryDeep, waitForDeep, waitForText, type MockForum, type MockMember } from './helpers.ts';

const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** Theo asks, Kali answers with a phone number in the text. */
async function answerWithPhone(forum: MockForum, title: string) {
  const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
  const categoryId = (await asker.community.get()).categories[0]!.id;
  const { thread } = await asker.threads.create({ categoryId, title, body: 'Mon forfait ne s’active pas.' });
  const reply = await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).posts.reply(thread.id, { body: 'Appelez-moi au 06 12 34 56 78, je vous explique.' });
  return { thread, reply };
}

const openThread = async (forum: MockForum, threadId: number, pseudonym: string, locale: 'fr' | 'en', width?: string) => {
  const element = await mount<EntraideThread>(html`<entraide-thread thread-id=${threadId}></entraide-thread>`, { locale, as: await forum.member(pseudonym), width });
  await waitForDeep(element, 'entraide-post-actions');
  return element;
};
/** The reply's own `<entraide-post-actions>` shadow root. */
const actionsOf = (thread: EntraideThread, postId: number) =>
  thread.shadowRoot!.querySelector(`li[id="post-${postId}"] entraide-post`)!.shadowRoot!.querySelector('entraide-post-actions')!;
const formOf = (thread: EntraideThread, postId: number) => actionsOf(thread, postId).shadowRoot!.querySelector('entraide-edit-form');
const inForm = <E extends HTMLElement = HTMLElement>(thread: EntraideThread, postId: number, selector: string) =>
  formOf(thread, postId)?.shadowRoot?.querySelector<E>(selector) ?? undefined;

async function openEdit(thread: EntraideThread, postId: number) {
  await waitUntil(() => actionsOf(thread, postId).shadowRoot!.querySelector('[part="edit"]'), 'staff got no Edit button');
  actionsOf(thread, postId).shadowRoot!.querySelector<HTMLElement>('[part="edit"]')!.click();
  await waitUntil(() => inForm(thread, postId, 'textarea'), 'the edit form did not open');
  return { body: inForm<HTMLTextAreaElement>(thread, postId, 'textarea')!, reason: inForm<HTMLInputElement>(thread, postId, '[part="reason"]') };
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
}

describe('staff editing a member’s post in <entraide-thread>', () => {
  it('asks a moderator why, keeps an over-long text as typed, then saves and shows who edited and why (en)', async () => {
    const forum = await mockForum();
    const { thread, reply } = await answerWithPhone(forum, 'Phone number in a reply');
    const element = await openThread(forum, thread.id, DEMO_PEOPLE.moderator, 'en');
    const { body, reason } = await openEdit(element, reply.id);
    expect(body.value).to.equal('Appelez-moi au 06 12 34 56 78, je vous explique.');
    expect(reason, 'a reason field').to.not.equal(undefined);
    expect(reason!.labels?.[0]?.textContent?.trim()).to.equal('Reason for the edit');
    expect(reason!.hasAttribute('maxlength'), 'no native maxlength').to.equal(false);
    await expectAccessible(element);

    // No reason: nothing is sent, the field is asked for.
    type(body, 'Appelez-moi (numéro retiré), je vous explique.');
    inForm(element, reply.id, '[part="save"]')!.click();
    await waitUntil(() => formOf(element, reply.id)!.shadowRoot!.activeElement === reason, 'the reason was not asked for');
    expect(inForm(element, reply.id, '[part="error"]')!.textContent).to.contain('Say why');

    // An over-long reason is kept as typed; saving waits, saying why; the count shows both numbers.
    const long = 'x'.repeat(LIMITS.reasonMax + 12);
    type(reason!, long);
    await formOf(element, reply.id)!.updateComplete;
    expect(reason!.value.length).to.equal(LIMITS.reasonMax + 12);
    expect(inForm(element, reply.id, '#edit-reason-count')!.textContent).to.equal('1,012 / 1,000 characters');
    expect(inForm<HTMLButtonElement>(element, reply.id, '[part="save"]')!.disabled).to.equal(true);
    expect(inForm(element, reply.id, '[part="limit"]')!.textContent).to.contain('12 characters too long');
    const regions = [...formOf(element, reply.id)!.shadowRoot!.querySelectorAll('[role="status"]')].map((r) => r.textContent.trim()).filter(Boolean);
    expect(regions, 'announced once').to.have.length(1);

    type(reason!, 'Phone number removed.');
    await formOf(element, reply.id)!.updateComplete;
    inForm(element, reply.id, '[part="save"]')!.click();
    await waitUntil(() => !formOf(element, reply.id), 'the form stayed open after saving');
    await waitForText(element, 'numéro retiré');
    await waitForDeep(element, '[part="edited"]');

    actionsOf(element, reply.id).shadowRoot!.querySelector<HTMLElement>('[part="history"]')!.click();
    await waitUntil(() => actionsOf(element, reply.id).shadowRoot!.querySelector('entraide-post-history')?.shadowRoot?.querySelector('[part="revision"]'), 'no revision');
    const revision = actionsOf(element, reply.id).shadowRoot!.querySelector('entraide-post-history')!.shadowRoot!.querySelector('[part="revision"]')!;
    expect(revision.textContent).to.contain(`by ${DEMO_PEOPLE.moderator}`);
    expect(revision.textContent).to.contain('Reason: Phone number removed.');
    expect(revision.textContent).to.contain('06 12 34 56 78');
    await expectAccessible(element);

    // The thread's moderation log says it in a sentence, with the reason.
    const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${thread}></entraide-advisor-tools>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.moderator) });
    const entry = await waitForDeep(tools, '[part="entry"][data-action="post.edit"]');
    expect(entry.textContent).to.contain('edited a member’s post');
    expect(entry.textContent).to.contain('Reason: Phone number removed.');
    expect(entry.textContent).to.contain('The post’s text changed');

    const author = clientOf(await forum.member(DEMO_PEOPLE.topHelper));
    const { items } = await author.notifications.list({ limit: 50 });
    expect(items.some((n) => n.kind === 'post-edited' && n.postId === reply.id && n.by?.pseudonym === DEMO_PEOPLE.moderator), 'the author is told').to.equal(true);
  });

  it('lets an advisor edit from a 360 px phone in French, and shows other members no Edit', async () => {
    const forum = await mockForum();
    const { thread, reply } = await answerWithPhone(forum, 'Numéro dans une réponse');
    const element = await openThread(forum, thread.id, DEMO_PEOPLE.technicalAdvisor, 'fr', '360px');
    const { body, reason } = await openEdit(element, reply.id);
    expect(reason!.labels?.[0]?.textContent?.trim()).to.equal('Raison de la modification');
    expect(formOf(element, reply.id)!.scrollWidth).to.be.at.most(360);
    type(body, 'Appelez-moi (numéro retiré), je vous explique.');
    type(reason!, 'Numéro de téléphone retiré.');
    await expectAccessible(element);
    inForm(element, reply.id, '[part="save"]')!.click();
    await waitUntil(() => !formOf(element, reply.id), 'the form stayed open after saving');
    await waitForText(element, 'numéro retiré');

    const member = await openThread(forum, thread.id, DEMO_PEOPLE.secondHelper, 'fr', '360px');
    await waitForDeep(member, '[part="edited"]');
    expect(queryDeep(member, '[part="edit"]'), 'no Edit on someone else’s post').to.equal(undefined);
  });
});
