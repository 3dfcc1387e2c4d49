import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideThreadList } from '../../src/components/thread-list/thread-list.ts';
import '../../src/components/thread-list/thread-list.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, waitForLiveStream, type MockForum } from './helpers.ts';

const as = (member: { token: string }): EntraideClient => createEntraideClient({ baseUrl: '/api', token: member.token, retry: false });

/** A new, empty category: the list shows only what the test asks. */
async function freshCategory(forum: MockForum): Promise<number> {
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into categories (community_id, slug, name, description, position)
     select community_id, 'tests-direct', '{"fr": "En direct", "en": "Live"}', '{}', 99 from categories order by id limit 1 returning id`,
  );
  return id;
}

const item = (list: EntraideThreadList, threadId: number) => list.shadowRoot!.querySelector<HTMLElement>(`[part="item"][data-thread-id="${threadId}"]`);
const unread = (list: EntraideThreadList, threadId: number) => item(list, threadId)?.querySelector('[part="unread"]')?.textContent.trim() ?? null;
const replies = (list: EntraideThreadList, threadId: number) => item(list, threadId)?.querySelector('.meta')?.textContent.replace(/\s+/g, ' ') ?? '';

describe('<entraide-thread-list> live, signed in', () => {
  it('keeps the reader’s "new" count through a live thread update, counts others’ replies, not their own (fr)', async () => {
    const forum = await mockForum();
    const categoryId = await freshCategory(forum);
    const askerMember = await forum.member(DEMO_PEOPLE.asker);
    const asker = as(askerMember);
    const helper = as(await forum.member(DEMO_PEOPLE.secondHelper));
    const { thread } = await asker.threads.create({ categoryId, title: 'Ma ligne coupe le soir', body: 'Bonjour à tous, une idée ?' });
    const first = await helper.posts.reply(thread.id, { body: 'Essayez une autre carte SIM.' });

    const list = await mount<EntraideThreadList>(html`<entraide-thread-list category-id=${categoryId}></entraide-thread-list>`, { locale: 'fr', as: askerMember });
    await waitUntil(() => unread(list, thread.id) === '1 nouveau', 'the first count never showed');
    await waitForLiveStream(forum);

    await helper.posts.reply(thread.id, { body: 'Ou redémarrez la box le soir.' });
    await waitUntil(() => unread(list, thread.id) === '2 nouveaux', 'a live reply by someone else did not count', { timeout: 8000 });
    expect(replies(list, thread.id)).to.contain('2 réponses');

    await asker.posts.reply(thread.id, { body: 'Merci, je teste ce soir.' });
    await waitUntil(() => replies(list, thread.id).includes('3 réponses'), 'the reader’s own reply never arrived', { timeout: 8000 });
    expect(unread(list, thread.id)).to.equal('2 nouveaux', 'their own reply is not new to them');

    // Accepting sends a thread-updated, which carries no per-reader count: the new status shows, the count on screen stays.
    await asker.threads.acceptSolution(thread.id, first.id);
    await waitUntil(() => item(list, thread.id)?.querySelector('[part="status"]')?.textContent.trim() === 'Résolu', 'the live status never showed', { timeout: 8000 });
    expect(unread(list, thread.id)).to.equal('2 nouveaux');
    await expectAccessible(list);
  });
});
