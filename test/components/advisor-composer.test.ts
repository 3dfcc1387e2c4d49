/** <entraide-advisor-composer>: recipient-design tips, confirm and credit, preview, send path. */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';
import '../../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideReplySentEvent } from '../../src/components/events/reply-sent.ts';
import type { Post } from '../../src/contract/models.ts';
import type { MockForum } from '../../src/mocks/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { $, $$, body, tick, type } from './advisor-composer-helpers.ts';
import { expectAccessible, MEMBERS, mockForum, mount, textOf, useMockWorker, watchMarkupParsing } from './helpers.ts';

declare global {
  interface Window {
    advisorComposerXss?: number;
  }
}

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

const warningKinds = (el: EntraideAdvisorComposer) => $$(el, '[part="warning"]').map((w) => w.dataset.kind);

/** A client signed in as `memberId` that records every write it sends. */
function recordingClient(forum: MockForum, memberId: number, sent: Sent[]) {
  const recordingFetch: typeof fetch = (input, init) => {
    // The SDK passes a URL string and a JSON string body.
    const url = new URL(input as string, location.href);
    if (init?.method && init.method !== 'GET') sent.push({ method: init.method, path: url.pathname, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    return fetch(input, init);
  };
  return createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(memberId), fetch: recordingFetch });
}

const writes = (sent: Sent[]) => sent.filter((request) => request.path.includes('/threads/'));

/** Thread 2 (English): sam_uk asks, rosier (a member) answers. Signed in as Léa, an advisor. */
async function mountComposer(options: { locale?: 'fr' | 'en'; threadId?: number; extraPosts?: (posts: Post[]) => Post[]; signature?: string } = {}) {
  const forum = mockForum();
  const sent: Sent[] = [];
  const client = recordingClient(forum, MEMBERS.lea, sent);
  if (options.signature) await client.community.setSignature(options.signature);
  const { thread, posts } = await client.threads.get(options.threadId ?? 2);
  const all = [...posts, ...(options.extraPosts?.(posts) ?? [])];
  const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${all}></entraide-advisor-composer>`,
    { client, locale: options.locale ?? 'en', as: { forum, memberId: MEMBERS.lea } });
  sent.length = 0;
  return { forum, el, sent, thread, posts: all, client };
}

/** An advisor reply by Julie, so that she can be credited as "assisted by". */
function julieReply(template: Post, overrides: Partial<Post['author']> = {}): Post {
  return { ...template, id: 9_000, kind: 'reply', author: { ...template.author, id: MEMBERS.julie, pseudonym: 'julie', role: 'advisor', team: 'commercial', ...overrides } };
}

describe('<entraide-advisor-composer>', () => {
  useMockWorker();
  beforeEach(() => localStorage.clear());

  describe('the greeting', () => {
    it('starts by greeting everyone and the asker, in English', async () => {
      const { el } = await mountComposer();
      expect(body(el)).to.equal('Hello everyone, @sam_uk\n');
      expect(warningKinds(el)).to.deep.equal([]);
    });

    it('starts in French with « Bonjour à tous »', async () => {
      const { el } = await mountComposer({ locale: 'fr' });
      expect(body(el)).to.equal('Bonjour à tous, @sam_uk\n');
      expect(textOf(el)).to.contain('Confirmer et créditer');
    });
  });

  describe('live writing tips', () => {
    it('warns while the greeting names only the asker, and stops when everyone is greeted', async () => {
      const { el } = await mountComposer();

      await type(el, 'Hello sam_uk,\nCall 888 once.');
      expect(warningKinds(el)).to.deep.equal(['single-addressee']);
      expect($(el, '[part="warnings"]').getAttribute('aria-live')).to.equal('polite');

      await type(el, 'Hello everyone, @sam_uk\nCall 888 once.');
      expect(warningKinds(el)).to.deep.equal([]);
    });

    it('suggests answering in public and explaining jargon', async () => {
      const { el } = await mountComposer();

      await type(el, 'Hello everyone, @sam_uk\nCheck the APN, or send me a private message.');

      expect(warningKinds(el)).to.deep.equal(['jargon', 'private-redirect']);
      expect(textOf(el)).to.contain('These terms may not be understood: APN');
    });

    it('flags long sentences and long replies, and calms down once they are cut', async () => {
      const { el } = await mountComposer();
      const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

      await type(el, `Hello everyone, @sam_uk\n${words(200)}.`);
      expect(warningKinds(el)).to.deep.equal(['too-long', 'long-sentences']);

      await type(el, `Hello everyone, @sam_uk\n${words(10)}. ${words(10)}.`);
      expect(warningKinds(el)).to.deep.equal([]);
    });

    it('hides a dismissed tip, gives the focus back to the text, and shows a different one again', async () => {
      const { el } = await mountComposer();
      await type(el, 'Hello sam_uk, call 888.');

      await tick(el, '[part="dismiss"]');
      await el.updateComplete;

      expect(warningKinds(el)).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.id).to.equal('body');
      await type(el, 'Hello rosier, call 888.');
      expect(warningKinds(el)).to.deep.equal(['single-addressee']);
    });
  });

  describe('confirm and credit', () => {
    it('lists the community replies only, with author and excerpt', async () => {
      const { el } = await mountComposer();
      const items = $$(el, '[part="citation"]');
      expect(items.length).to.equal(1);
      expect(items[0]!.textContent).to.contain('@rosier');
      expect(items[0]!.textContent).to.contain('Voicemail has to be activated again');
    });

    it('inserts the citation line under the greeting, and takes it out again', async () => {
      const { el } = await mountComposer();

      await tick(el, '#cite-6');
      expect(body(el)).to.equal('Hello everyone, @sam_uk\nAs @rosier rightly explained, I confirm this answer.\n');
      expect($(el, '[part="send"]').textContent).to.contain('1 reply credited');

      await tick(el, '#cite-6');
      expect(body(el)).to.equal('Hello everyone, @sam_uk\n');
    });

    it('posts a confirmation citing the reply, the linked FAQ article and the colleague', async () => {
      const { el: withJulie, sent: sentWithJulie } = await mountComposer({ extraPosts: (posts) => [julieReply(posts[1]!)] });
      await waitUntil(() => withJulie.shadowRoot!.querySelector('[data-faq-id]'), 'no FAQ suggestion', { timeout: 3000 });
      const faqId = Number($(withJulie, '[data-faq-id]').dataset.faqId);
      let stored: Post | undefined;
      withJulie.addEventListener('entraide-reply-sent', (event: EntraideReplySentEvent) => (stored = event.detail.post));

      await tick(withJulie, '#cite-6');
      await tick(withJulie, `#assist-${MEMBERS.julie}`);
      await tick(withJulie, '[data-faq-id]');
      $(withJulie, '[part="send"]').click();
      await waitUntil(() => stored, 'the confirmation was never stored', { timeout: 3000 });

      expect(writes(sentWithJulie)).to.deep.equal([{
        method: 'POST', path: '/api/threads/2/confirmations',
        body: { body: 'Hello everyone, @sam_uk\nAs @rosier rightly explained, I confirm this answer.', citedPostIds: [6], faqArticleIds: [faqId], assistedByIds: [MEMBERS.julie] },
      }]);
      expect(stored!.confirmation?.cited.map((c) => c.author.pseudonym)).to.deep.equal(['rosier']);
      expect(body(withJulie)).to.equal('Hello everyone, @sam_uk\n');
    });

    it('posts a plain reply when nothing is cited', async () => {
      const { el, sent } = await mountComposer();
      await type(el, 'Hello everyone, @sam_uk\nCall 888 once from your phone.');
      let stored: Post | undefined;
      el.addEventListener('entraide-reply-sent', (event: EntraideReplySentEvent) => (stored = event.detail.post));

      $(el, '[part="send"]').click();
      await waitUntil(() => stored, 'the reply was never stored', { timeout: 3000 });

      expect(writes(sent)).to.deep.equal([{ method: 'POST', path: '/api/threads/2/posts', body: { body: 'Hello everyone, @sam_uk\nCall 888 once from your phone.' } }]);
      expect(stored!.confirmation).to.equal(undefined);
    });

    it('asks for a citation before sending FAQ links or credits, and sends nothing', async () => {
      const { el, sent } = await mountComposer();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-faq-id]'), 'no FAQ suggestion', { timeout: 3000 });

      await tick(el, '[data-faq-id]');
      $(el, '[part="send"]').click();
      await el.updateComplete;

      expect($(el, '[part="error"]').textContent).to.contain('tick at least one community reply');
      expect(writes(sent)).to.deep.equal([]);
    });

    it('offers the advisors who wrote in the thread as colleagues, never the signed-in advisor', async () => {
      const { el } = await mountComposer({ threadId: 1, locale: 'fr' });
      expect($$(el, '[part="assisted-by"] input').length).to.equal(0);
      expect(textOf($(el, '[part="assisted-by"]'))).to.contain('Aucun collègue');
    });
  });

  describe('signature and preview', () => {
    it('shows the community signature rendered by the server', async () => {
      const { el } = await mountComposer({ signature: 'The community is about **sharing**.' });
      await waitUntil(() => el.shadowRoot!.querySelector('.signature-body strong'), 'the signature never rendered', { timeout: 3000 });
      expect($(el, '.signature-body strong').textContent).to.equal('sharing');
    });

    it('previews the body as the public will see it, signature included, with the arrow keys between tabs', async () => {
      const { el } = await mountComposer({ signature: 'Merci de ne pas envoyer de **message privé**.' });
      await waitUntil(() => el.shadowRoot!.querySelector('.signature-body'), 'the signature never rendered', { timeout: 3000 });
      await type(el, 'Hello everyone, @sam_uk\nCall **888** once.');

      $(el, '#tab-write').focus();
      $(el, '#tab-write').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => el.shadowRoot!.querySelector('[part="preview"]'), 'the preview never loaded', { timeout: 3000 });

      expect($(el, '[part="preview"]').innerHTML).to.contain('<strong>888</strong>');
      expect($(el, '#panel-write').hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-preview');
      expect($(el, '#panel-preview [part="preview-signature"] strong').textContent).to.equal('message privé');
    });
  });

  describe('drafts and keyboard', () => {
    it('keeps the draft across a reload and sends with Ctrl+Enter', async () => {
      const { el, sent, thread, posts, client, forum } = await mountComposer();
      await type(el, 'Hello everyone, @sam_uk\nKept text.');
      el.remove();

      const again = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
        { client, locale: 'en', as: { forum, memberId: MEMBERS.lea } });
      expect(body(again)).to.equal('Hello everyone, @sam_uk\nKept text.');
      expect(textOf(again)).to.contain('Your draft was restored.');

      $(again, '#body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => writes(sent).length === 1, 'Ctrl+Enter never sent', { timeout: 3000 });
      expect(writes(sent)[0]!.path).to.equal('/api/threads/2/posts');
      expect($<HTMLTextAreaElement>(again, '#body').getAttribute('aria-keyshortcuts')).to.equal('Control+Enter');
    });

    it('passes axe with tips, checklist and FAQ suggestions shown', async () => {
      const { el } = await mountComposer({ locale: 'fr' });
      await type(el, 'Bonjour sam_uk, envoyez-moi votre RIO en MP.');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="faq-suggestions"] ul, [part="faq-suggestions"] p:not([role])'), 'FAQ never settled', { timeout: 3000 });
      expect(warningKinds(el)).to.deep.equal(['single-addressee', 'jargon', 'private-redirect']);
      await expectAccessible(el);
    });
  });

  describe('quotes', () => {
    it('adds a quote at the end for the thread’s "Quote" action, without tips about the quoted words', async () => {
      const { el } = await mountComposer();

      await el.quote('rosier', 'Send me your PUK in a private message');

      expect(body(el)).to.match(/^Hello everyone, @sam_uk\n[\s\S]*> Send me your PUK in a private message/);
      expect(warningKinds(el)).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.id).to.equal('body');
    });
  });

  describe('on a phone', () => {
    it('fits a 360 px wide screen without sideways scrolling', async () => {
      const forum = mockForum();
      const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea) });
      const { thread, posts } = await client.threads.get(2);
      const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
        { client, locale: 'fr', width: '360px', as: { forum, memberId: MEMBERS.lea } });
      await type(el, 'Bonjour sam_uk, vérifiez l’APN puis écrivez-moi en MP.');

      const form = $(el, 'form');
      expect(form.scrollWidth).to.be.at.most(360);
      expect(el.getBoundingClientRect().width).to.equal(360);
    });
  });

  describe('hostile text', () => {
    it('never runs markup from pseudonyms or excerpts', async () => {
      const parsed = watchMarkupParsing();
      const payload = '<img src=x onerror="window.advisorComposerXss=1">';
      // As the server renders it (escaped), plus raw tags a broken server might let through.
      const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const forum = mockForum();
      const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea) });
      const { thread, posts } = await client.threads.get(2);
      const hostile: Post = { ...posts[1]!, author: { ...posts[1]!.author, pseudonym: payload }, bodyHtml: `<p>${escaped}</p>${payload}<script>window.advisorComposerXss=2</script>` };
      const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${{ ...thread, author: { ...thread.author, pseudonym: payload } }} .posts=${[posts[0]!, hostile]}></entraide-advisor-composer>`,
        { client, locale: 'en', as: { forum, memberId: MEMBERS.lea } });

      await tick(el, '#cite-6');

      expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect($(el, '[part="citation"] label').textContent).to.contain(`@${payload}`);
      expect($(el, '[part="citation"] q').textContent).to.equal(payload);
      expect(body(el)).to.contain(`As @${payload} rightly explained`);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect(window.advisorComposerXss).to.equal(undefined);
    });
  });
});
