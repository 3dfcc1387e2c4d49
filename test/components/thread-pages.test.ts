import { expect, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { EntraidePost } from '../../src/components/post/post.ts';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
import { LIMITS } from '../../src/core/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, waitForDeep, waitForLiveStream, type MockForum } from './helpers.ts';

interface LongThread {
  id: number;
  /** The question's id then every reply's, oldest first. */
  postIds: number[];
}

/**
 * A thread longer than any of the demo's: the asker's question and `replies` replies by three
 * helpers, a minute apart and all in the past, the solution far down when `acceptedIndex` says
 * where. Written straight into the database (thousands of replies through the API would take
 * too long); `mockForum()` puts the community back before the next test.
 */
async function longThread(forum: MockForum, replies: number, acceptedIndex?: number): Promise<LongThread> {
  const asker = await forum.member(DEMO_PEOPLE.asker);
  const helpers = await Promise.all([DEMO_PEOPLE.topHelper, DEMO_PEOPLE.secondHelper, DEMO_PEOPLE.englishMember].map((name) => forum.member(name)));
  const { id: categoryId } = await pick<{ id: number }>(forum, `select id from categories where slug = 'assistance-technique'`);
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into threads (category_id, author_id, title, status, locale, excerpt, reply_count, created_at, last_post_at)
     values ($1, $2, 'La box redémarre toute seule', 'open', 'fr', 'La box redémarre toute seule, qui a le même souci ?', $3,
             now() - make_interval(mins => $3 + 10), now() - interval '10 minutes')
     returning id`,
    [categoryId, asker.id, replies],
  );
  const rows = await forum.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at)
     select $1, case when i = 0 then $2 else ($3::int[])[i % 3 + 1] end, case when i = 0 then 'question' else 'reply' end,
            case when i = 0 then 'La box redémarre toute seule, qui a le même souci ?' else 'Réponse ' || i end,
            case when i = 0 then '<p>La box redémarre toute seule, qui a le même souci ?</p>' else '<p>Réponse ' || i || '</p>' end,
            now() - make_interval(mins => $4 + 10 - i)
       from generate_series(0, $4) as i order by i
     returning id`,
    [id, asker.id, helpers.map((helper) => helper.id), replies],
  );
  const postIds = rows.map((row) => row.id).sort((a, b) => a - b);
  if (acceptedIndex !== undefined) {
    await forum.db.query(`update threads set status = 'solved', accepted_post_id = $2 where id = $1`, [id, postIds[acceptedIndex]]);
  }
  return { id, postIds };
}

const shownIds = (thread: EntraideThread) =>
  [...thread.shadowRoot!.querySelectorAll<EntraidePost>('[part="posts"] entraide-post')].map((p) => p.post!.id);
const moreButton = (thread: EntraideThread) => thread.shadowRoot!.querySelector<HTMLAnchorElement>('[part="more"] a');

describe('<entraide-thread> with a long thread', () => {
  it('renders the first page only, and says how many posts are not shown yet', async function () {
    this.timeout(20_000); // writing 2,001 posts into the page's PGlite took 2.5 s on the shared 2-core machine
    const forum = await mockForum();
    const long = await longThread(forum, 2_000);

    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');

    expect(shownIds(thread)).to.deep.equal(long.postIds.slice(0, LIMITS.postPageDefault));
    expect(moreButton(thread)!.textContent.trim()).to.equal(`Show more posts (${(2_001 - LIMITS.postPageDefault).toLocaleString('en')} not shown yet)`);
    expect(thread.shadowRoot!.textContent).to.include('2,000 replies');
  });

  it('loads the next page from the button, in order, without repeats, keeping focus on the button', async () => {
    const forum = await mockForum();
    const long = await longThread(forum, 120);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'fr' });
    await waitForDeep(thread, 'entraide-post');

    moreButton(thread)!.focus();
    moreButton(thread)!.click();
    await waitUntil(() => shownIds(thread).length > LIMITS.postPageDefault, 'second page', { timeout: 3000 });

    const ids = shownIds(thread);
    expect(ids).to.deep.equal(long.postIds.slice(0, ids.length));
    expect(thread.shadowRoot!.activeElement === moreButton(thread), 'focus kept on the button').to.equal(true);
  });

  it('loads by itself when the reader scrolls near the end, until everything is shown', async () => {
    const forum = await mockForum();
    const long = await longThread(forum, 120);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');

    while (moreButton(thread)) {
      const shown = shownIds(thread).length;
      moreButton(thread)!.scrollIntoView();
      await waitUntil(() => shownIds(thread).length > shown, `scrolling near the end loaded nothing after ${shown} posts`, { timeout: 3000 });
    }

    expect(shownIds(thread)).to.deep.equal(long.postIds);
    expect(shownIds(thread)).to.have.length(121);
    expect(moreButton(thread) === null, 'no button once everything is shown').to.equal(true);
  });

  it('keeps the next page\'s room, so what follows the thread stays put when its posts arrive', async () => {
    const forum = await mockForum();
    const long = await longThread(forum, 60);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');
    const more = thread.shadowRoot!.querySelector<HTMLElement>('[part="more"]')!;
    // Measured once the posts near the viewport are laid out, then two frames to settle.
    await waitUntil(() => more.style.minHeight !== '', 'the room measured', { timeout: 3000 });
    await nextFrame();
    await nextFrame();
    const list = thread.shadowRoot!.querySelector<HTMLElement>('[part="posts"]')!;
    const reply = thread.shadowRoot!.querySelector<HTMLElement>('[part="reply"]')!;
    // Where the reply box sits under the first post, and how tall the list is.
    const measure = () => ({ reply: reply.getBoundingClientRect().top - list.getBoundingClientRect().top, list: list.offsetHeight });
    const before = measure();

    moreButton(thread)!.click();
    await waitUntil(() => !moreButton(thread), 'the last page', { timeout: 3000 });
    await nextFrame();
    const after = measure();

    const added = after.list - before.list;
    expect(added, 'the 11 posts of the last page').to.be.above(500);
    expect(Math.abs(after.reply - before.reply), `moved ${after.reply - before.reply} px for ${added} px of posts`).to.be.below(added * 0.1);
  });

  it('pins an accepted solution that lies on a later page', async () => {
    const forum = await mockForum();
    const long = await longThread(forum, 300, 250);

    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, '[part="solution"] entraide-post');

    const pinned = thread.shadowRoot!.querySelector<EntraidePost>('[part="solution"] entraide-post')!;
    expect(pinned.post!.id).to.equal(long.postIds[250]);
    expect(shownIds(thread)).not.to.include(long.postIds[250]);
  });

  it('shows a retry when a page fails, then loads it', async () => {
    const forum = await mockForum();
    const long = await longThread(forum, 80);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');
    // 503 is retried twice by the SDK, with backoff, before the element hears of it.
    forum.failures.listThreadPosts = 503;

    moreButton(thread)!.click();
    await waitUntil(() => thread.shadowRoot!.querySelector('[part="more"] [role="alert"]'), 'error shown', { timeout: 3000 });
    expect(moreButton(thread)!.textContent.trim()).to.equal('Retry');
    delete forum.failures.listThreadPosts;
    moreButton(thread)!.click();

    await waitUntil(() => shownIds(thread).length === 81, 'all posts after retry', { timeout: 3000 });
    expect(shownIds(thread)).to.deep.equal(long.postIds);
  });

  it('keeps a live reply out of sight until the last page, then shows it once at the end', async () => {
    const forum = await mockForum();
    const long = await longThread(forum, 60);
    const helper = await forum.member(DEMO_PEOPLE.secondHelper);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'en' });
    await waitForDeep(thread, 'entraide-post');
    await waitForLiveStream(forum);

    const live = await createEntraideClient({ baseUrl: '/api', token: helper.token }).posts.reply(long.id, { body: 'Nouvelle réponse en direct' });
    await waitUntil(() => thread.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent !== '', 'announced', { timeout: 3000 });
    expect(shownIds(thread)).not.to.include(live.id);
    moreButton(thread)!.click();

    await waitUntil(() => shownIds(thread).at(-1) === live.id, 'live reply at the end', { timeout: 3000 });
    expect(shownIds(thread).filter((id) => id === live.id)).to.have.length(1);
  });

  it('has no axe-core violation with the "show more" button', async function () {
    this.timeout(30_000); // axe walks 50 posts and their shadow roots
    const forum = await mockForum();
    const long = await longThread(forum, 70);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${long.id}></entraide-thread>`, { locale: 'fr' });
    await waitForDeep(thread, 'entraide-post');

    await expectAccessible(thread);
  });
});
