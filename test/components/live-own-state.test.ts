/**
 * Issue 15, item 4: posts that arrive live carry nobody's state (the public stream), yet the
 * reader's own post from another tab, or their reply from this one, offers "edit" with its
 * source; a reply by someone else arriving live offers kudos, not pressed, and no edit.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
import '../../src/components/internal/interactions.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, waitForDeep, waitForLiveStream, type MockMember } from './helpers.ts';

const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });
/** A part in the actions of one post, by the post's id. */
const action = (thread: EntraideThread, postId: number, name: string) =>
  thread.shadowRoot!.querySelector(`li[id="post-${postId}"] entraide-post`)?.shadowRoot?.querySelector('entraide-post-actions')?.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;

describe('live posts and the reader’s own state in <entraide-thread>', () => {
  it('offers "edit" on the reader’s own reply written in another tab, with its source, and kudos on others’ live replies (fr)', async function () {
    this.timeout(30_000);
    const forum = await mockForum();
    const asker = await forum.member(DEMO_PEOPLE.asker);
    const helper = await forum.member(DEMO_PEOPLE.topHelper);
    const categoryId = (await clientOf(asker).community.get()).categories[0]!.id;
    const { thread } = await clientOf(asker).threads.create({ categoryId, title: 'Réponse écrite dans un autre onglet', body: 'Bonjour, une idée ?' });
    const element = await mount<EntraideThread>(html`<entraide-thread thread-id=${thread.id}></entraide-thread>`, { locale: 'fr', as: helper });
    await waitForDeep(element, 'entraide-post-actions');
    await waitForLiveStream(forum);

    // "Another tab": the same member writes through another client.
    const mine = await clientOf(helper).posts.reply(thread.id, { body: 'Essayez **le mode avion** une minute.' });
    await waitUntil(() => action(element, mine.id, 'edit'), 'no "edit" on my own live reply', { timeout: 8000 });
    action(element, mine.id, 'edit')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector(`li[id="post-${mine.id}"] entraide-post`)?.shadowRoot?.querySelector('entraide-post-actions')
      ?.shadowRoot?.querySelector('entraide-edit-form')?.shadowRoot?.querySelector('textarea'), 'the edit form never opened');
    const field = element.shadowRoot!.querySelector(`li[id="post-${mine.id}"] entraide-post`)!.shadowRoot!.querySelector('entraide-post-actions')!
      .shadowRoot!.querySelector('entraide-edit-form')!.shadowRoot!.querySelector('textarea')!;
    expect(field.value).to.equal('Essayez **le mode avion** une minute.');

    const theirs = await clientOf(await forum.member(DEMO_PEOPLE.secondHelper)).posts.reply(thread.id, { body: 'Ou changez de bande 4G.' });
    await waitUntil(() => action(element, theirs.id, 'kudos'), 'no kudos on their live reply', { timeout: 8000 });
    expect(action(element, theirs.id, 'kudos')!.getAttribute('aria-pressed')).to.equal('false');
    expect(action(element, theirs.id, 'edit')).to.equal(null);
    await expectAccessible(element);
  });

  it('offers "edit" on the reply the reader just sent from this tab (en)', async function () {
    this.timeout(30_000);
    const forum = await mockForum();
    const asker = await forum.member(DEMO_PEOPLE.asker);
    const categoryId = (await clientOf(asker).community.get()).categories[0]!.id;
    const { post } = await clientOf(asker).threads.create({ categoryId, title: 'My own question', body: 'Hello, **any** idea?' });
    // The answer to the author's own write carries their state: no second request for it.
    expect(post.viewer?.source).to.equal('Hello, **any** idea?');
    const reply = await clientOf(asker).posts.reply(post.threadId, { body: 'Still broken this morning.' });
    expect(reply.viewer).to.deep.equal({ kudos: false, flagged: false, source: 'Still broken this morning.' });
  });
});
