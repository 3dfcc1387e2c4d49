/** <entraide-composer>: @mention autocomplete and "maybe already answered" suggestions. In a page of its own: it shows articles without <entraide-faq-link>, which no other element of its page may define. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { EntraideComposer } from '../../src/components/composer/composer.ts';
import '../../src/components/composer/composer.ts';
import type { FaqHit, FaqSuggestions, SearchHit } from '../../src/contract/areas/knowledge.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, worker, type MockForum } from './helpers.ts';

const $ = <E extends Element = HTMLElement>(composer: EntraideComposer, selector: string) => composer.shadowRoot!.querySelector<E>(selector)!;
const textarea = (composer: EntraideComposer) => $<HTMLTextAreaElement>(composer, '#body');

function type(composer: EntraideComposer, name: 'title' | 'body', text: string): void {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(composer, `#${name}`);
  control.value = text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

function press(composer: EntraideComposer, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  textarea(composer).dispatchEvent(event);
  return event;
}

const optionNames = (composer: EntraideComposer) => [...composer.shadowRoot!.querySelectorAll('[role="option"] .mention-name')].map((option) => option.textContent);
const listOpen = (composer: EntraideComposer) => Boolean(composer.shadowRoot!.querySelector('[role="listbox"]'));

/** Counts the requests whose URL contains `part` until `stop()` is called. */
function countRequests(part: string) {
  const counter = { count: 0, stop: () => worker.events.removeAllListeners() };
  worker.events.on('request:start', ({ request }) => {
    if (request.url.includes(part)) counter.count += 1;
  });
  return counter;
}

describe('<entraide-composer> writing aids', () => {
  beforeEach(() => localStorage.clear());

  describe('@mentions in a reply', () => {
    /**
     * The demo's Example 1 thread: asked by the beginner (Theo56), answered by the top helper
     * (Kali29, signed in here), the second helper (lavande) and the commercial advisor
     * (Julie-Volta). The queries below are chosen for these names: `@o` matches Theo56 and
     * Julie-Volta, `@th` only Theo56, `@j` only Julie-Volta, `@ka` only the writer.
     */
    async function mountReply(options: { participants?: string[]; locale?: 'fr' | 'en' } = {}) {
      const forum = await mockForum();
      const example = await pick<{ id: number; authors: string[] }>(
        forum,
        `select t.id, array(select m.pseudonym from posts p join members m on m.id = p.author_id where p.thread_id = t.id and not p.hidden order by p.created_at, p.id) as authors
           from threads t join members a on a.id = t.author_id
          where lower(a.pseudonym) = lower($1)
            and exists (select 1 from posts p join members m on m.id = p.author_id where p.thread_id = t.id and lower(m.pseudonym) = lower($2))
          order by t.id limit 1`,
        [DEMO_PEOPLE.asker, DEMO_PEOPLE.topHelper],
      );
      expect(example.authors, 'the Example 1 thread changed: choose the queries again').to.deep.equal([
        DEMO_PEOPLE.asker, DEMO_PEOPLE.topHelper, DEMO_PEOPLE.secondHelper, DEMO_PEOPLE.commercialAdvisor,
      ]);
      const composer = await mount<EntraideComposer>(
        html`<entraide-composer mode="reply" thread-id=${example.id} .participants=${options.participants}></entraide-composer>`,
        { locale: options.locale ?? 'en', as: await forum.member(DEMO_PEOPLE.topHelper) },
      );
      return { forum, composer, threadId: example.id };
    }

    async function typeMention(composer: EntraideComposer, text: string): Promise<void> {
      type(composer, 'body', text);
      await waitUntil(() => listOpen(composer), 'the mention list never opened', { timeout: 3000 });
    }

    it('opens on @ plus letters, narrows as they are typed, with one request for the whole typing', async () => {
      const { composer, threadId } = await mountReply();
      const requests = countRequests(`/api/threads/${threadId}`);

      type(composer, 'body', 'Thanks @');
      // An @ without letters is told apart at once, before any name is fetched: one update shows it.
      await composer.updateComplete;
      expect(listOpen(composer)).to.equal(false);
      await typeMention(composer, 'Thanks @o');
      expect(optionNames(composer)).to.deep.equal(['@Theo56', '@Julie-Volta']);
      type(composer, 'body', 'Thanks @th');
      await waitUntil(() => optionNames(composer).join() === '@Theo56', 'the list never narrowed to Theo56', { timeout: 3000 });
      type(composer, 'body', 'Thanks @j');
      await waitUntil(() => optionNames(composer).join() === '@Julie-Volta', 'the list never narrowed to Julie-Volta', { timeout: 3000 });
      requests.stop();

      expect(requests.count).to.equal(1);
      type(composer, 'body', 'Thanks @zz');
      await waitUntil(() => !listOpen(composer), 'the list stayed open with no match', { timeout: 3000 });
    });

    it('lists the asker first with her role, and the writer never', async () => {
      const { composer } = await mountReply();

      await typeMention(composer, 'Hello @o');

      expect(optionNames(composer)).to.deep.equal(['@Theo56', '@Julie-Volta']);
      expect($(composer, '#mention-0').textContent).to.contain('asked the question');
      // Only the writer's own name holds "ka": nothing to offer.
      type(composer, 'body', 'Hello @ka');
      await waitUntil(() => !listOpen(composer), 'the writer was offered', { timeout: 3000 });
    });

    it('moves with ↑/↓ through aria-activedescendant and inserts with Enter', async () => {
      const { composer, threadId } = await mountReply();
      await typeMention(composer, 'Hello @o');
      expect(textarea(composer).getAttribute('aria-activedescendant')).to.equal('mention-0');
      expect(textarea(composer).getAttribute('aria-controls')).to.equal('mention-list');

      press(composer, 'ArrowDown');
      await composer.updateComplete;
      expect(textarea(composer).getAttribute('aria-activedescendant')).to.equal('mention-1');
      expect($(composer, '#mention-1').getAttribute('aria-selected')).to.equal('true');
      press(composer, 'ArrowDown');
      await composer.updateComplete;
      expect(textarea(composer).getAttribute('aria-activedescendant')).to.equal('mention-0');
      press(composer, 'ArrowUp');
      await composer.updateComplete;
      const enter = press(composer, 'Enter');
      await composer.updateComplete;

      expect(enter.defaultPrevented).to.equal(true);
      expect(textarea(composer).value).to.equal('Hello @Julie-Volta ');
      expect(textarea(composer).selectionStart).to.equal('Hello @Julie-Volta '.length);
      expect(listOpen(composer)).to.equal(false);
      expect(textarea(composer).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(localStorage.getItem(`entraide:draft:reply:${threadId}`)).to.contain('Hello @Julie-Volta ');
    });

    it('works with real key presses: type, ↓, Enter, then the text goes on', async () => {
      const { composer } = await mountReply();
      textarea(composer).focus();

      await sendKeys({ type: 'Thanks @o' });
      await waitUntil(() => optionNames(composer).length === 2, 'the list never opened', { timeout: 3000 });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'and all' });

      expect(textarea(composer).value).to.equal('Thanks @Julie-Volta and all');
      expect(listOpen(composer)).to.equal(false);
    });

    it('inserts with Tab in the middle of the text, and Escape closes until another @', async () => {
      const { composer } = await mountReply({ participants: ['sam_uk', 'rosier', DEMO_PEOPLE.topHelper] });
      const field = textarea(composer);
      field.value = 'Hi @ro and welcome';
      field.setSelectionRange(6, 6);
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await waitUntil(() => listOpen(composer), 'the list never opened', { timeout: 3000 });

      press(composer, 'Tab');
      await composer.updateComplete;
      expect(field.value).to.equal('Hi @rosier and welcome');

      await typeMention(composer, 'Hi @s');
      const escape = press(composer, 'Escape');
      await composer.updateComplete;
      expect([escape.defaultPrevented, listOpen(composer)]).to.deep.equal([true, false]);
      type(composer, 'body', 'Hi @sa');
      await composer.updateComplete;
      expect(listOpen(composer)).to.equal(false);
      await typeMention(composer, 'Hi @sa and @r');
      expect(optionNames(composer)).to.deep.equal(['@rosier']);
    });

    it('uses the participants it is given without asking the server', async () => {
      const requests = countRequests('/api/threads/');
      const { composer } = await mountReply({ participants: ['sam_uk', 'rosier', 'Léa'] });

      await typeMention(composer, '@le');
      requests.stop();

      expect(optionNames(composer)).to.deep.equal(['@Léa']);
      expect(requests.count).to.equal(0);
    });

    it('picks with the mouse, and Enter without a list still makes a new line', async () => {
      const { composer } = await mountReply({ participants: ['sam_uk', 'rosier'] });
      type(composer, 'body', 'No mention here');
      expect(press(composer, 'Enter').defaultPrevented).to.equal(false);

      await typeMention(composer, 'Thanks @r');
      $(composer, '#mention-0').click();
      await composer.updateComplete;

      expect(textarea(composer).value).to.equal('Thanks @rosier ');
    });

    it('names the list in French and has no axe-core violation while open', async () => {
      const { composer } = await mountReply({ locale: 'fr' });

      await typeMention(composer, 'Merci @th');

      expect($(composer, '[role="listbox"]').getAttribute('aria-label')).to.equal('Participants de la discussion');
      expect($(composer, '#mention-0').textContent).to.contain('a posé la question');
      await expectAccessible(composer);
    });
  });

  describe('"maybe already answered" on a new question', () => {
    const article = (id: number, title: string): FaqHit => ({
      id, slug: `article-${id}`, locale: 'en', categoryId: null, title, summary: `${title} in short.`, titleHtml: title, snippetHtml: title, score: 1,
    });
    const solved = (id: number, title: string) => ({ thread: { id, title }, postId: null, titleHtml: title, snippetHtml: title, score: 1 }) as unknown as SearchHit;
    const answer = (prefix: string): FaqSuggestions => ({
      articles: [1, 2, 3, 4].map((n) => article(n, `${prefix} article ${n}`)),
      threads: [11, 12, 13, 14].map((n) => solved(n, `${prefix} thread ${n}`)),
    });

    /** Every suggestion asked through `client`, with its answer: the very promise the composer awaits. */
    function keepSuggestions(client: EntraideClient) {
      const asked: Array<{ text: string; answer: Promise<FaqSuggestions> }> = [];
      const suggest = client.faq.suggest;
      client.faq.suggest = (input, request) => {
        const answer = suggest(input, request);
        asked.push({ text: input.text, answer });
        return answer;
      };
      return asked;
    }

    /** The category of the demo FAQ's voicemail article: the questions typed below are about voicemail. */
    const voicemailCategory = (forum: MockForum) =>
      pick<{ id: number }>(forum, `select category_id as id from faq_articles where slug = 'messagerie-vocale' and category_id is not null order by id limit 1`).then(({ id }) => id);

    async function mountThread(locale: 'fr' | 'en' = 'en', faqTemplate = 'https://help.example/faq/{slug}') {
      const forum = await mockForum();
      const categoryId = await voicemailCategory(forum);
      const asker = await forum.member(DEMO_PEOPLE.asker);
      const client = createEntraideClient({ baseUrl: '/api', token: asker.token });
      const asked = keepSuggestions(client);
      const composer = await mount<EntraideComposer>(
        html`<entraide-composer mode="thread" category-id=${categoryId} faq-href-template=${faqTemplate}></entraide-composer>`,
        { locale, client, as: asker },
      );
      return { forum, client, asked, composer, categoryId };
    }

    /**
     * A second question composer on the same client, in another category (its own draft). Typed
     * into right after the first, its pause ends after the first's: once it has asked, the first
     * would have too.
     */
    const mountSecond = async (forum: MockForum, client: EntraideClient, firstCategoryId: number) => {
      const other = await pick<{ id: number }>(forum, 'select id from categories where id <> $1 order by position, id limit 1', [firstCategoryId]);
      return mount<EntraideComposer>(html`<entraide-composer mode="thread" category-id=${other.id}></entraide-composer>`, { locale: 'en', client, as: await forum.member(DEMO_PEOPLE.asker) });
    };
    const SECOND_TITLE = 'Roaming abroad does not work';
    const secondAsked = (asked: Array<{ text: string }>) => asked.some(({ text }) => text === SECOND_TITLE);

    const suggestions = (composer: EntraideComposer) => composer.shadowRoot!.querySelector('[part="suggestions"]');
    const items = (composer: EntraideComposer) => [...composer.shadowRoot!.querySelectorAll('[part="suggestion"] :is(a, strong)')].map((link) => link.textContent);

    it('asks once the typing pauses and shows 3 articles and 3 solved threads, with links, before the send button', async () => {
      const { composer, categoryId } = await mountThread();
      const asked: Array<Record<string, unknown>> = [];
      worker.use(http.post('/api/faq/suggest', async ({ request }) => {
        asked.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json(answer('Voicemail'));
      }));
      type(composer, 'body', 'Callers hear a message.');

      for (const title of ['Voi', 'Voicemail', 'Voicemail broken', 'Voicemail broken after porting']) type(composer, 'title', title);
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });

      expect(asked).to.deep.equal([{ text: 'Voicemail broken after porting\nCallers hear a message.', locale: 'en', categoryId }]);
      expect(items(composer)).to.deep.equal([
        'Voicemail article 1', 'Voicemail article 2', 'Voicemail article 3', 'Voicemail thread 11', 'Voicemail thread 12', 'Voicemail thread 13',
      ]);
      expect($(composer, '[part="suggestion"] a').getAttribute('href')).to.equal('https://help.example/faq/article-1');
      expect($(composer, '[part="suggestion"]:nth-child(1) a[href^="#/t/11-"]')).to.not.equal(null);
      expect(suggestions(composer)!.compareDocumentPosition($(composer, '[part="send"]')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect($(composer, '#deflection-heading').textContent).to.equal('Maybe already answered');
    });

    it('asks for a restored question’s title without waiting for a keystroke', async () => {
      const forum = await mockForum();
      const categoryId = await voicemailCategory(forum);
      localStorage.setItem(`entraide:draft:thread:${categoryId}`, JSON.stringify({ title: 'Voicemail broken after porting', body: '' }));
      worker.use(http.post('/api/faq/suggest', () => HttpResponse.json(answer('Restored'))));

      const composer = await mount<EntraideComposer>(html`<entraide-composer mode="thread" category-id=${categoryId}></entraide-composer>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.asker) });
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });

      expect(items(composer)[0]).to.equal('Restored article 1');
    });

    it('asks nothing for a title under three words and twelve characters', async () => {
      const { forum, client, asked, composer, categoryId } = await mountThread();
      const second = await mountSecond(forum, client, categoryId);

      type(composer, 'title', 'No signal');
      type(second, 'title', SECOND_TITLE);
      await waitUntil(() => secondAsked(asked), 'the second composer never asked', { timeout: 3000 });

      expect(asked.map(({ text }) => text)).to.deep.equal([SECOND_TITLE]);
      expect(suggestions(composer)).to.equal(null);
    });

    it('never shows an answer to an older title', async () => {
      const { asked, composer } = await mountThread();
      let answerOld = () => {};
      const oldAnswerReleased = new Promise<void>((resolve) => (answerOld = resolve));
      worker.use(http.post('/api/faq/suggest', async ({ request }) => {
        const { text } = (await request.json()) as { text: string };
        if (text.startsWith('Old')) await oldAnswerReleased;
        return HttpResponse.json(answer(text.startsWith('Old') ? 'Old' : 'New'));
      }));

      type(composer, 'title', 'Old question about voicemail');
      await waitUntil(() => asked.length === 1, 'the old title was never asked', { timeout: 3000 });
      type(composer, 'title', 'New question about roaming');
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });
      answerOld();
      // The composer awaited the old answer before this test did: it has dealt with it by now.
      await asked[0]!.answer.catch(() => undefined);
      await composer.updateComplete;

      expect(items(composer)[0]).to.equal('New article 1');
      expect(items(composer).some((text) => text?.startsWith('Old'))).to.equal(false);
    }).timeout(5000);

    it('can be dismissed, and then stays away', async () => {
      const { forum, client, asked, composer, categoryId } = await mountThread();
      worker.use(http.post('/api/faq/suggest', () => HttpResponse.json(answer('Voicemail'))));
      type(composer, 'title', 'Voicemail broken after porting');
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });
      const second = await mountSecond(forum, client, categoryId);

      $(composer, '[part="dismiss"]').click();
      await composer.updateComplete;
      type(composer, 'title', 'Voicemail still broken after porting');
      type(second, 'title', SECOND_TITLE);
      await waitUntil(() => secondAsked(asked), 'the second composer never asked', { timeout: 3000 });

      expect(asked.map(({ text }) => text)).to.deep.equal(['Voicemail broken after porting', SECOND_TITLE]);
      expect(suggestions(composer)).to.equal(null);
    });

    it('shows FAQ titles without a link when no FAQ address is set, and stays silent when suggestions fail', async () => {
      const { forum, asked, composer } = await mountThread('en', '');
      worker.use(http.post('/api/faq/suggest', () => HttpResponse.json({ articles: [article(1, 'Voicemail')], threads: [] })));
      type(composer, 'title', 'Voicemail broken after porting');
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });
      expect($(composer, '[part="suggestion"] strong').textContent).to.equal('Voicemail');
      expect(composer.shadowRoot!.querySelector('[part="suggestion"] a')).to.equal(null);

      worker.resetHandlers(...forum.handlers);
      forum.failures.suggestFaq = 500;
      type(composer, 'title', 'Another question entirely');
      await waitUntil(() => asked.length === 2, 'the second title was never asked', { timeout: 3000 });
      // The composer awaited the failure before this test did: it has dealt with it by now.
      await asked[1]!.answer.catch(() => undefined);
      await composer.updateComplete;

      expect($(composer, '[part="send"]').hasAttribute('disabled')).to.equal(false);
      expect(composer.shadowRoot!.querySelector('[role="alert"]:not(:empty)')).to.equal(null);
    });

    it('uses the mocks’ own suggestions in French and has no axe-core violation', async () => {
      const { composer } = await mountThread('fr');

      type(composer, 'title', 'Ma messagerie vocale ne marche plus');
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });

      expect($(composer, '#deflection-heading').textContent).to.equal('Une réponse existe peut-être déjà');
      expect(items(composer).length).to.be.greaterThan(0);
      await expectAccessible(composer);
    });

    it('never runs an XSS payload in a suggested title', async () => {
      const { composer } = await mountThread();
      const payload = '<img src=x onerror="window.composerXss=1">';
      worker.use(http.post('/api/faq/suggest', () => HttpResponse.json({ articles: [article(1, payload)], threads: [solved(11, payload)] })));

      type(composer, 'title', 'Voicemail broken after porting');
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });

      expect(suggestions(composer)!.querySelectorAll('img').length).to.equal(0);
      expect(items(composer)).to.deep.equal([payload, payload]);
      expect((window as { composerXss?: number }).composerXss).to.equal(undefined);
    });

    // Last on purpose: once <entraide-faq-link> is registered, it stays for the rest of the page.
    it('shows articles as <entraide-faq-link> cards when the page has that element', async () => {
      await import('../../src/components/faq-link/faq-link.ts');
      const { composer } = await mountThread();
      worker.use(http.post('/api/faq/suggest', () => HttpResponse.json(answer('Voicemail'))));

      type(composer, 'title', 'Voicemail broken after porting');
      await waitUntil(() => suggestions(composer), 'no suggestions shown', { timeout: 3000 });

      const cards = [...composer.shadowRoot!.querySelectorAll('entraide-faq-link')];
      expect(cards.map((card) => card.article?.title)).to.deep.equal(['Voicemail article 1', 'Voicemail article 2', 'Voicemail article 3']);
      expect(cards[0]!.getAttribute('href-template')).to.equal('https://help.example/faq/{slug}');
      await cards[0]!.updateComplete;
      expect(cards[0]!.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://help.example/faq/article-1');
    });
  });
});
