import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideFaqLink } from '../../src/components/faq-link/faq-link.ts';
import '../../src/components/faq-link/faq-link.ts';
import { describeNode, expectAccessible, mockForum, mount, pick, queryDeep, textOf, waitForDeep, waitForText, type MockForum } from './helpers.ts';

const XSS = '<img src=x onerror="window.__faqXss = true">';

const ARTICLE = { slug: 'comprendre-ma-facture', title: 'Understanding my bill', summary: 'Bill higher than expected this month?', categoryId: 2 };

interface Bilingual {
  slug: string;
  fr: string;
  en: string;
  categoryFr: string;
  categoryId: number;
  categoryEn: string;
}

/** A demo FAQ article written in both languages, with its category. */
function bilingualArticle(forum: MockForum): Promise<Bilingual> {
  return pick<Bilingual>(
    forum,
    `select f.slug, f.title as fr, e.title as en, c.id as "categoryId", c.name->>'fr' as "categoryFr", c.name->>'en' as "categoryEn"
       from faq_articles f join faq_articles e on e.slug = f.slug and e.locale = 'en' join categories c on c.id = f.category_id
      where f.locale = 'fr' and f.title <> e.title order by f.slug limit 1`,
  );
}

function link(card: EntraideFaqLink): HTMLElement {
  return card.shadowRoot!.querySelector<HTMLElement>('[part="link"]')!;
}

describe('<entraide-faq-link>', () => {
  it('shows a given article with its category name, and is accessible', async () => {
    const article = await bilingualArticle(await mockForum());

    const card = await mount<EntraideFaqLink>(html`<entraide-faq-link .article=${{ ...ARTICLE, categoryId: article.categoryId }}></entraide-faq-link>`, { locale: 'en' });
    await waitForDeep(card, '[part="category"]');

    expect(link(card).textContent.trim()).to.equal('Understanding my bill');
    expect(textOf(card)).to.contain('Bill higher than expected this month?');
    expect(queryDeep(card, '[part="category"]')!.textContent).to.equal(article.categoryEn);
    await expectAccessible(card);
  });

  it('loads the article in the reader’s language from its slug, in French and in English', async () => {
    const article = await bilingualArticle(await mockForum());

    const french = await mount<EntraideFaqLink>(html`<entraide-faq-link slug=${article.slug}></entraide-faq-link>`, { locale: 'fr' });
    const english = await mount<EntraideFaqLink>(html`<entraide-faq-link slug=${article.slug}></entraide-faq-link>`, { locale: 'en' });
    await waitForText(french, article.fr);
    await waitForText(english, article.en);

    expect(textOf(french)).to.contain('Article de la FAQ');
    expect(textOf(english)).to.contain('Help article');
    await waitForText(french, article.categoryFr);
  });

  it('shows loading, then an error with retry that recovers', async () => {
    const mock = await mockForum({ failures: { getFaqArticle: 500 } });
    const article = await bilingualArticle(mock);

    const card = await mount<EntraideFaqLink>(html`<entraide-faq-link slug=${article.slug}></entraide-faq-link>`, { locale: 'en' });
    const retry = await waitForDeep<HTMLButtonElement>(card, '[part="retry"]');
    delete mock.failures.getFaqArticle;
    retry.click();

    await waitForText(card, article.en);
    expect(queryDeep(card, '[part="error"]')).to.equal(undefined);
  });

  it('says an unknown article does not exist, without a retry', async () => {
    await mockForum();

    const card = await mount<EntraideFaqLink>(html`<entraide-faq-link slug="nexiste-pas"></entraide-faq-link>`, { locale: 'en' });

    await waitForDeep(card, '[part="error"]');
    expect(queryDeep(card, '[part="retry"]')).to.equal(undefined);
  });

  it('links to the href template with the slug in it', async () => {
    await mockForum();

    const card = await mount<EntraideFaqLink>(html`<entraide-faq-link .article=${ARTICLE} href-template="/aide/{slug}"></entraide-faq-link>`, { locale: 'en' });

    expect(link(card).localName).to.equal('a');
    expect(link(card).getAttribute('href')).to.equal('/aide/comprendre-ma-facture');
  });

  it('links to the forum’s FAQ page without a template, and fires a cancelable entraide-faq-opened from the keyboard', async () => {
    await mockForum();
    const card = await mount<EntraideFaqLink>(html`<entraide-faq-link .article=${ARTICLE}></entraide-faq-link>`, { locale: 'en' });
    const anchor = link(card);
    expect(anchor.localName).to.equal('a');
    expect(anchor.getAttribute('href')).to.equal('#/faq/comprendre-ma-facture');

    card.focus();
    expect(describeNode(card.shadowRoot!.activeElement)).to.equal('<a[part="link"]>');
    const opened = oneEvent(card, 'entraide-faq-opened');
    card.addEventListener('entraide-faq-opened', (event) => event.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    const event = await opened;

    expect(event.detail.article.slug).to.equal('comprendre-ma-facture');
    expect(event.detail.href).to.equal('#/faq/comprendre-ma-facture');
    expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
  });

  it('stays on the page when the host cancels the event of a templated link', async () => {
    await mockForum();
    const card = await mount<EntraideFaqLink>(html`<entraide-faq-link .article=${ARTICLE} href-template="#/aide/{slug}"></entraide-faq-link>`, { locale: 'en' });
    const before = location.hash;
    let href: string | null = '';
    card.addEventListener('entraide-faq-opened', (event) => {
      href = event.detail.href;
      event.preventDefault();
    });

    link(card).click();

    expect(href).to.equal('#/aide/comprendre-ma-facture');
    expect(location.hash).to.equal(before);
  });

  it('shows a title and summary holding markup as text, and highlights only with <mark>', async () => {
    await mockForum();
    const article = { slug: 'xss', title: `Titre ${XSS}`, summary: `Résumé ${XSS}` };
    const hit = { ...article, titleHtml: 'Titre &lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>forfait</mark>', snippetHtml: '<mark>Résumé</mark>' };

    const plain = await mount<EntraideFaqLink>(html`<entraide-faq-link .article=${article}></entraide-faq-link>`, { locale: 'fr' });
    const marked = await mount<EntraideFaqLink>(html`<entraide-faq-link .article=${hit}></entraide-faq-link>`, { locale: 'fr' });

    expect(link(plain).textContent).to.contain('<img');
    expect(plain.shadowRoot!.querySelector('img')).to.equal(null);
    expect(marked.shadowRoot!.querySelector('img')).to.equal(null);
    expect(link(marked).querySelector('mark')!.textContent).to.equal('forfait');
    expect((window as { __faqXss?: boolean }).__faqXss).to.equal(undefined);
  });
});
