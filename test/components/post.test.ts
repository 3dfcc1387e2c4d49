import { expect, html } from '@open-wc/testing';
import type { EntraidePost } from '../../src/components/post/post.ts';
import '../../src/components/post/post.ts';
import type { Author, Post } from '../../src/contract/models.ts';
import { expectAccessible, mount, count } from './helpers.ts';

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
    const header = element.shadowRoot!.querySelector('entraide-post-header')!;
    expect(header.author).to.equal(author);
    expect(header.postedAt).to.equal('2026-11-23T19:31:00Z');
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
    expect([...credits.querySelectorAll('[part="credit"]')].map((c) => c.textContent)).to.deep.equal(['@Pix37', '@<img src=x onerror="window.__pwned=1">']);
    expect(count(element, '[part="credits"] img')).to.equal(0);
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
    // What the server stores for "<img src=x onerror=…> **ok**": the tag escaped, markdown rendered.
    const sanitized = '<p>&lt;img src=x onerror="window.__xssBody=1"&gt; <strong>ok</strong></p>';

    const element = await mount<EntraidePost>(html`<entraide-post .post=${post({ bodyHtml: sanitized })}></entraide-post>`);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const body = element.shadowRoot!.querySelector('[part="body"]')!;
    expect(count(body, 'img')).to.equal(0);
    expect(body.textContent).to.contain('<img src=x');
    expect((window as unknown as { __xssBody?: number }).__xssBody).to.equal(undefined);
  });

  it('has no axe-core violation', async () => {
    const element = await mount<EntraidePost>(html`<entraide-post .post=${post({ bodyHtml: '<p>See <a href="https://example.com/faq">the FAQ</a>.</p>' })}></entraide-post>`);

    await expectAccessible(element);
  });
});
