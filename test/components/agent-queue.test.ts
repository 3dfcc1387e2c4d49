import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentQueue } from '../../src/components/agent-queue/agent-queue.ts';
import '../../src/components/agent-queue/agent-queue.ts';
import type { EntraideThreadOpenedEvent } from '../../src/components/events/thread-opened.ts';
import { SecondClock } from '../../src/components/internal/clock.ts';
import { moderationState } from '../../src/mocks/areas/moderation.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, useMockWorker, waitForLiveStream } from './helpers.ts';

type Forum = ReturnType<typeof mockForum>;
const member = (memberId: number) => ({ role: 'member' as const, memberId });

/** A question by Nadia in "Technical help" (3), answered by Pix37: a community answer in community time. */
function answeredByCommunity(forum: Forum, title = 'Ma box redémarre la nuit') {
  const { thread } = forum.store.createThread(member(MEMBERS.nadia), { categoryId: 3, title, body: 'Bonjour à tous, une idée ?' });
  forum.store.reply(member(MEMBERS.pix37), thread.id, { body: 'Essayez de désactiver la mise à jour automatique.' });
  return thread;
}

/** A fresh question made advisor-now through the API, as an advisor would. */
async function urgentThread(forum: Forum, title = 'Accès à mon compte bloqué') {
  const { thread } = forum.store.createThread(member(MEMBERS.nadia), { categoryId: 1, title, body: 'Je ne peux plus me connecter.' });
  await createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea) }).agent.markUrgent(thread.id);
  return thread;
}

function flagPost(forum: Forum, threadId: number) {
  const post = forum.store.postsOf(threadId).at(-1)!;
  moderationState(forum.store).flag(member(MEMBERS.sam), post.id, { reason: 'spam' });
  return post;
}

const root = (queue: EntraideAgentQueue) => queue.shadowRoot!;
const groups = (queue: EntraideAgentQueue) => [...root(queue).querySelectorAll<HTMLElement>('[part="group"]')].map((group) => group.dataset.kind);
const headings = (queue: EntraideAgentQueue) => [...root(queue).querySelectorAll('[part="group-heading"]')].map((h) => h.textContent.replace(/\s+/g, ' ').trim());
const titles = (queue: EntraideAgentQueue, kind?: string) =>
  [...root(queue).querySelectorAll<HTMLElement>(`${kind ? `[data-kind="${kind}"] ` : ''}[part="title"]`)].map((a) => a.textContent.trim());
const focusedTitle = (queue: EntraideAgentQueue) => root(queue).activeElement?.textContent?.trim();
const itemOf = (queue: EntraideAgentQueue, threadId: number) => root(queue).querySelector<HTMLElement>(`li[data-thread-id="${threadId}"]`);

async function mountQueue(forum: Forum, locale: 'fr' | 'en' = 'fr', memberId: number = MEMBERS.lea) {
  const queue = await mount<EntraideAgentQueue>(html`<entraide-agent-queue refresh-delay="50"></entraide-agent-queue>`, { as: { forum, memberId }, locale });
  await waitUntil(() => !root(queue).querySelector('[part="loading"]'), 'the queue never loaded');
  return queue;
}

describe('<entraide-agent-queue>', () => {
  useMockWorker();
  afterEach(() => {
    SecondClock.now = () => Date.now();
  });

  it('renders each urgency group in order, with headings, counts, overdue time and flag weight', async () => {
    const forum = mockForum();
    const urgent = await urgentThread(forum);
    const answered = answeredByCommunity(forum);
    flagPost(forum, answered.id);
    const queue = await mountQueue(forum, 'en');

    expect(groups(queue)).to.deep.equal(['advisor-now', 'advisor-due', 'awaiting-confirmation', 'flagged-post']);
    expect(headings(queue)[0]).to.equal('Needs account access: act now (1 item)');
    expect(headings(queue)[1]).to.equal('Community time over, no accepted or confirmed answer (3 items)');
    expect(titles(queue, 'advisor-now')).to.deep.equal([urgent.title]);
    // Oldest first: thread 6 (21 Nov) waits longer than 2 (23 Nov) and 4 (24 Nov).
    expect(titles(queue, 'advisor-due')).to.deep.equal(['eSIM activation stuck on “pending”', 'Voicemail not working after porting my number', 'Carte SIM reçue mais toujours pas activée']);
    expect(root(queue).querySelector('[data-kind="advisor-due"] [part="wait"]')!.textContent).to.match(/^Overdue by \d+ days? \d+ hr/);
    expect(titles(queue, 'awaiting-confirmation')).to.deep.equal([answered.title]);
    expect(root(queue).querySelector('[data-kind="flagged-post"] [part="flag-weight"]')!.textContent).to.match(/^Flag weight: \d+$/);
    expect(root(queue).querySelector('[data-kind="awaiting-confirmation"] [part="chip"].answered')!.textContent).to.equal('Community answer');
    await expectAccessible(queue);
  });

  it('speaks French', async () => {
    const forum = mockForum();
    answeredByCommunity(forum);
    const queue = await mountQueue(forum, 'fr');

    expect(headings(queue)[0]).to.equal('Délai communautaire dépassé, sans réponse acceptée ni confirmée (3 éléments)');
    expect(root(queue).querySelector('[part="wait"]')!.textContent).to.match(/^En retard de \d+\sj \d+\sh/);
    expect(root(queue).querySelector('[part="countdown"]')!.textContent).to.match(/^Temps communauté restant : \d:\d\d:\d\d$/);
    expect(root(queue).querySelector('[part="shortcuts"]')!.textContent).to.contain('Raccourcis');
  });

  it('counts community time down every second, on the shared clock', async () => {
    const forum = mockForum();
    const thread = answeredByCommunity(forum);
    const queue = await mountQueue(forum, 'en');
    const dueAt = Date.parse(forum.store.summary(thread.id).holdback!.dueAt);
    const countdown = () => itemOf(queue, thread.id)!.querySelector('[part="countdown"]')!.textContent;

    let pinned = dueAt - 65_000;
    SecondClock.now = () => pinned;
    queue.requestUpdate();
    await queue.updateComplete;
    expect(countdown()).to.equal('Community time left: 0:01:05');

    pinned += 1000;
    await waitUntil(() => countdown() === 'Community time left: 0:01:04', 'the clock never ticked', { timeout: 2500 });
  });

  it('moves with j/k and the arrows (roving tabindex), and Enter opens the thread', async () => {
    const forum = mockForum();
    const queue = await mountQueue(forum, 'en');
    const links = [...root(queue).querySelectorAll<HTMLAnchorElement>('[part="title"]')];
    expect(links.map((a) => a.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(links[0]!.getAttribute('aria-keyshortcuts')).to.contain('j k');
    expect(links[0]!.getAttribute('href')).to.equal('#/threads/6');

    links[0]!.focus();
    await sendKeys({ press: 'j' });
    await waitUntil(() => focusedTitle(queue) === 'Voicemail not working after porting my number', 'j did not move down');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedTitle(queue) === 'Carte SIM reçue mais toujours pas activée', 'ArrowDown did not move down');
    await sendKeys({ press: 'k' });
    await waitUntil(() => focusedTitle(queue) === 'Voicemail not working after porting my number', 'k did not move up');
    expect([...root(queue).querySelectorAll<HTMLAnchorElement>('[part="title"]')].map((a) => a.tabIndex)).to.deep.equal([-1, 0, -1]);

    const opened: number[] = [];
    queue.addEventListener('entraide-thread-opened', (event: EntraideThreadOpenedEvent) => {
      opened.push(event.detail.threadId);
      event.preventDefault();
    });
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal([2]);
  });

  it('u marks the focused thread urgent through the API, and again takes the mark off', async () => {
    const forum = mockForum();
    const queue = await mountQueue(forum, 'en');
    root(queue).querySelector<HTMLAnchorElement>('li[data-thread-id="4"] [part="title"]')!.focus();

    await sendKeys({ press: 'u' });
    await waitUntil(() => titles(queue, 'advisor-now').includes('Carte SIM reçue mais toujours pas activée'), 'u did not mark the thread urgent');
    expect(forum.store.summary(4).holdback!.state).to.equal('advisor-now');
    expect(itemOf(queue, 4)!.querySelector('[part="urgent"]')!.getAttribute('aria-pressed')).to.equal('true');

    itemOf(queue, 4)!.querySelector<HTMLButtonElement>('[part="urgent"]')!.click();
    await waitUntil(() => !titles(queue, 'advisor-now').length, 'the urgent mark stayed');
    expect(forum.store.summary(4).holdback!.state).to.equal('advisor-due');
  });

  it('refreshes live when a member answers a new question', async () => {
    const forum = mockForum();
    const queue = await mountQueue(forum, 'en');
    await waitForLiveStream(forum);
    expect(groups(queue)).to.deep.equal(['advisor-due']);

    const thread = answeredByCommunity(forum, 'Question arrivée en direct');
    await waitUntil(() => titles(queue, 'awaiting-confirmation').includes(thread.title), 'the queue did not refresh', { timeout: 3000 });
  });

  it('filters by category, and by the categories my plan assigns now', async () => {
    const forum = mockForum();
    answeredByCommunity(forum);
    const queue = await mountQueue(forum, 'en');
    const select = root(queue).querySelector<HTMLSelectElement>('[part="category-filter"]')!;
    await waitUntil(() => select.options.length > 1, 'no categories');

    select.value = '1';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => titles(queue).length === 2, 'the category filter did nothing');
    expect(queue.getAttribute('category-id')).to.equal('1');

    select.value = '0';
    select.dispatchEvent(new Event('change'));
    const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea) });
    await client.agent.setPlan({ slots: Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [3] })) });
    root(queue).querySelector<HTMLInputElement>('[part="my-categories"]')!.click();
    await waitUntil(() => titles(queue).length === 2 && queue.myCategories, 'my categories now did nothing');
    expect(titles(queue)).to.deep.equal(['Voicemail not working after porting my number', 'Ma box redémarre la nuit']);
  });

  it('follows the advisor’s weekly plan by default, until the advisor unchecks it', async () => {
    const forum = mockForum();
    answeredByCommunity(forum);
    const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea) });
    await client.agent.setPlan({ slots: Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [3] })) });

    const queue = await mountQueue(forum, 'en');
    await waitUntil(() => queue.myCategories, 'the plan was not followed');

    const checkbox = root(queue).querySelector<HTMLInputElement>('[part="my-categories"]')!;
    expect(checkbox.checked).to.equal(true);
    expect(titles(queue)).to.deep.equal(['Voicemail not working after porting my number', 'Ma box redémarre la nuit']);
    checkbox.click();
    await waitUntil(() => titles(queue).length > 2, 'unchecking did not show every category');
    expect(queue.myCategories).to.equal(false);
  });

  it('shows every category to an advisor without a plan', async () => {
    const forum = mockForum();
    answeredByCommunity(forum);

    const queue = await mountQueue(forum, 'en');
    await waitUntil(() => titles(queue).length > 0, 'the queue never loaded');

    expect(queue.myCategories).to.equal(false);
    expect(titles(queue).length).to.be.greaterThan(2);
  });

  it('lists the experts of a thread in community time and notifies them', async () => {
    const forum = mockForum();
    const thread = answeredByCommunity(forum);
    const queue = await mountQueue(forum, 'en');
    const toggle = itemOf(queue, thread.id)!.querySelector<HTMLButtonElement>('[part="experts-toggle"]')!;

    toggle.click();
    await waitUntil(() => root(queue).querySelector('[part="expert"]'), 'no expert listed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root(queue).querySelector('[part="expert"]')!.textContent).to.contain('Pix37');
    root(queue).querySelector<HTMLButtonElement>('[part="notify"]')!.click();
    await waitUntil(() => root(queue).querySelector('[part="experts"] [role="status"]'), 'no confirmation');
    expect(root(queue).querySelector('[part="experts"] [role="status"]')!.textContent).to.equal('Members notified.');
    await expectAccessible(queue);
  });

  it('shows thread titles as text: markup never runs', async () => {
    const forum = mockForum();
    const payload = '<img src=x onerror="window.__agentXss=1"><script>window.__agentXss=2</script>';
    answeredByCommunity(forum, payload);
    const queue = await mountQueue(forum, 'en');

    expect(titles(queue, 'awaiting-confirmation')).to.deep.equal([payload]);
    expect(root(queue).querySelector('img, script')).to.equal(null);
    expect((window as { __agentXss?: number }).__agentXss).to.equal(undefined);
  });

  it('says when the queue cannot load, and retries', async () => {
    const forum = mockForum({ failures: { getAdvisorQueue: 500 } });
    const queue = await mount<EntraideAgentQueue>(html`<entraide-agent-queue></entraide-agent-queue>`, { as: { forum, memberId: MEMBERS.lea }, locale: 'en' });
    await waitUntil(() => root(queue).querySelector('[part="error"]'), 'no error state');
    expect(root(queue).querySelector('[part="error"]')!.textContent).to.contain('Loading failed.');

    delete forum.failures.getAdvisorQueue;
    root(queue).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    await waitUntil(() => groups(queue).length === 1, 'retry did not load the queue');
  });

  it('says when nothing waits', async () => {
    const forum = mockForum();
    const queue = await mountQueue(forum, 'en');
    const select = root(queue).querySelector<HTMLSelectElement>('[part="category-filter"]')!;
    await waitUntil(() => select.options.length > 1, 'no categories');
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => root(queue).querySelector('[part="empty"]'), 'no empty state');
    expect(root(queue).querySelector('[part="empty"]')!.textContent).to.equal('Nothing waiting: the community has it covered.');
  });
});
