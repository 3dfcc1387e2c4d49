/**
 * A forum given what a server-rendered page was rendered from (`.seed`): the categories, a
 * category's list (its first page or a later one), a thread and an FAQ article show at once and
 * send no request for what the seed holds; a seed for something else is not used, and a reader
 * who signs in gets their own view, fetched with their token.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import type { ForumSeed } from '../../src/components/internal/seed.ts';
import type { Community, FaqArticle, FaqRelated, ThreadDetail, ThreadPage } from '../../src/sdk/types.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, queryDeep, textOf, waitForDeep, worker, type MockForum } from './helpers.ts';

interface Seen {
  method: string;
  path: string;
  signedIn: boolean;
}

/** Every request the page sends from now on. */
function watchRequests(): Seen[] {
  const seen: Seen[] = [];
  worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) seen.push({ method: request.method, path: url.pathname + url.search, signedIn: request.headers.has('authorization') });
  });
  return seen;
}

/** What a seed answers for: the community, thread lists, threads, FAQ articles. */
const READS = /^\/api\/(community|threads|faq\/)/;
const reads = (seen: Seen[]) => seen.filter((request) => request.method === 'GET' && READS.test(request.path)).map((request) => request.path);

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

async function seedFor(path: string, parts: Partial<Pick<ForumSeed, 'thread' | 'threads' | 'faq'>> = {}): Promise<ForumSeed> {
  return { locale: 'en', path, community: await get<Community>('/api/community?locale=en'), ...parts };
}

function view(forum: EntraideForum): HTMLElement {
  return forum.shadowRoot!.querySelector<HTMLElement>('.view')!.firstElementChild as HTMLElement;
}

/** The route as the page's address says, then the forum with its seed; returns once the view has done its first update. */
async function mountAt(route: string, seed: ForumSeed): Promise<EntraideForum> {
  history.replaceState(null, '', `${location.pathname}${location.search}#${route}`);
  const forum = await mount<EntraideForum>(html`<entraide-forum locale="en" .seed=${seed}></entraide-forum>`);
  await waitUntil(() => customElements.get(view(forum).localName), 'the view\'s element is never defined', { timeout: 5000 });
  await (view(forum) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return forum;
}

/** Long enough for a task that would run to have sent its request. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

function threadOf(mock: MockForum, offset = 0): Promise<{ id: number; title: string; category_id: number }> {
  return pick(mock, 'select id, title, category_id from threads where merged_into_id is null and status <> \'archived\' order by last_post_at desc, id desc limit 1 offset $1', [offset]);
}

describe('<entraide-forum> given a seed', () => {
  beforeEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));
  afterEach(() => {
    worker.events.removeAllListeners('request:start');
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('shows the categories at once, with no request for them', async () => {
    await mockForum();
    const seed = await seedFor('/');
    const seen = watchRequests();
    const forum = await mountAt('/', seed);
    const list = view(forum);
    expect(list.localName).to.equal('entraide-category-list');
    for (const category of seed.community.categories) expect(textOf(list), 'rendered with the first update').to.contain(category.name);
    await settle();
    expect(reads(seen)).to.deep.equal([]);
    await expectAccessible(forum);
  });

  it('shows a thread at once, with no request for it', async () => {
    const mock = await mockForum();
    const thread = await threadOf(mock);
    const detail = await get<ThreadDetail>(`/api/threads/${thread.id}?locale=en`);
    const seed = await seedFor(`/t/${thread.id}`, { thread: { detail, page: 1 } });
    const seen = watchRequests();
    const forum = await mountAt(`/t/${thread.id}`, seed);
    const shown = view(forum);
    expect(queryDeep(shown, '[part="heading"]')?.textContent).to.equal(thread.title);
    expect(shown.shadowRoot!.querySelectorAll('ol[part="posts"] > li').length).to.equal(detail.posts.length);
    expect(queryDeep(shown, '[part="loading"]'), 'never a loading state').to.equal(undefined);
    await settle();
    expect(reads(seen)).to.deep.equal([]);
  });

  it('fetches a thread the seed is not about', async () => {
    const mock = await mockForum();
    const [seeded, other] = [await threadOf(mock, 0), await threadOf(mock, 1)];
    const seed = await seedFor(`/t/${seeded.id}`, { thread: { detail: await get<ThreadDetail>(`/api/threads/${seeded.id}?locale=en`), page: 1 } });
    const seen = watchRequests();
    const forum = await mountAt(`/t/${other.id}`, seed);
    await waitUntil(() => queryDeep(view(forum), '[part="heading"]')?.textContent === other.title, 'the other thread never showed', { timeout: 5000 });
    expect(reads(seen).some((path) => path.startsWith(`/api/threads/${other.id}`))).to.equal(true);
    expect(textOf(view(forum))).not.to.contain(seeded.title);
  });

  it('refetches the thread with the reader\'s token when they sign in', async () => {
    const mock = await mockForum();
    const thread = await threadOf(mock);
    const seed = await seedFor(`/t/${thread.id}`, { thread: { detail: await get<ThreadDetail>(`/api/threads/${thread.id}?locale=en`), page: 1 } });
    const seen = watchRequests();
    const forum = await mountAt(`/t/${thread.id}`, seed);
    expect(queryDeep(view(forum), '[part="follow"]'), 'a guest has no follow button').to.equal(undefined);
    await forum.setToken((await mock.member(DEMO_PEOPLE.asker)).token);
    await waitForDeep(view(forum), '[part="follow"]', 'the member\'s view never came');
    const refetched = () => seen.some((request) => request.signedIn && request.method === 'GET' && new RegExp(`^/api/threads/${thread.id}(\\?|$)`).test(request.path));
    await waitUntil(refetched, 'the thread is never asked again with the reader\'s token', { timeout: 5000 });
    expect(queryDeep(view(forum), '[part="heading"]')?.textContent).to.equal(thread.title);
  });

  describe('a category\'s list', () => {
    async function seededList(mock: MockForum, cursor?: string) {
      const { category_id: categoryId } = await threadOf(mock);
      const { slug } = await pick<{ slug: string }>(mock, 'select slug from categories where id = $1', [categoryId]);
      const first = await get<ThreadPage>(`/api/threads?categoryId=${categoryId}&limit=20&filter=all&sort=activity`);
      const page = cursor === undefined ? first : await get<ThreadPage>(`/api/threads?categoryId=${categoryId}&limit=20&filter=all&sort=activity&cursor=${cursor}`);
      return { categoryId, slug, first, page };
    }

    it('shows its first page at once, with no request, and "Load more" links the next page', async () => {
      const mock = await mockForum();
      const { categoryId, slug, first } = await seededList(mock);
      expect(first.nextCursor, 'the demo category has a second page').to.be.a('string');
      const seed = await seedFor(`/c/${slug}`, { threads: { categoryId, items: first.items, nextCursor: first.nextCursor } });
      const seen = watchRequests();
      const forum = await mountAt(`/c/${slug}`, seed);
      const list = view(forum);
      expect(list.shadowRoot!.querySelectorAll('li[part="item"]').length).to.equal(first.items.length);
      const more = list.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="load-more"]')!;
      expect(more.getAttribute('href'), 'a link that works with JavaScript off').to.equal(`#/c/${slug}?cursor=${first.nextCursor}`);
      await settle();
      expect(reads(seen)).to.deep.equal([]);

      more.focus();
      more.click();
      await waitUntil(() => list.shadowRoot!.querySelectorAll('li[part="item"]').length > first.items.length, 'the next page never came', { timeout: 5000 });
      expect(location.hash, 'loaded here: the address stays').to.equal(`#/c/${slug}`);
      expect(reads(seen)).to.deep.equal([`/api/threads?categoryId=${categoryId}&limit=20&filter=all&sort=activity&cursor=${first.nextCursor}`]);
      const firstNew = list.shadowRoot!.querySelectorAll<HTMLAnchorElement>('li a.title')[first.items.length]!;
      expect(list.shadowRoot!.activeElement, 'the keyboard goes on from the first new thread').to.equal(firstNew);
    });

    it('shows a later page (?cursor=) from its seed, and fetches the first page when that is asked instead', async () => {
      const mock = await mockForum();
      const { categoryId, slug, first } = await seededList(mock);
      const { page } = await seededList(mock, first.nextCursor!);
      const seed = await seedFor(`/c/${slug}?cursor=${first.nextCursor}`, { threads: { categoryId, cursor: first.nextCursor!, items: page.items, nextCursor: page.nextCursor } });
      let seen = watchRequests();
      let forum = await mountAt(`/c/${slug}?cursor=${first.nextCursor}`, seed);
      expect(textOf(view(forum))).to.contain(page.items[0]!.title);
      await settle();
      expect(reads(seen)).to.deep.equal([]);
      forum.remove();
      worker.events.removeAllListeners('request:start');

      seen = watchRequests();
      forum = await mountAt(`/c/${slug}`, seed);
      await waitUntil(() => textOf(view(forum)).includes(first.items[0]!.title), 'the first page never showed', { timeout: 5000 });
      expect(reads(seen)).to.include(`/api/threads?categoryId=${categoryId}&limit=20&filter=all&sort=activity`);
    });

    it('starts another order of a later page from its top', async () => {
      const mock = await mockForum();
      const { categoryId, slug, first } = await seededList(mock);
      const { page } = await seededList(mock, first.nextCursor!);
      const seed = await seedFor(`/c/${slug}?cursor=${first.nextCursor}`, { threads: { categoryId, cursor: first.nextCursor!, items: page.items, nextCursor: page.nextCursor } });
      const newest = await get<ThreadPage>(`/api/threads?categoryId=${categoryId}&limit=20&filter=all&sort=newest`);
      const seen = watchRequests();
      const forum = await mountAt(`/c/${slug}?cursor=${first.nextCursor}`, seed);
      const sort = view(forum).shadowRoot!.querySelector<HTMLSelectElement>('[part="sort"]')!;
      sort.value = 'newest';
      sort.dispatchEvent(new Event('change'));
      await waitUntil(() => textOf(view(forum)).includes(newest.items[0]!.title), 'the newest questions never showed', { timeout: 5000 });
      expect(queryDeep(view(forum), '[part="error"]'), 'a cursor of the other order would be refused').to.equal(undefined);
      expect(reads(seen)).to.deep.equal([`/api/threads?categoryId=${categoryId}&limit=20&filter=all&sort=newest`]);
    });
  });

  it('shows an FAQ article at once, with no request for it', async () => {
    const mock = await mockForum();
    const { slug } = await pick<{ slug: string }>(mock, 'select slug from faq_articles where locale = \'en\' order by id limit 1');
    const article = await get<FaqArticle>(`/api/faq/${slug}?locale=en`);
    const { items: related } = await get<FaqRelated>(`/api/faq/${slug}/related?locale=en&limit=5`);
    const seed = await seedFor(`/faq/${slug}`, { faq: { slug, article, related } });
    const seen = watchRequests();
    const forum = await mountAt(`/faq/${slug}`, seed);
    expect(textOf(view(forum))).to.contain(article.title);
    await settle();
    expect(reads(seen)).to.deep.equal([]);
    await expectAccessible(forum);
  });
});
