/**
 * Staff's lifecycle changes, live, as readers' elements show them: a member's thread list drops
 * a thread moved to another category or merged away, a thread follows its merge to the target,
 * and a post restored after a hide comes back. Over the mocks (the server's own domain code).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraidePost } from '../../src/components/post/post.ts';
import type { EntraideThreadList } from '../../src/components/thread-list/thread-list.ts';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread-list/thread-list.ts';
import '../../src/components/thread/thread.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, waitForDeep, waitForLiveStream, type MockForum } from './helpers.ts';

const as = (member: { token: string }): EntraideClient => createEntraideClient({ baseUrl: '/api', token: member.token, retry: false });

/** A new, empty category named `slug`: the list shows only what the test asks. */
async function freshCategory(forum: MockForum, slug: string): Promise<number> {
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into categories (community_id, slug, name, description, position)
     select community_id, '${slug}', '{"fr": "En direct", "en": "Live"}', '{}', 99 from categories order by id limit 1 returning id`,
  );
  return id;
}

const listed = (list: EntraideThreadList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')].map((item) => Number(item.dataset.threadId));
const postIds = (thread: EntraideThread) => [...thread.shadowRoot!.querySelectorAll<EntraidePost>('[part="posts"] entraide-post')].map((post) => post.post!.id);

describe('staff moderation, live', function () {
  // Each waits for several live round trips over the mocks, and axe: past mocha's 5 s.
  this.timeout(20_000);

  it('a member’s list drops a thread moved to another category, then one merged away (en)', async () => {
    const forum = await mockForum();
    const [here, elsewhere] = [await freshCategory(forum, 'tests-ici'), await freshCategory(forum, 'tests-ailleurs')];
    const askerMember = await forum.member(DEMO_PEOPLE.asker);
    const asker = as(askerMember);
    const moderator = as(await forum.member(DEMO_PEOPLE.moderator));
    const moved = (await asker.threads.create({ categoryId: here, title: 'My line drops at night', body: 'Hello, any idea why?' })).thread.id;
    const merged = (await asker.threads.create({ categoryId: here, title: 'Line drops every evening', body: 'Same question, asked twice.' })).thread.id;
    const kept = (await asker.threads.create({ categoryId: here, title: 'Roaming in Spain', body: 'Does my plan cover Spain?' })).thread.id;
    const target = (await asker.threads.create({ categoryId: elsewhere, title: 'Evening drops, the answer', body: 'Where the answers go.' })).thread.id;

    const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${here}></entraide-thread-list>`, { locale: 'en', as: askerMember, width: '360px' });
    await waitUntil(() => listed(list).length === 3, 'the three threads never showed');
    await waitForLiveStream(forum);

    await moderator.threads.move(moved, { categoryId: elsewhere, reason: 'Network question' });
    await waitUntil(() => !listed(list).includes(moved), 'the moved thread stayed in the list it left', { timeout: 5000 });
    expect(listed(list).sort()).to.deep.equal([merged, kept].sort());

    await moderator.threads.merge(merged, { intoThreadId: target, reason: 'Duplicate' });
    await waitUntil(() => !listed(list).includes(merged), 'the merged thread stayed', { timeout: 5000 });
    expect(listed(list)).to.deep.equal([kept]);
    await expectAccessible(list);
  });

  it('a thread follows its merge to the target, and a restored post comes back (fr)', async () => {
    const forum = await mockForum();
    const category = await freshCategory(forum, 'tests-fusion');
    const asker = as(await forum.member(DEMO_PEOPLE.asker));
    const helper = as(await forum.member(DEMO_PEOPLE.secondHelper));
    const moderator = as(await forum.member(DEMO_PEOPLE.moderator));
    const source = (await asker.threads.create({ categoryId: category, title: 'Ma box redémarre seule', body: 'Elle redémarre toutes les nuits.' })).thread.id;
    const target = (await asker.threads.create({ categoryId: category, title: 'Box qui redémarre la nuit', body: 'La question d’origine.' })).thread.id;
    const reply = await helper.posts.reply(source, { body: 'C’est la mise à jour nocturne : changez l’heure dans les réglages.' });
    const hashBefore = location.hash;

    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${source}></entraide-thread>`, { locale: 'fr' });
    await waitForDeep(thread, `[id="post-${reply.id}"] entraide-post`);
    await waitForLiveStream(forum);
    try {
      await moderator.posts.hide(reply.id, { reason: 'Vérification' });
      await waitUntil(() => !postIds(thread).includes(reply.id), 'the hidden reply stayed', { timeout: 5000 });
      await moderator.posts.restore(reply.id, {});
      await waitUntil(() => postIds(thread).includes(reply.id), 'the restored reply never came back', { timeout: 5000 });

      await moderator.threads.merge(source, { intoThreadId: target, reason: 'Doublon' });
      await waitUntil(() => location.hash === `#/t/${target}`, `the thread did not follow its merge (at ${location.hash})`, { timeout: 5000 });
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.search}${hashBefore}`);
    }
  });
});
