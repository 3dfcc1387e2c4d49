import { expect, html } from '@open-wc/testing';
import type { EntraideCategoryList } from '../../src/components/category-list/category-list.ts';
import '../../src/components/category-list/category-list.ts';
import { defaultFixtures } from '../../src/mocks/index.ts';
import { expectAccessible, mockForum, mount, queryAllDeep, textOf, useMockWorker, waitForDeep, waitForText } from './helpers.ts';

describe('<entraide-category-list>', () => {
  useMockWorker();

  it('lists the categories with counts and links to their threads', async () => {
    mockForum();

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });
    await waitForDeep(list, '[part="item"]');

    const items = queryAllDeep(list, '[part="item"]');
    expect(items).to.have.length(4);
    const technical = items.find((item) => item.textContent.includes('Technical help'))!;
    expect(textOf(technical)).to.contain('3 threads');
    expect(textOf(technical)).to.contain('8 posts');
    expect(technical.querySelector('a')!.getAttribute('href')).to.equal('#/categories/3');
  });

  it('says when a category has had no activity', async () => {
    mockForum();

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'fr' });
    await waitForDeep(list, '[part="item"]');

    const network = queryAllDeep(list, '[part="item"]').find((item) => item.dataset.categoryId === '4')!;
    expect(textOf(network)).to.contain('0 discussion');
    expect(textOf(network)).to.contain('Aucune activité');
  });

  it('shows a loading state, then the list', async () => {
    mockForum({ latency: 150 });

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });

    expect(list.shadowRoot!.querySelector('[part="loading"]')!.textContent).to.equal('Loading…');
    await waitForDeep(list, '[part="list"]');
  });

  it('shows an empty state when there is no category', async () => {
    const fixtures = defaultFixtures();
    fixtures.categories = [];
    fixtures.threads = [];
    mockForum({ fixtures });

    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });

    await waitForText(list, 'There are no categories yet.');
  });

  it('shows an error with a retry that works', async () => {
    const mock = mockForum({ failures: { getCommunity: 'network' } });
    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });
    const retry = await waitForDeep<HTMLButtonElement>(list, '[part="retry"]');
    expect(textOf(list)).to.contain('The server could not be reached');

    delete mock.failures.getCommunity;
    retry.click();

    await waitForDeep(list, '[part="item"]');
  });

  it('has no axe-core violation', async () => {
    mockForum();
    const list = await mount<EntraideCategoryList>(html`<entraide-category-list></entraide-category-list>`, { locale: 'en' });
    await waitForDeep(list, '[part="item"]');

    await expectAccessible(list);
  });
});
