/**
 * <entraide-agent-queue> by group (issue 15, item 13): every group shows with its own count and
 * its own paging, so a long first group never hides the flags; and "my categories now" keeps
 * what the advisor chose, across live refreshes and reloads.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAgentQueue } from '../../src/components/agent-queue/agent-queue.ts';
import '../../src/components/agent-queue/agent-queue.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, type MockForum, type MockMember } from './helpers.ts';

const clientOf = (member: MockMember): EntraideClient => createEntraideClient({ baseUrl: '/api', token: member.token, retry: false });
const root = (queue: EntraideAgentQueue) => queue.shadowRoot!;
const heading = (queue: EntraideAgentQueue, kind: string) => root(queue).querySelector(`[data-kind="${kind}"] [part="group-heading"]`)!.textContent.replace(/\s+/g, ' ').trim();
const titles = (queue: EntraideAgentQueue, kind: string) => [...root(queue).querySelectorAll(`[data-kind="${kind}"] [part="title"]`)].map((a) => a.textContent.trim());
const more = (queue: EntraideAgentQueue, kind: string) => root(queue).querySelector<HTMLButtonElement>(`[data-kind="${kind}"] [part="more"]`);

async function newCategory(forum: MockForum, slug: string): Promise<number> {
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into categories (community_id, slug, name, description, position, holdback_minutes)
     select community_id, $1, jsonb_build_object('fr', 'Test ' || $1, 'en', 'Test ' || $1), '{}', 99, 180 from categories order by id limit 1 returning id`,
    [slug],
  );
  return id;
}

/** `count` questions of the asker, each made advisor-now by an advisor. */
async function urgentThreads(forum: MockForum, categoryId: number, count: number): Promise<string[]> {
  const asker = clientOf(await forum.member(DEMO_PEOPLE.asker));
  const advisor = clientOf(await forum.member(DEMO_PEOPLE.technicalAdvisor));
  const titles: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { thread } = await asker.threads.create({ categoryId, title: `Compte bloqué numéro ${index + 1}`, body: 'Je ne peux plus me connecter.' });
    await advisor.agent.markUrgent(thread.id);
    titles.push(thread.title);
  }
  return titles;
}

/** A community answer awaiting confirmation, whose reply is flagged. */
async function answeredAndFlagged(forum: MockForum, categoryId: number): Promise<string> {
  const { thread } = await clientOf(await forum.member(DEMO_PEOPLE.asker)).threads.create({ categoryId, title: 'Ma box redémarre la nuit', body: 'Une idée ?' });
  const reply = await clientOf(await forum.member(DEMO_PEOPLE.topHelper)).posts.reply(thread.id, { body: 'Désactivez la mise à jour automatique.' });
  await clientOf(await forum.member(DEMO_PEOPLE.englishMember)).posts.flag(reply.id, { reason: 'spam' });
  return thread.title;
}

const everyDay = (categoryId: number) => ({ slots: Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440, categoryIds: [categoryId] })) });

async function mountQueue(member: MockMember, options: { locale?: 'fr' | 'en'; categoryId?: number; pageSize?: number } = {}) {
  const queue = await mount<EntraideAgentQueue>(
    html`<entraide-agent-queue refresh-delay="50" category-id=${options.categoryId ?? 0} page-size=${options.pageSize ?? 20}></entraide-agent-queue>`,
    { as: member, locale: options.locale ?? 'en' },
  );
  await waitUntil(() => !root(queue).querySelector('[part="loading"]'), 'the queue never loaded');
  return queue;
}

describe('<entraide-agent-queue> groups and paging', () => {
  beforeEach(() => localStorage.clear());

  describe('in all categories', () => {
    it('shows the flags and the answers awaiting confirmation after a long first group, each with the whole group’s count', async function () {
      this.timeout(30_000); // the whole demo's queue, and axe over it
      const forum = await mockForum();
      const categoryId = await newCategory(forum, 'groups');
      await urgentThreads(forum, categoryId, 1);
      await answeredAndFlagged(forum, categoryId);
      const lea = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      await clientOf(lea).agent.setPlan({ slots: [] });
      const totals = (await clientOf(lea).agent.queue({ limit: 1 })).groups;

      const queue = await mountQueue(lea, { pageSize: 3 });

      for (const group of totals) {
        expect(root(queue).querySelectorAll(`[data-kind="${group.kind}"] [part="item"]`).length).to.equal(Math.min(3, group.total), group.kind);
        expect(heading(queue, group.kind)).to.contain(`(${group.total} item${group.total === 1 ? '' : 's'})`);
      }
      expect(totals.find((group) => group.kind === 'flagged-post')!.total).to.be.greaterThan(0);
      expect(totals.find((group) => group.kind === 'awaiting-confirmation')!.total).to.be.greaterThan(0);
      expect(titles(queue, 'advisor-due').length).to.equal(3);
      expect(more(queue, 'advisor-due')!.textContent.trim()).to.match(/^Show more \(3 of \d+\)$/);
      await expectAccessible(queue);
    });
  });

  describe('in one category', () => {
    it('pages each group on its own with “show more”, until the group is all shown', async () => {
      const forum = await mockForum();
      const categoryId = await newCategory(forum, 'paging');
      const urgent = await urgentThreads(forum, categoryId, 5);
      const answered = await answeredAndFlagged(forum, categoryId);
      const lea = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      await clientOf(lea).agent.setPlan({ slots: [] });
      const queue = await mountQueue(lea, { categoryId, pageSize: 2, locale: 'fr' });

      expect(heading(queue, 'advisor-now')).to.equal('Accès au compte nécessaire : à traiter tout de suite (5 éléments)');
      expect(titles(queue, 'advisor-now')).to.deep.equal(urgent.slice(0, 2));
      expect(titles(queue, 'awaiting-confirmation')).to.deep.equal([answered]);
      expect(titles(queue, 'flagged-post')).to.deep.equal([answered]);
      expect(more(queue, 'flagged-post')).to.equal(null);
      expect(more(queue, 'advisor-now')!.textContent.trim()).to.equal('Afficher la suite (2 sur 5)');

      more(queue, 'advisor-now')!.click();
      await waitUntil(() => titles(queue, 'advisor-now').length === 4, 'the second page did not come');
      more(queue, 'advisor-now')!.click();
      await waitUntil(() => titles(queue, 'advisor-now').length === 5, 'the last page did not come');
      expect(titles(queue, 'advisor-now')).to.deep.equal(urgent);
      expect(more(queue, 'advisor-now')).to.equal(null);
      expect(titles(queue, 'flagged-post')).to.deep.equal([answered]);
    });

    it('says so when the next page cannot load, and keeps what is shown', async () => {
      const forum = await mockForum();
      const categoryId = await newCategory(forum, 'paging');
      await urgentThreads(forum, categoryId, 3);
      const lea = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      await clientOf(lea).agent.setPlan({ slots: [] });
      const queue = await mountQueue(lea, { categoryId, pageSize: 2 });

      forum.failures.getAdvisorQueue = 500;
      more(queue, 'advisor-now')!.click();
      await waitUntil(() => root(queue).querySelector('[data-kind="advisor-now"] [role="alert"]'), 'no error');
      expect(root(queue).querySelector('[data-kind="advisor-now"] [role="alert"]')!.textContent).to.equal('The next items could not be loaded: try again.');
      expect(titles(queue, 'advisor-now').length).to.equal(2);
      delete forum.failures.getAdvisorQueue;
    });
  });

  describe('“my categories now”', () => {
    it('keeps the advisor’s choice across live refreshes and a reload', async () => {
      const forum = await mockForum();
      const planned = await newCategory(forum, 'planned');
      await urgentThreads(forum, planned, 1);
      const lea = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      await clientOf(lea).agent.setPlan(everyDay(planned));

      const queue = await mountQueue(lea);
      await waitUntil(() => queue.myCategories, 'the plan was not followed');
      root(queue).querySelector<HTMLInputElement>('[part="my-categories"]')!.click();
      expect(queue.myCategories).to.equal(false);

      // A live change refetches the queue (and the plan): the choice stays.
      await urgentThreads(forum, planned, 1);
      await queue.refresh();
      expect(queue.myCategories).to.equal(false);

      const reloaded = await mountQueue(lea);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(reloaded.myCategories).to.equal(false);
      expect(root(reloaded).querySelector<HTMLInputElement>('[part="my-categories"]')!.checked).to.equal(false);

      root(reloaded).querySelector<HTMLInputElement>('[part="my-categories"]')!.click();
      const again = await mountQueue(lea);
      await waitUntil(() => again.myCategories, 'checking it again was not kept');
    });
  });
});
