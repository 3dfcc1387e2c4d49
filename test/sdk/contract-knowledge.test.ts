/**
 * Contract suite of the "knowledge" area (FAQ base, suggestions, forum search), run against
 * the msw mocks and the real server. Each test creates what it searches for, with made-up
 * words no seed holds, so it does not depend on either side's fixtures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EntraideClient } from '../../src/sdk/index.ts';
import { CONTRACT_TARGETS, type ContractTarget } from '../helpers/contract-targets.ts';

const XSS = '<img src=x onerror=alert(1)>';

/** What is left once the `<mark>` tags are taken out: no other tag may remain. */
const withoutMarks = (html: string) => html.replaceAll('<mark>', '').replaceAll('</mark>', '');

for (const [name, makeTarget] of CONTRACT_TARGETS) {
  describe(`knowledge contract against the ${name}`, { timeout: 600_000 }, () => {
    let target: ContractTarget;
    let guest: EntraideClient;
    let member: EntraideClient;
    let advisor: EntraideClient;
    let categoryIds: number[];
    before(async () => {
      target = await makeTarget();
      guest = target.client();
      member = target.client('member');
      advisor = target.client('advisor');
      categoryIds = (await guest.community.get()).categories.map((c) => c.id);
    });
    after(() => target.close());

    const newThread = (title: string, body: string, categoryId = categoryIds[0]!) => member.threads.create({ categoryId, title, body });

    it('finds a thread by a word of its title, highlighted', async () => {
      const { thread } = await newThread('Antenne quokka capricieuse', 'Le signal part et revient sans arrêt.');

      const page = await guest.search.forum({ q: 'quokka' });

      const hit = page.items.find((item) => item.thread.id === thread.id);
      assert.ok(hit, 'the new thread is found');
      assert.match(hit.titleHtml, /<mark>quokka<\/mark>/i);
      assert.equal(hit.thread.title, 'Antenne quokka capricieuse');
    });

    it('finds a thread by a word of a post, with that post and a highlighted snippet', async () => {
      const { thread, post } = await newThread('Box muette depuis hier', 'Le wombat du voisin a mangé le câble.');

      const page = await guest.search.forum({ q: 'wombat' });

      const hit = page.items.find((item) => item.thread.id === thread.id);
      assert.ok(hit, 'the new thread is found');
      assert.equal(hit.postId, post.id);
      assert.match(hit.snippetHtml, /<mark>wombat<\/mark>/i);
    });

    it('finds singular and plural alike, whatever the case', async () => {
      const { thread } = await newThread('Mon forfait mammouth bloqué', 'Depuis lundi.');

      for (const q of ['forfaits mammouths', 'FORFAIT Mammouth']) {
        const page = await guest.search.forum({ q });
        assert.ok(page.items.some((item) => item.thread.id === thread.id), `found with "${q}"`);
      }
    });

    it('filters search by category, solved state and author', async () => {
      const [first, second] = categoryIds;
      const { thread } = await newThread('Souci de tatou sur ma ligne', 'Rien ne marche.', first);
      const found = async (query: { categoryId?: number; solved?: boolean; authorId?: number }) =>
        (await guest.search.forum({ q: 'tatou', ...query })).items.some((item) => item.thread.id === thread.id);

      assert.equal(await found({ categoryId: first }), true);
      if (second !== undefined) assert.equal(await found({ categoryId: second }), false);
      assert.equal(await found({ solved: false }), true);
      assert.equal(await found({ solved: true }), false);
      assert.equal(await found({ authorId: thread.author.id }), true);
      assert.equal(await found({ authorId: thread.author.id + 1000 }), false);
    });

    it('no longer finds a post once a moderator hid it', async () => {
      const { thread } = await newThread('Question sans rapport', 'Rien à voir.');
      const reply = await target.client('other').posts.reply(thread.id, { body: 'Achetez des chinchillas ici !' });
      assert.ok((await guest.search.forum({ q: 'chinchilla' })).items.some((item) => item.thread.id === thread.id));

      await target.client('moderator').posts.hide(reply.id, { reason: 'Publicité' });

      assert.ok(!(await guest.search.forum({ q: 'chinchilla' })).items.some((item) => item.thread.id === thread.id));
    });

    it('pages search results with a cursor and never repeats a thread', async () => {
      for (const n of [1, 2, 3]) await newThread(`Ornithorynque numéro ${n}`, `Message ${n}.`);

      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await guest.search.forum({ q: 'ornithorynque', limit: 1, cursor });
        assert.ok(page.items.length <= 1);
        ids.push(...page.items.map((item) => item.thread.id));
        cursor = page.nextCursor;
      } while (cursor !== null && ids.length < 10);

      assert.equal(ids.length, 3);
      assert.equal(new Set(ids).size, 3);
    });

    it('refuses a query without a word and a cursor it never gave out', async () => {
      await assert.rejects(guest.search.forum({ q: '!!' }), { status: 400, code: 'validation_failed' });
      await assert.rejects(guest.search.forum({ q: 'quokka', cursor: 'pas-un-curseur' }), { status: 400, code: 'validation_failed' });
      await assert.rejects(guest.faq.search({ q: '?!' }), { status: 400, code: 'validation_failed' });
    });

    it('lets an advisor write an article that is then read, searched and suggested', async () => {
      const created = await advisor.faq.create({
        slug: 'axolotl-et-reseau', locale: 'fr', categoryId: categoryIds[0], title: 'Axolotl et réseau', summary: 'Quand un axolotl coupe le réseau.', bodyMd: 'Redémarrez **la box** puis le téléphone.',
      });
      assert.equal(created.slug, 'axolotl-et-reseau');
      assert.match(created.bodyHtml, /<strong>la box<\/strong>/);

      const read = await guest.faq.get('axolotl-et-reseau', { locale: 'fr' });
      assert.equal(read.id, created.id);
      assert.equal(read.title, 'Axolotl et réseau');

      const hits = await guest.faq.search({ q: 'axolotl', locale: 'fr' });
      const hit = hits.items.find((item) => item.id === created.id);
      assert.ok(hit, 'the article is found');
      assert.match(hit.titleHtml, /<mark>axolotl<\/mark>/i);

      const suggestions = await guest.faq.suggest({ text: 'Mon axolotl a tout débranché, que faire ?' });
      assert.ok(suggestions.articles.some((article) => article.id === created.id));
    });

    it('suggests solved questions only, by any word of the text being typed', async () => {
      const solved = await newThread('Koala sans réseau', 'Mon koala ne capte plus.');
      const open = await newThread('Koala sans facture', 'Mon koala attend sa facture.');
      const reply = await target.client('other').posts.reply(solved.thread.id, { body: 'Redémarre la box.' });
      await member.threads.acceptSolution(solved.thread.id, reply.id);

      const { threads } = await guest.faq.suggest({ text: 'Pourquoi mon koala boude ?' });

      const ids = threads.map((hit) => hit.thread.id);
      assert.ok(ids.includes(solved.thread.id), 'the solved question is suggested');
      assert.ok(!ids.includes(open.thread.id), 'an unsolved one is not');
      assert.ok(threads.every((hit) => hit.thread.status === 'solved'));
    });

    it('lets an advisor change an article, and refuses a slug already taken', async () => {
      const article = await advisor.faq.create({ slug: 'capybara-facture', locale: 'fr', title: 'Capybara et facture', bodyMd: 'Texte.' });
      await advisor.faq.create({ slug: 'capybara-autre', locale: 'fr', title: 'Autre capybara', bodyMd: 'Texte.' });

      const changed = await advisor.faq.update(article.id, { title: 'Capybara et factures' });

      assert.equal(changed.title, 'Capybara et factures');
      assert.equal((await guest.faq.get('capybara-facture', { locale: 'fr' })).title, 'Capybara et factures');
      await assert.rejects(advisor.faq.update(article.id, { slug: 'capybara-autre' }), { status: 409, code: 'conflict' });
      await assert.rejects(advisor.faq.create({ slug: 'capybara-facture', locale: 'fr', title: 'Encore lui', bodyMd: 'Texte.' }), { status: 409, code: 'conflict' });
      await assert.rejects(advisor.faq.update(987_654, { title: 'Personne ici' }), { status: 404, code: 'not_found' });
    });

    it('keeps FAQ writes to advisors and moderators', async () => {
      const input = { slug: 'lemurien-interdit', locale: 'fr' as const, title: 'Lémurien interdit', bodyMd: 'Texte.' };

      await assert.rejects(member.faq.create(input), { status: 403, code: 'forbidden' });
      await assert.rejects(guest.faq.create(input), { status: 401, code: 'unauthorized' });
      const byModerator = await target.client('moderator').faq.create(input);
      await assert.rejects(member.faq.update(byModerator.id, { title: 'Pas le droit' }), { status: 403, code: 'forbidden' });
    });

    it('answers 400 for a malformed slug and 404 for an unknown one', async () => {
      await assert.rejects(guest.faq.get('Pas_Un_Slug'), { status: 400, code: 'validation_failed' });
      await assert.rejects(guest.faq.get('article-qui-n-existe-pas'), { status: 404, code: 'not_found' });
    });

    it('never gives raw HTML in highlighted titles and snippets', async () => {
      const { thread } = await newThread(`Pangolin ${XSS} bloqué`, `Le pangolin dit ${XSS} encore.`);
      const article = await advisor.faq.create({ slug: 'pangolin-xss', locale: 'fr', title: `Pangolin ${XSS}`, summary: `Pangolin ${XSS}`, bodyMd: `Pangolin ${XSS}` });

      const threadHit = (await guest.search.forum({ q: 'pangolin' })).items.find((item) => item.thread.id === thread.id);
      const faqHit = (await guest.faq.search({ q: 'pangolin' })).items.find((item) => item.id === article.id);

      assert.ok(threadHit && faqHit, 'both are found');
      for (const html of [threadHit.titleHtml, threadHit.snippetHtml, faqHit.titleHtml, faqHit.snippetHtml]) {
        assert.ok(!withoutMarks(html).includes('<'), `no tag but <mark> in ${html}`);
        assert.match(html, /<mark>pangolin<\/mark>/i);
      }
      assert.match(threadHit.titleHtml, /&lt;img/);
    });
  });
}
