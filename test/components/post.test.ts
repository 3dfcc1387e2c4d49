import { expect, html } from '@open-wc/testing';
import type { EntraidePost } from '../../src/components/post/post.ts';
import '../../src/components/post/post.ts';
// The actions and credit blocks are a chunk the post loads; load it up front here.
import '../../src/components/internal/interactions.ts';
import type { Author, Post } from '../../src/contract/models.ts';
import '../../src/components/thread/thread.ts';
import type { ThreadSummary } from '../../src/contract/models.ts';
import { expectAccessible, mockForum, mount, count, pick, queryAllDeep, queryDeep, waitForDeep, watchMarkupParsing } from './helpers.ts';

const author: Author = {
  id: 2, pseudonym: 'rosier', role: 'member', team: null, rank: { level: 11, name: 'Guide' }, postCount: 851, joinedAt: '2024-06-03T18:30:00Z',
};

function post(overrides: Partial<Post> = {}): Post {
  return {
    id: 6, threadId: 2, kind: 'reply', author, createdAt: '2026-11-23T19:31:00Z', editedAt: null, kudosCount: 0,
    bodyHtml: '<p>Call <code>888</code> once, then <strong>restart</strong>.</p>',
    ...overrides,
  };
}

describe('<entraide-post>', () => {
  it('shows the header and the server-rendered body', async () => {
    const element = await mount<EntraidePost>(html`<entraide-post .post=${post()}></entraide-post>`, { locale: 'en' });

    const body = element.shadowRoot!.querySelector('[part="body"]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('restart');
    // The header is drawn inside the post (no element of its own per post): its parts are the post's.
    const header = element.shadowRoot!.querySelector('[part="header"]')!;
    expect(header.querySelector('[part="pseudonym"]')!.textContent).to.equal(author.pseudonym);
    expect(header.querySelector('[part="rank-name"]')!.textContent).to.equal(author.rank.name);
    expect(header.querySelector('time[part="posted"]')!.getAttribute('datetime')).to.equal('2026-11-23T19:31:00Z');
    expect(element.shadowRoot!.querySelector('entraide-post-header, entraide-rank-badge')).to.equal(null);
  });

  it('styles an advisor post apart', async () => {
    const advisor: Author = { ...author, role: 'advisor', team: 'technical' };

    const element = await mount<EntraidePost>(html`<entraide-post .post=${post({ author: advisor })}></entraide-post>`, { locale: 'en' });

    expect(element.hasAttribute('advisor')).to.equal(true);
    expect(getComputedStyle(element.shadowRoot!.querySelector('article')!).borderInlineStartWidth).to.equal('4px');
  });

  it('credits the members an advisor confirms, lists FAQ articles and colleagues, and shows the signature', async () => {
    const advisor: Author = { ...author, id: 4, pseudonym: 'Léa', role: 'advisor', team: 'technical' };
    const confirmation = {
      cited: [{ postId: 2, author: { id: 1, pseudonym: 'Pix37' } }, { postId: 3, author: { id: 9, pseudonym: '<img src=x onerror="window.__pwned=1">' } }],
      faqLinks: [{ id: 1, slug: 'reseau', title: 'Réseau : les bons réglages' }],
      assistedBy: [{ id: 5, pseudonym: 'Karim' }],
    };
    const element = await mount<EntraidePost>(
      html`<entraide-post .post=${post({ author: advisor, confirmation, signatureHtml: '<p><em>Léa, conseillère</em></p>' })}></entraide-post>`,
      { locale: 'en' },
    );

    const credits = element.shadowRoot!.querySelector('[part="credits"]')!;
    const cited = [...credits.querySelectorAll('entraide-community-reply')];
    await Promise.all(cited.map((reply) => reply.updateComplete));
    expect(cited.map((reply) => reply.shadowRoot!.querySelector('[part="credit"] span')!.textContent)).to.deep.equal(['Answer by @Pix37', 'Answer by @<img src=x onerror="window.__pwned=1">']);
    expect(cited.map((reply) => reply.getAttribute('part'))).to.deep.equal(['credit', 'credit']);
    expect(queryAllDeep(element, 'img').length).to.equal(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(credits.querySelector('[part="faq-link"]')!.textContent).to.equal('Réseau : les bons réglages');
    expect(credits.textContent).to.contain('Assisted by Karim');
    expect(element.shadowRoot!.querySelector('[part="signature"] em')!.textContent).to.equal('Léa, conseillère');
    await expectAccessible(element);
  });

  it('labels a question and a follow-up note', async () => {
    const question = await mount<EntraidePost>(html`<entraide-post .post=${post({ kind: 'question' })}></entraide-post>`, { locale: 'fr' });
    const trace = await mount<EntraidePost>(html`<entraide-post .post=${post({ kind: 'trace' })}></entraide-post>`, { locale: 'fr' });

    expect(question.shadowRoot!.querySelector('[part="kind"]')!.textContent).to.equal('Question');
    expect(trace.shadowRoot!.querySelector('[part="kind"]')!.textContent).to.equal('Note de suivi');
    expect(trace.getAttribute('kind')).to.equal('trace');
  });

  it('shows a body the server sanitized, and nothing it removed', async () => {
    const parsed = watchMarkupParsing();
    // What the server stores for "<img src=x onerror=…> **ok**": the tag escaped, markdown rendered.
    const sanitized = '<p>&lt;img src=x onerror="window.__xssBody=1"&gt; <strong>ok</strong></p>';

    const element = await mount<EntraidePost>(html`<entraide-post .post=${post({ bodyHtml: sanitized })}></entraide-post>`);

    const body = element.shadowRoot!.querySelector('[part="body"]')!;
    expect(count(body, 'img')).to.equal(0);
    expect(body.textContent).to.contain('<img src=x');
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect((window as unknown as { __xssBody?: number }).__xssBody).to.equal(undefined);
  });

  it('has no axe-core violation', async () => {
    const element = await mount<EntraidePost>(html`<entraide-post .post=${post({ bodyHtml: '<p>See <a href="https://example.com/faq">the FAQ</a>.</p>' })}></entraide-post>`);

    await expectAccessible(element);
  });

  it('shows each cited answer it finds among the thread’s posts as a community reply', async () => {
    const advisor: Author = { ...author, id: 4, pseudonym: 'Léa', role: 'advisor', team: 'technical' };
    const answer = post({ id: 2, bodyHtml: '<p>Reset the <em>network settings</em>.</p>' });
    const confirmation = { cited: [{ postId: 2, author: { id: 2, pseudonym: 'rosier' } }, { postId: 99, author: { id: 1, pseudonym: 'Pix37' } }], faqLinks: [], assistedBy: [] };
    const thread = { id: 2, acceptedPostId: 2, author: { ...author, id: 5 }, status: 'solved' } as ThreadSummary;

    const element = await mount<EntraidePost>(
      html`<entraide-post .post=${post({ id: 7, author: advisor, confirmation })} .thread=${thread} .posts=${[answer]}></entraide-post>`,
      { locale: 'en' },
    );

    const [known, unknown] = [...element.shadowRoot!.querySelectorAll('entraide-community-reply')];
    expect(known!.post === answer).to.equal(true);
    expect(known!.accepted).to.equal(true);
    expect(known!.confirmedBy).to.equal('Léa');
    expect(unknown!.post).to.equal(null);
    expect(unknown!.author!.pseudonym).to.equal('Pix37');
    await known!.updateComplete;
    expect(known!.shadowRoot!.querySelector('[part="body"] em')!.textContent).to.equal('network settings');
    await expectAccessible(element);
  });

  it('renders its actions in a footer, styleable through exported parts', async () => {
    const style = document.createElement('style');
    style.textContent = 'entraide-post.themed::part(share) { color: rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const element = await mount<EntraidePost>(html`<entraide-post class="themed" .post=${post()} accepted></entraide-post>`, { locale: 'en' });
      const actions = element.shadowRoot!.querySelector('entraide-post-actions')!;
      await actions.updateComplete;

      expect(actions.post!.id).to.equal(6);
      expect(actions.accepted).to.equal(true);
      expect(getComputedStyle(actions.shadowRoot!.querySelector('[part="share"]')!).color).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  describe('inside <entraide-thread>', () => {
    it('lets the asker accept a reply: the thread pins it and shows "same problem" under the question', async () => {
      const forum = await mockForum();
      // An answered thread with one member's reply: its asker may accept it.
      const answered = await pick<{ id: number; asker: string; replyId: number }>(
        forum,
        `select t.id, a.pseudonym as asker, min(p.id) as "replyId" from threads t join members a on a.id = t.author_id
           join posts p on p.thread_id = t.id and p.author_id <> t.author_id join members r on r.id = p.author_id and r.role = 'member'
          where t.status = 'answered' and t.accepted_post_id is null and t.merged_into_id is null and a.role = 'member'
            and (select count(*) from posts x where x.thread_id = t.id) = 2
          group by t.id, a.pseudonym order by t.id limit 1`,
      );
      const thread = await mount<HTMLElement>(html`<entraide-thread thread-id=${answered.id}></entraide-thread>`, { locale: 'en', as: await forum.member(answered.asker) });
      const accept = await waitForDeep<HTMLButtonElement>(thread, '[part="accept"]');
      expect(queryDeep(thread, '[part="solution"]') === undefined).to.equal(true);
      const sameProblem = await waitForDeep(thread, 'entraide-same-problem');
      expect(sameProblem.shadowRoot!.querySelector('[part="button"]') === null, 'the asker sees the count only').to.equal(true);

      accept.click();
      const pinned = await waitForDeep(thread, '[part="solution"] entraide-post');

      expect((pinned as EntraidePost).post!.id).to.equal(answered.replyId);
      const stored = await pick<{ accepted: number }>(forum, 'select accepted_post_id as accepted from threads where id = $1', [answered.id]);
      expect(stored.accepted).to.equal(answered.replyId);
      await expectAccessible(thread);
    });
  });
});
