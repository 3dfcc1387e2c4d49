import { expect, html } from '@open-wc/testing';
import type { EntraideCategoryList } from '../../src/components/category-list/category-list.ts';
import '../../src/components/category-list/category-list.ts';
import { expectAccessible, mockForum, mount, pick, queryAllDeep, textOf, waitForDeep, waitForText } from './helpers.ts';

describe('<entraide-category-list>', () => {
  it('lists the categories with counts and links to their threads', async () => {
    const forum = await mockForum();
    const { categories } = await pick<{ categories: number }>(forum, 'select count(*)::int as categories from categories');
    const busiest = await pick<{ id: number; slug: string; name: string; threads: number; posts: number }>(
      forum,
      `select id, slug, name->>'en' as name, thread_count as threads, post_count as posts from categories order by post_count desc limit 1`,
    );

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });
    await waitForDeep(list, '[part="item"]');

    const items = queryAllDeep(list, '[part="item"]');
    expect(items).to.have.length(categories);
    const item = items.find((candidate) => candidate.dataset.categoryId === String(busiest.id))!;
    expect(textOf(item)).to.contain(busiest.name);
    expect(textOf(item)).to.contain(`${busiest.threads} threads`);
    expect(textOf(item)).to.contain(`${busiest.posts} posts`);
    expect(item.querySelector('a')!.getAttribute('href')).to.equal(`#/c/${busiest.slug}`);
  });

  it('says when a category has had no activity', async () => {
    const forum = await mockForum();
    const quiet = await pick<{ id: number }>(
      forum,
      `insert into categories (community_id, slug, name, position)
       select id, 'nouvelle', '{"fr": "Nouvelle rubrique", "en": "New section"}', 99 from communities limit 1 returning id`,
    );

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'fr' });
    await waitForDeep(list, '[part="item"]');

    const network = queryAllDeep(list, '[part="item"]').find((item) => item.dataset.categoryId === String(quiet.id))!;
    expect(textOf(network)).to.contain('0 discussion');
    expect(textOf(network)).to.contain('Aucune activité');
  });

  it('shows a loading state, then the list', async () => {
    await mockForum({ latency: 150 });

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });

    expect(list.shadowRoot!.querySelector('[part="loading"]')!.textContent).to.equal('Loading…');
    await waitForDeep(list, '[part="list"]');
  });

  it('shows an empty state when there is no category', async () => {
    const forum = await mockForum();
    // A brand's community before its first category: the demo's categories moved to another community.
    await forum.db.query(`insert into communities (slug, name) values ('autre', 'Autre') returning id`).then(([row]) =>
      forum.db.query('update categories set community_id = $1', [(row as { id: number }).id]));

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });

    await waitForText(list, 'There are no categories yet.');
  });

  it('shows an error with a retry that works', async () => {
    const mock = await mockForum({ failures: { getCommunity: 'network' } });
    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });
    const retry = await waitForDeep<HTMLButtonElement>(list, '[part="retry"]');
    expect(textOf(list)).to.contain('The server could not be reached');

    delete mock.failures.getCommunity;
    retry.click();

    await waitForDeep(list, '[part="item"]');
  });

  it('has no axe-core violation', async () => {
    await mockForum();
    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });
    await waitForDeep(list, '[part="item"]');

    await expectAccessible(list);
  });
});
