import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraidePost } from '../../src/components/post/post.ts';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
import { LIMITS } from '../../src/core/index.ts';
import { defaultFixtures, type Fixtures, type PostFixture } from '../../src/mocks/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, useMockWorker, waitForDeep, waitForLiveStream } from './helpers.ts';

const LONG = 900;

/** The sample community plus thread 900: a question and `replies` replies, the solution far down. */
function longThread(replies: number, acceptedIndex?: number): Fixtures {
  const fixtures = defaultFixtures();
  const start = Date.parse('2026-11-01T08:00:00Z');
  const posts: PostFixture[] = Array.from({ length: replies + 1 }, (_, i) => ({
    id: 50_000 + i,
    authorId: i === 0 ? MEMBERS.nadia : [MEMBERS.pix37, MEMBERS.rosier, MEMBERS.sam][i % 3]!,
    createdAt: new Date(start + i * 60_000).toISOString(),
    body: i === 0 ? 'La box redémarre toute seule, qui a le même souci ?' : `Réponse ${i}`,
  }));
  const acceptedPostId = acceptedIndex === undefined ? undefined : 50_000 + acceptedIndex;
  fixtures.threads.push({ id: LONG, categoryId: 3, title: 'La box redémarre toute seule', status: acceptedPostId ? 'solved' : 'open', locale: 'fr', acceptedPostId, posts });
  return fixtures;
}

const shownIds = (thread: EntraideThread) =>
  [...thread.shadowRoot!.querySelectorAll<EntraidePost>('[part="posts"] entraide-post')].map((p) => p.post!.id);
const moreButton = (thread: EntraideThread) => thread.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"] button');

describe('<entraide-thread> with a long thread', () => {
  useMockWorker();

  it('renders the first page only, and says how many posts are not shown yet', async () => {
    mockForum({ fixtures: longThread(2_000) });

    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');

    expect(shownIds(thread)).to.have.length(LIMITS.postPageDefault);
    expect(moreButton(thread)!.textContent.trim()).to.equal(`Show more posts (${(2_001 - LIMITS.postPageDefault).toLocaleString('en')} not shown yet)`);
    expect(thread.shadowRoot!.textContent).to.include('2,000 replies');
  });

  it('loads the next page from the button, in order, without repeats, keeping focus on the button', async () => {
    mockForum({ fixtures: longThread(120) });
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'fr' });
    await waitForDeep(thread, 'entraide-post');

    moreButton(thread)!.focus();
    moreButton(thread)!.click();
    await waitUntil(() => shownIds(thread).length > LIMITS.postPageDefault, 'second page');

    const ids = shownIds(thread);
    expect(ids).to.deep.equal(Array.from({ length: ids.length }, (_, i) => 50_000 + i));
    expect(thread.shadowRoot!.activeElement === moreButton(thread), 'focus kept on the button').to.equal(true);
  });

  it('loads by itself when the reader scrolls near the end, until everything is shown', async () => {
    mockForum({ fixtures: longThread(120) });
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');

    while (moreButton(thread)) {
      const shown = shownIds(thread).length;
      moreButton(thread)!.scrollIntoView();
      await waitUntil(() => shownIds(thread).length > shown, `scrolling near the end loaded nothing after ${shown} posts`, { timeout: 3000 });
    }

    expect(shownIds(thread)).to.have.length(121);
    expect(moreButton(thread) === null, 'no button once everything is shown').to.equal(true);
  });

  it('pins an accepted solution that lies on a later page', async () => {
    mockForum({ fixtures: longThread(300, 250) });

    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, '[part="solution"] entraide-post');

    const pinned = thread.shadowRoot!.querySelector<EntraidePost>('[part="solution"] entraide-post')!;
    expect(pinned.post!.id).to.equal(50_250);
    expect(shownIds(thread)).not.to.include(50_250);
  });

  it('shows a retry when a page fails, then loads it', async () => {
    const forum = mockForum({ fixtures: longThread(80) });
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');
    forum.failures.listThreadPosts = 503;

    moreButton(thread)!.click();
    await waitUntil(() => thread.shadowRoot!.querySelector('[part="more"] [role="alert"]'), 'error shown');
    expect(moreButton(thread)!.textContent.trim()).to.equal('Retry');
    delete forum.failures.listThreadPosts;
    moreButton(thread)!.click();

    await waitUntil(() => shownIds(thread).length === 81, 'all posts after retry');
  });

  it('keeps a live reply out of sight until the last page, then shows it once at the end', async () => {
    const forum = mockForum({ fixtures: longThread(60) });
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');
    await waitForLiveStream(forum);

    const live = forum.store.reply({ role: 'member', memberId: MEMBERS.rosier }, LONG, { body: 'Nouvelle réponse en direct' });
    await waitUntil(() => thread.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent !== '', 'announced');
    expect(shownIds(thread)).not.to.include(live.id);
    moreButton(thread)!.click();

    await waitUntil(() => shownIds(thread).at(-1) === live.id, 'live reply at the end');
    expect(shownIds(thread).filter((id) => id === live.id)).to.have.length(1);
  });

  it('has no axe-core violation with the "show more" button', async function () {
    this.timeout(30_000); // axe walks 50 posts and their shadow roots
    mockForum({ fixtures: longThread(70) });
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${LONG}></entraide-thread>`, { locale: 'fr' });
    await waitForDeep(thread, 'entraide-post');

    await expectAccessible(thread);
  });
});
