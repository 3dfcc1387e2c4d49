import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, mockForum, mount, pick, type MockForum, type MockMember } from './helpers.ts';

const REPLIES = 16;
const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** A thread taller than the screen: a question and `REPLIES` replies by two helpers, written straight into the database. */
async function tallThread(forum: MockForum): Promise<{ id: number; postIds: number[] }> {
  const asker = await forum.member(DEMO_PEOPLE.asker);
  const helpers = await Promise.all([DEMO_PEOPLE.topHelper, DEMO_PEOPLE.secondHelper].map((name) => forum.member(name)));
  const { id: categoryId } = await pick<{ id: number }>(forum, `select id from categories where slug = 'assistance-technique'`);
  const { id } = await pick<{ id: number }>(
    forum,
    `insert into threads (category_id, author_id, title, status, locale, excerpt, reply_count, created_at, last_post_at)
     values ($1, $2, 'La ligne grésille', 'answered', 'fr', 'La ligne grésille depuis lundi', $3, now() - interval '2 hours', now() - interval '10 minutes') returning id`,
    [categoryId, asker.id, REPLIES],
  );
  const rows = await forum.db.query<{ id: number }>(
    `insert into posts (thread_id, author_id, kind, body_md, body_html, created_at)
     select $1, case when i = 0 then $2 else ($3::int[])[i % 2 + 1] end, case when i = 0 then 'question' else 'reply' end,
            'Réponse ' || i, '<p>Réponse ' || i || '</p><p>Un deuxième paragraphe pour que le message prenne de la place.</p>',
            now() - make_interval(mins => 100 - i)
       from generate_series(0, $4) as i order by i returning id`,
    [id, asker.id, helpers.map((helper) => helper.id), REPLIES],
  );
  return { id, postIds: rows.map((row) => row.id).sort((a, b) => a - b) };
}

const lastRead = async (reader: MockMember, threadId: number) => (await clientOf(reader).following.reading(threadId)).lastReadPostId ?? 0;
const item = (thread: EntraideThread, postId: number) => thread.shadowRoot!.querySelector<HTMLElement>(`li[id="post-${postId}"]`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<entraide-thread> read position', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('moves up to the last post the reader saw, not the last one loaded, and on as they scroll', async function () {
    this.timeout(30_000);
    const forum = await mockForum();
    const { id, postIds } = await tallThread(forum);
    const reader = await forum.member(DEMO_PEOPLE.englishMember);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { locale: 'fr', as: reader });
    await waitUntil(() => item(thread, postIds.at(-1)!) && thread.shadowRoot!.querySelector('entraide-follow'), 'the thread never showed');
    expect(item(thread, postIds.at(-1)!)!.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight, 'the last post starts off screen');

    await waitUntil(async () => (await lastRead(reader, id)) > 0, 'no read position was written', { timeout: 5000 });
    await pause(1200);
    const first = await lastRead(reader, id);
    const onScreen = postIds.filter((postId) => item(thread, postId)!.getBoundingClientRect().top < window.innerHeight);
    expect(first).to.be.lessThan(postIds.at(-1)!, 'opening the thread marked everything read');
    expect(first).to.be.at.most(onScreen.at(-1)!);

    item(thread, postIds.at(-1)!)!.scrollIntoView({ block: 'end' });
    await waitUntil(async () => (await lastRead(reader, id)) === postIds.at(-1), 'scrolling to the end never moved the read position', { timeout: 5000 });
    // Back up: never backwards.
    window.scrollTo(0, 0);
    await pause(1200);
    expect(await lastRead(reader, id)).to.equal(postIds.at(-1));
  });

  it('opens a returning reader at their first unread post, and reads on from there', async function () {
    this.timeout(30_000);
    const forum = await mockForum();
    const { id, postIds } = await tallThread(forum);
    const reader = await forum.member(DEMO_PEOPLE.englishMember);
    const middle = postIds[8]!;
    await clientOf(reader).following.markRead(id, middle);
    const thread = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { locale: 'en', as: reader });
    await waitUntil(() => {
      const box = item(thread, postIds[9]!)?.getBoundingClientRect();
      return box !== undefined && box.bottom > 0 && box.top < window.innerHeight / 2;
    }, 'the thread did not open at the first unread post', { timeout: 5000 });
    expect(item(thread, postIds[1]!)!.getBoundingClientRect().bottom).to.be.lessThan(0, 'earlier posts are above the screen');
    await waitUntil(async () => (await lastRead(reader, id)) > middle, 'the posts on screen were not recorded', { timeout: 5000 });
    await pause(1200);
    expect(await lastRead(reader, id)).to.be.lessThan(postIds.at(-1)!, 'opening marked the rest read');
  });
});
