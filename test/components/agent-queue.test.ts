import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentQueue } from '../../src/components/agent-queue/agent-queue.ts';
import '../../src/components/agent-queue/agent-queue.ts';
import type { EntraideThreadOpenedEvent } from '../../src/components/events/thread-opened.ts';
import { SecondClock } from '../../src/components/internal/clock.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, waitForLiveStream, type MockForum, type MockMember } from './helpers.ts';

const clientOf = (member: MockMember): EntraideClient => createEntraideClient({ baseUrl: '/api', token: member.token, retry: false });

/**
 * The demo's queue is full (more overdue threads than one page of a group), so most tests
 * look at a category of their own, made for the test (no API creates one), with the threads
 * they need: the element shows one category's queue with `category-id`.
 */
async function newCategory(forum: MockForum, slug: string): Promise<number> {
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into categories (community_id, slug, name, description, position, holdback_minutes)
     select community_id, $1, jsonb_build_object('fr', 'Test ' || $1, 'en', 'Test ' || $1), '{}', 99, 180 from categories order by id limit 1
     returning id`,
    [slug],
  );
  return id;
}

/** The demo's technical advisor, without the weekly plan the demo gives them (cleared through the API, as they would). */
async function advisor(forum: MockForum): Promise<MockMember> {
  const member = await forum.member(DEMO_PEOPLE.technicalAdvisor);
  await clientOf(member).agent.setPlan({ slots: [] });
  return member;
}

/** A question by the asker, answered by the top helper: a community answer in community time. */
async function answeredByCommunity(forum: MockForum, categoryId: number, title = 'Ma box redémarre la nuit') {
  const { thread } = await clientOf(await forum.member(DEMO_PEOPLE.asker)).threads.create({ categoryId, title, body: 'Bonjour à tous, une idée ?' });
  const reply = await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).posts.reply(thread.id, { body: 'Essayez de désactiver la mise à jour automatique.' });
  return { ...thread, replyId: reply.id };
}

/** A fresh question made advisor-now through the API, as an advisor would. */
async function urgentThread(forum: MockForum, categoryId: number, title = 'Accès à mon compte bloqué') {
  const { thread } = await clientOf(await forum.member(DEMO_PEOPLE.asker)).threads.create({ categoryId, title, body: 'Je ne peux plus me connecter.' });
  await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).agent.markUrgent(thread.id);
  return thread;
}

const DUE_TITLES = ['eSIM activation stuck on “pending”', 'Voicemail not working after porting my number', 'Carte SIM reçue mais toujours pas activée'];

/** Three questions past community time, oldest first (asked 5, 3 and 2 days ago: moved back in the database). */
async function dueThreads(forum: MockForum, categoryId: number): Promise<Array<{ id: number; title: string }>> {
  const sam = clientOf(await forum.member(DEMO_PEOPLE.englishMember));
  const threads = [];
  for (const [index, title] of DUE_TITLES.entries()) {
    const { thread } = await sam.threads.create({ categoryId, title, body: 'Still waiting, any idea?', locale: index === 2 ? 'fr' : 'en' });
    const age = `${[5, 3, 2][index]} days 1 hour`;
    await forum.db.query(`update threads set created_at = now() - $2::interval, last_post_at = now() - $2::interval where id = $1`, [thread.id, age]);
    await forum.db.query(`update posts set created_at = now() - $2::interval where thread_id = $1`, [thread.id, age]);
    threads.push({ id: thread.id, title });
  }
  return threads;
}

async function flagPost(forum: MockForum, postId: number) {
  await clientOf(await forum.member(DEMO_PEOPLE.englishMember)).posts.flag(postId, { reason: 'spam' });
}

const holdbackOf = async (forum: MockForum, threadId: number) =>
  (await clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor)).threads.get(threadId)).thread.holdback;

const root = (queue: EntraideAgentQueue) => queue.shadowRoot!;
const groups = (queue: EntraideAgentQueue) => [...root(queue).querySelectorAll<HTMLElement>('[part="group"]')].map((group) => group.dataset.kind);
const headings = (queue: EntraideAgentQueue) => [...root(queue).querySelectorAll('[part="group-heading"]')].map((h) => h.textContent.replace(/\s+/g, ' ').trim());
const titles = (queue: EntraideAgentQueue, kind?: string) =>
  [...root(queue).querySelectorAll<HTMLElement>(`${kind ? `[data-kind="${kind}"] ` : ''}[part="title"]`)].map((a) => a.textContent.trim());
const focusedTitle = (queue: EntraideAgentQueue) => root(queue).activeElement?.textContent?.trim();
const itemOf = (queue: EntraideAgentQueue, threadId: number) => root(queue).querySelector<HTMLElement>(`li[data-thread-id="${threadId}"]`);

async function mountQueue(forum: MockForum, locale: 'fr' | 'en' = 'fr', categoryId = 0, as?: MockMember, pageSize = 20) {
  const member = as ?? (await advisor(forum));
  const queue = await mount<EntraideAgentQueue>(
    html`<entraide-agent-queue refresh-delay="50" category-id=${categoryId} page-size=${pageSize}></entraide-agent-queue>`, { as: member, locale });
  await waitUntil(() => !root(queue).querySelector('[part="loading"]'), 'the queue never loaded');
  return queue;
}

describe('<entraide-agent-queue>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    SecondClock.now = () => Date.now();
  });

  it('renders each urgency group in order, with headings, counts, overdue time and flag weight', async () => {
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    const due = await dueThreads(forum, categoryId);
    const urgent = await urgentThread(forum, categoryId);
    const answered = await answeredByCommunity(forum, categoryId);
    await flagPost(forum, answered.replyId);
    const queue = await mountQueue(forum, 'en', categoryId);

    expect(groups(queue)).to.deep.equal(['advisor-now', 'advisor-due', 'awaiting-confirmation', 'flagged-post']);
    expect(headings(queue)[0]).to.equal('Needs account access: act now (1 item)');
    expect(headings(queue)[1]).to.equal('Community time over, no accepted or confirmed answer (3 items)');
    expect(titles(queue, 'advisor-now')).to.deep.equal([urgent.title]);
    // Oldest first: asked 5 days ago, then 3, then 2.
    expect(titles(queue, 'advisor-due')).to.deep.equal(due.map((thread) => thread.title));
    expect(root(queue).querySelector('[data-kind="advisor-due"] [part="wait"]')!.textContent).to.match(/^Overdue by \d+ days? \d+ hr/);
    expect(titles(queue, 'awaiting-confirmation')).to.deep.equal([answered.title]);
    expect(root(queue).querySelector('[data-kind="flagged-post"] [part="flag-weight"]')!.textContent).to.match(/^Flag weight: \d+$/);
    // The member's reply made the thread "answered" (the server's rule): its status chip shares the class with the community-answer chip.
    const chips = [...root(queue).querySelectorAll('[data-kind="awaiting-confirmation"] [part="chip"].answered')].map((chip) => chip.textContent.trim());
    expect(chips).to.deep.equal(['Answered', 'Community answer']);
    await expectAccessible(queue);
  });

  it('speaks French', async () => {
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    await dueThreads(forum, categoryId);
    await answeredByCommunity(forum, categoryId);
    const queue = await mountQueue(forum, 'fr', categoryId);

    expect(headings(queue)[1]).to.equal('Délai communautaire dépassé, sans réponse acceptée ni confirmée (3 éléments)');
    expect(root(queue).querySelector('[data-kind="advisor-now"] [part="group-empty"]')!.textContent).to.equal('Rien dans ce groupe.');
    expect(root(queue).querySelector('[part="wait"]')!.textContent).to.match(/^En retard de \d+\sj \d+\sh/);
    expect(root(queue).querySelector('[part="countdown"]')!.textContent).to.match(/^Temps communauté restant : \d:\d\d:\d\d$/);
    expect(root(queue).querySelector('[part="shortcuts"]')!.textContent).to.contain('Raccourcis');
  });

  it('counts community time down every second, on the shared clock', async () => {
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    const thread = await answeredByCommunity(forum, categoryId);
    const queue = await mountQueue(forum, 'en', categoryId);
    const dueAt = Date.parse((await holdbackOf(forum, thread.id))!.dueAt);
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
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    const due = await dueThreads(forum, categoryId);
    const queue = await mountQueue(forum, 'en', categoryId);
    const links = [...root(queue).querySelectorAll<HTMLAnchorElement>('[part="title"]')];
    expect(links.map((a) => a.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(links[0]!.getAttribute('aria-keyshortcuts')).to.contain('j k');
    expect(links[0]!.getAttribute('href')).to.equal(`#/t/${due[0]!.id}`);

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
    expect(opened).to.deep.equal([due[1]!.id]);
  });

  it('u marks the focused thread urgent through the API, and again takes the mark off', async () => {
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    const youngest = (await dueThreads(forum, categoryId))[2]!;
    const queue = await mountQueue(forum, 'en', categoryId);
    root(queue).querySelector<HTMLAnchorElement>(`li[data-thread-id="${youngest.id}"] [part="title"]`)!.focus();

    await sendKeys({ press: 'u' });
    await waitUntil(() => titles(queue, 'advisor-now').includes(youngest.title), 'u did not mark the thread urgent', { timeout: 3000 });
    expect((await holdbackOf(forum, youngest.id))!.state).to.equal('advisor-now');
    expect(itemOf(queue, youngest.id)!.querySelector('[part="urgent"]')!.getAttribute('aria-pressed')).to.equal('true');

    itemOf(queue, youngest.id)!.querySelector<HTMLButtonElement>('[part="urgent"]')!.click();
    await waitUntil(() => !titles(queue, 'advisor-now').length, 'the urgent mark stayed', { timeout: 3000 });
    expect((await holdbackOf(forum, youngest.id))!.state).to.equal('advisor-due');
  });

  it('refreshes live when a member answers a new question', async () => {
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    await dueThreads(forum, categoryId);
    const queue = await mountQueue(forum, 'en', categoryId);
    await waitForLiveStream(forum);
    expect(titles(queue, 'awaiting-confirmation')).to.deep.equal([]);

    const thread = await answeredByCommunity(forum, categoryId, 'Question arrivée en direct');
    await waitUntil(() => titles(queue, 'awaiting-confirmation').includes(thread.title), 'the queue did not refresh', { timeout: 3000 });
  });

  it('filters by category, and by the categories my plan assigns now', async () => {
    const forum = await mockForum();
    const filtered = await newCategory(forum, 'filtered');
    const due = await dueThreads(forum, filtered);
    // Urgent threads come first in the whole queue: the plan's category shows within its one page.
    const planned = await newCategory(forum, 'planned');
    const urgent = [await urgentThread(forum, planned), await urgentThread(forum, planned, 'Compte bloqué après changement de carte')];
    const lea = await advisor(forum);
    const queue = await mountQueue(forum, 'en', 0, lea);
    const select = root(queue).querySelector<HTMLSelectElement>('[part="category-filter"]')!;
    await waitUntil(() => select.options.length > 1, 'no categories');

    select.value = String(filtered);
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => titles(queue).length === 3, 'the category filter did nothing', { timeout: 3000 });
    expect(titles(queue)).to.deep.equal(due.map((thread) => thread.title));
    expect(queue.getAttribute('category-id')).to.equal(String(filtered));

    select.value = '0';
    select.dispatchEvent(new Event('change'));
    await clientOf(lea).agent.setPlan({ slots: Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [planned] })) });
    root(queue).querySelector<HTMLInputElement>('[part="my-categories"]')!.click();
    await waitUntil(() => titles(queue).length === 2 && queue.myCategories, 'my categories now did nothing', { timeout: 3000 });
    expect(titles(queue)).to.deep.equal(urgent.map((thread) => thread.title));
  });

  it('follows the advisor’s weekly plan by default, until the advisor unchecks it', async () => {
    const forum = await mockForum();
    const planned = await newCategory(forum, 'planned');
    const urgent = [await urgentThread(forum, planned), await urgentThread(forum, planned, 'Compte bloqué après changement de carte')];
    const lea = await forum.member(DEMO_PEOPLE.technicalAdvisor);
    await clientOf(lea).agent.setPlan({ slots: Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [planned] })) });

    const queue = await mountQueue(forum, 'en', 0, lea);
    await waitUntil(() => queue.myCategories, 'the plan was not followed');

    const checkbox = root(queue).querySelector<HTMLInputElement>('[part="my-categories"]')!;
    expect(checkbox.checked).to.equal(true);
    // The server narrows the queue to the plan's categories: wait for that answer.
    await waitUntil(() => titles(queue).length === 2, 'the queue was not narrowed to the plan', { timeout: 3000 });
    expect(titles(queue)).to.deep.equal(urgent.map((thread) => thread.title));
    checkbox.click();
    await waitUntil(() => titles(queue).length > 2, 'unchecking did not show every category', { timeout: 3000 });
    expect(queue.myCategories).to.equal(false);
  });

  it('shows every category to an advisor without a plan', async () => {
    const forum = await mockForum();

    const queue = await mountQueue(forum, 'en');
    await waitUntil(() => titles(queue).length > 0, 'the queue never loaded');

    expect(queue.myCategories).to.equal(false);
    expect(titles(queue).length).to.be.greaterThan(2);
  });

  it('lists the experts of a thread in community time and notifies them', async () => {
    const forum = await mockForum();
    // A demo category, where members have had answers accepted: they are its experts.
    const { id: categoryId } = await pick<{ id: number }>(forum, `select id from categories where slug = 'assistance-technique'`);
    const thread = await answeredByCommunity(forum, categoryId);
    const lea = await advisor(forum);
    const [expert] = (await clientOf(lea).agent.experts({ threadId: thread.id })).items;
    expect(expert, 'the category has an expert').to.not.equal(undefined);
    const queue = await mountQueue(forum, 'en', categoryId, lea);
    const toggle = itemOf(queue, thread.id)!.querySelector<HTMLButtonElement>('[part="experts-toggle"]')!;

    toggle.click();
    await waitUntil(() => root(queue).querySelector('[part="expert"]'), 'no expert listed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root(queue).querySelector('[part="expert"]')!.textContent).to.contain(expert!.member.pseudonym);
    root(queue).querySelector<HTMLButtonElement>('[part="notify"]')!.click();
    await waitUntil(() => root(queue).querySelector('[part="experts"] [role="status"]'), 'no confirmation', { timeout: 3000 });
    expect(root(queue).querySelector('[part="experts"] [role="status"]')!.textContent).to.equal('Members notified.');
    await expectAccessible(queue);
  });

  it('shows thread titles as text: markup never runs', async () => {
    const forum = await mockForum();
    const categoryId = await newCategory(forum, 'queue');
    const payload = '<img src=x onerror="window.__agentXss=1"><script>window.__agentXss=2</script>';
    await answeredByCommunity(forum, categoryId, payload);
    const queue = await mountQueue(forum, 'en', categoryId);

    expect(titles(queue, 'awaiting-confirmation')).to.deep.equal([payload]);
    expect(root(queue).querySelector('img, script')).to.equal(null);
    expect((window as { __agentXss?: number }).__agentXss).to.equal(undefined);
  });

  it('says when the queue cannot load, and retries', async () => {
    const forum = await mockForum({ failures: { getAdvisorQueue: 500 } });
    const categoryId = await newCategory(forum, 'queue');
    await dueThreads(forum, categoryId);
    const queue = await mount<EntraideAgentQueue>(html`<entraide-agent-queue category-id=${categoryId}></entraide-agent-queue>`, { as: await advisor(forum), locale: 'en' });
    await waitUntil(() => root(queue).querySelector('[part="error"]'), 'no error state', { timeout: 3000 });
    expect(root(queue).querySelector('[part="error"]')!.textContent).to.contain('Loading failed.');

    delete forum.failures.getAdvisorQueue;
    root(queue).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    await waitUntil(() => titles(queue, 'advisor-due').length === 3, 'retry did not load the queue', { timeout: 3000 });
    expect(groups(queue)).to.deep.equal(['advisor-now', 'advisor-due', 'awaiting-confirmation', 'flagged-post']);
  });

  it('says when nothing waits', async () => {
    const forum = await mockForum();
    const quiet = await newCategory(forum, 'quiet');
    const queue = await mountQueue(forum, 'en');
    const select = root(queue).querySelector<HTMLSelectElement>('[part="category-filter"]')!;
    await waitUntil(() => select.options.length > 1, 'no categories');
    select.value = String(quiet);
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => root(queue).querySelector('[part="empty"]'), 'no empty state', { timeout: 3000 });
    expect(root(queue).querySelector('[part="empty"]')!.textContent).to.equal('Nothing waiting: the community has it covered.');
  });
});
