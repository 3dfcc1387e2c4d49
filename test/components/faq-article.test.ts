import { expect, html } from '@open-wc/testing';
import type { EntraideFaqArticle } from '../../src/components/faq-article/faq-article.ts';
import '../../src/components/faq-article/faq-article.ts';
import { expectAccessible, mockForum, mount, pick, queryAllDeep, queryDeep, textOf, waitForDeep, waitForText } from './helpers.ts';

const XSS = '<img src=x onerror="window.__faqArticleXss = true">';

describe('<entraide-faq-article>', () => {
  describe('with related solved threads', () => {
    it('shows the article in the reader’s language and the solved threads linking it first, and is accessible', async () => {
      const forum = await mockForum();
      const { slug, title } = await pick<{ slug: string; title: string }>(
        forum,
        `select a.slug, e.title from faq_articles a join faq_articles e on e.slug = a.slug and e.locale = 'en'
         where exists (select 1 from post_faq_links l join posts p on p.id = l.post_id join threads t on t.id = p.thread_id where l.article_id = a.id and t.status = 'solved' and not p.hidden)
         order by a.slug limit 1`,
      );
      const page = await mount<EntraideFaqArticle>(html`<entraide-faq-article slug=${slug}></entraide-faq-article>`, { locale: 'en' });

      await waitForDeep(page, '[part="related"] li');
      expect(queryDeep(page, 'h2')!.textContent).to.equal(title);
      expect(textOf(page)).to.contain('Solved threads on this topic');
      expect(textOf(page)).to.contain('Cites this article');
      const first = queryAllDeep<HTMLAnchorElement>(page, '[part="related"] a')[0]!;
      expect(first.getAttribute('href')).to.match(/^#\/t\/\d+(-[a-z0-9-]+)?$/);
      expect(textOf(page)).to.not.match(/\{\w+\}|@\{asker\}/);
      await expectAccessible(page);
    });
  });

  describe('without related threads', () => {
    it('says so, in French, and inserts the body as the server sanitized it', async () => {
      const forum = await mockForum();
      const body = `Texte sans rapport ${XSS}`;
      await pick(forum, `insert into faq_articles (community_id, slug, locale, title, summary, body_md, body_html)
        select id, 'article-isole', 'fr', 'Zzzyx introuvable', 'Résumé', $1, '<p>Texte sans rapport &lt;img&gt;</p>' from communities limit 1 returning id`, [body]);
      const page = await mount<EntraideFaqArticle>(html`<entraide-faq-article slug="article-isole"></entraide-faq-article>`, { locale: 'fr' });

      await waitForText(page, 'Aucune discussion résolue sur ce sujet pour l’instant.');
      expect(queryDeep(page, '[part="body"]')!.textContent).to.contain('Texte sans rapport <img>');
      expect(queryDeep(page, '[part="body"] img')).to.equal(undefined);
      await expectAccessible(page);
    });
  });

  describe('when the article does not exist or the API fails', () => {
    it('says the article does not exist, with a way back and no retry', async () => {
      await mockForum();
      const page = await mount<EntraideFaqArticle>(html`<entraide-faq-article slug="nexiste-pas"></entraide-faq-article>`, { locale: 'en' });

      await waitForText(page, 'This help article does not exist, or no longer does.');
      expect(queryDeep(page, '[part="error"] button')).to.equal(undefined);
      await expectAccessible(page);
    });

    it('offers a retry after a server error, which recovers', async () => {
      const forum = await mockForum({ failures: { listFaqRelated: 500 } });
      const { slug } = await pick<{ slug: string }>(forum, `select slug from faq_articles order by slug limit 1`);
      const page = await mount<EntraideFaqArticle>(html`<entraide-faq-article slug=${slug}></entraide-faq-article>`, { locale: 'en' });

      const retry = await waitForDeep<HTMLButtonElement>(page, '[part="error"] button');
      delete forum.failures.listFaqRelated;
      retry.click();
      await waitForDeep(page, '[part="body"]');
    });
  });
});
