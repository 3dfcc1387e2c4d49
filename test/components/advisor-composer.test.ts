/** <entraide-advisor-composer>: recipient-design tips, confirm and credit, preview, send path. */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';
import '../../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideReplySentEvent } from '../../src/components/events/reply-sent.ts';
import type { Post } from '../../src/contract/models.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { $, $$, body, tick, type } from './advisor-composer-helpers.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, textOf, watchMarkupParsing, type MockForum, type MockMember } from './helpers.ts';

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

/** A client signed in as `member` that records every write it sends. */
function recordingClient(member: MockMember, sent: Sent[]) {
  const recordingFetch: typeof fetch = (input, init) => {
    // The SDK passes a URL string and a JSON string body.
    const url = new URL(input as string, location.href);
    if (init?.method && init.method !== 'GET') sent.push({ method: init.method, path: url.pathname, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    return fetch(input, init);
  };
  return createEntraideClient({ baseUrl: '/api', token: member.token, fetch: recordingFetch });
}

const writes = (sent: Sent[]) => sent.filter((request) => request.path.includes('/threads/'));

interface AnsweredThread {
  id: number;
  asker: string;
  /** The one community reply, its author and the first words a reader sees of it. */
  replyId: number;
  helper: string;
  replyStart: string;
}

/**
 * An English thread with a question and one member's reply, which no advisor confirmed yet: the
 * advisor may greet the asker and credit that reply.
 */
const answeredThread = (forum: MockForum) => pick<AnsweredThread>(
  forum,
  `select t.id, a.pseudonym as asker, p.id as "replyId", h.pseudonym as helper,
          left(split_part(split_part(split_part(p.body_md, '*', 1), '\`', 1), '[', 1), 30) as "replyStart"
     from threads t join members a on a.id = t.author_id
     join posts p on p.thread_id = t.id and p.kind = 'reply' and not p.hidden join members h on h.id = p.author_id and h.role = 'member'
    where t.locale = 'en' and t.status = 'answered' and t.merged_into_id is null and t.confirmed_at is null and not t.needs_account
      and (select count(*) from posts x where x.thread_id = t.id) = 2
    order by t.id limit 1`,
);

/** Signed in as the technical advisor, on an English thread a member answered. */
async function mountComposer(options: { forum?: MockForum; locale?: 'fr' | 'en'; threadId?: number; extraPosts?: (posts: Post[]) => Post[]; signature?: string } = {}) {
  const forum = options.forum ?? (await mockForum());
  const answered = await answeredThread(forum);
  const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
  const sent: Sent[] = [];
  const client = recordingClient(advisor, sent);
  const { thread, posts } = await client.threads.get(options.threadId ?? answered.id);
  // The signature of the thread's language: the one its readers see.
  if (options.signature) await client.community.setSignature(options.signature, {}, thread.locale);
  const all = [...posts, ...(options.extraPosts?.(posts) ?? [])];
  const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${all}></entraide-advisor-composer>`,
    { client, locale: options.locale ?? 'en', as: advisor });
  sent.length = 0;
  return { forum, el, sent, thread, posts: all, client, answered, advisor };
}

/** An advisor reply by the commercial advisor, so that she can be credited as "assisted by". */
function colleagueReply(template: Post, colleague: MockMember): Post {
  return { ...template, id: 900_000, kind: 'reply', author: { ...template.author, id: colleague.id, pseudonym: colleague.pseudonym, role: 'advisor', team: 'commercial' } };
}

describe('<entraide-advisor-composer>', () => {
  beforeEach(() => localStorage.clear());

  describe('the greeting', () => {
    it('starts by greeting everyone and the asker, in English', async () => {
      const { el, answered } = await mountComposer();
      expect(body(el)).to.equal(`Hello everyone, @${answered.asker}\n`);
      expect(warningKinds(el)).to.deep.equal([]);
    });

    it('starts in French with « Bonjour à tous »', async () => {
      const { el, answered } = await mountComposer({ locale: 'fr' });
      expect(body(el)).to.equal(`Bonjour à tous, @${answered.asker}\n`);
      expect(textOf(el)).to.contain('Confirmer et créditer');
    });
  });

  describe('live writing tips', () => {
    it('warns while the greeting names only the asker, and stops when everyone is greeted', async () => {
      const { el, answered } = await mountComposer();

      await type(el, `Hello ${answered.asker},\nCall 888 once.`);
      expect(warningKinds(el)).to.deep.equal(['single-addressee']);
      expect($(el, '[part="warnings"]').getAttribute('aria-live')).to.equal('polite');

      await type(el, `Hello everyone, @${answered.asker}\nCall 888 once.`);
      expect(warningKinds(el)).to.deep.equal([]);
    });

    it('suggests answering in public and explaining jargon', async () => {
      const { el, answered } = await mountComposer();

      await type(el, `Hello everyone, @${answered.asker}\nCheck the APN, or send me a private message.`);

      expect(warningKinds(el)).to.deep.equal(['jargon', 'private-redirect']);
      expect(textOf(el)).to.contain('These terms may not be understood: APN');
    });

    it('flags long sentences and long replies, and calms down once they are cut', async () => {
      const { el, answered } = await mountComposer();
      const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

      await type(el, `Hello everyone, @${answered.asker}\n${words(200)}.`);
      expect(warningKinds(el)).to.deep.equal(['too-long', 'long-sentences']);

      await type(el, `Hello everyone, @${answered.asker}\n${words(10)}. ${words(10)}.`);
      expect(warningKinds(el)).to.deep.equal([]);
    });

    it('hides a dismissed tip, gives the focus back to the text, and shows a different one again', async () => {
      const { el, answered } = await mountComposer();
      await type(el, `Hello ${answered.asker}, call 888.`);

      await tick(el, '[part="dismiss"]');
      await el.updateComplete;

      expect(warningKinds(el)).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.id).to.equal('body');
      await type(el, `Hello ${answered.helper}, call 888.`);
      expect(warningKinds(el)).to.deep.equal(['single-addressee']);
    });
  });

  describe('confirm and credit', () => {
    it('lists the community replies only, with author and excerpt', async () => {
      const { el, answered } = await mountComposer();
      const items = $$(el, '[part="citation"]');
      expect(items.length).to.equal(1);
      expect(items[0]!.textContent).to.contain(`@${answered.helper}`);
      expect(items[0]!.textContent).to.contain(answered.replyStart);
    });

    it('inserts the citation line under the greeting, and takes it out again', async () => {
      const { el, answered } = await mountComposer();

      await tick(el, `#cite-${answered.replyId}`);
      expect(body(el)).to.equal(`Hello everyone, @${answered.asker}\nAs @${answered.helper} rightly explained, I confirm this answer.\n`);
      expect($(el, '[part="send"]').textContent).to.contain('1 reply credited');

      await tick(el, `#cite-${answered.replyId}`);
      expect(body(el)).to.equal(`Hello everyone, @${answered.asker}\n`);
    });

    it('posts a confirmation citing the reply, the linked FAQ article and the colleague', async () => {
      const forum = await mockForum();
      const colleague = await forum.member(DEMO_PEOPLE.commercialAdvisor);
      const { el: withColleague, sent: sentWithColleague, answered } = await mountComposer({ forum, extraPosts: (posts) => [colleagueReply(posts[1]!, colleague)] });
      await waitUntil(() => withColleague.shadowRoot!.querySelector('[data-faq-id]'), 'no FAQ suggestion', { timeout: 3000 });
      const faqId = Number($(withColleague, '[data-faq-id]').dataset.faqId);
      let stored: Post | undefined;
      withColleague.addEventListener('entraide-reply-sent', (event: EntraideReplySentEvent) => (stored = event.detail.post));

      await tick(withColleague, `#cite-${answered.replyId}`);
      await tick(withColleague, `#assist-${colleague.id}`);
      await tick(withColleague, '[data-faq-id]');
      $(withColleague, '[part="send"]').click();
      await waitUntil(() => stored, 'the confirmation was never stored', { timeout: 3000 });

      expect(writes(sentWithColleague)).to.deep.equal([{
        method: 'POST', path: `/api/threads/${answered.id}/confirmations`,
        body: { body: `Hello everyone, @${answered.asker}\nAs @${answered.helper} rightly explained, I confirm this answer.`, citedPostIds: [answered.replyId], faqArticleIds: [faqId], assistedByIds: [colleague.id] },
      }]);
      expect(stored!.confirmation?.cited.map((c) => c.author.pseudonym)).to.deep.equal([answered.helper]);
      expect(body(withColleague)).to.equal(`Hello everyone, @${answered.asker}\n`);
    });

    it('posts a plain reply when nothing is cited', async () => {
      const { el, sent, answered } = await mountComposer();
      await type(el, `Hello everyone, @${answered.asker}\nCall 888 once from your phone.`);
      let stored: Post | undefined;
      el.addEventListener('entraide-reply-sent', (event: EntraideReplySentEvent) => (stored = event.detail.post));

      $(el, '[part="send"]').click();
      await waitUntil(() => stored, 'the reply was never stored', { timeout: 3000 });

      expect(writes(sent)).to.deep.equal([{ method: 'POST', path: `/api/threads/${answered.id}/posts`, body: { body: `Hello everyone, @${answered.asker}\nCall 888 once from your phone.` } }]);
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
      const forum = await mockForum();
      const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      // A thread where the signed-in advisor is the only advisor who wrote; and nobody is on duty now.
      const own = await pick<{ id: number }>(forum, `select t.id from threads t where t.merged_into_id is null
          and exists (select 1 from posts p where p.thread_id = t.id and p.author_id = $1)
          and not exists (select 1 from posts p join members m on m.id = p.author_id where p.thread_id = t.id and m.role = 'advisor' and m.id <> $1)
        order by t.id limit 1`, [advisor.id]);
      for (const pseudonym of [DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.commercialAdvisor]) {
        await createEntraideClient({ baseUrl: '/api', token: (await forum.member(pseudonym)).token }).agent.setPlan({ slots: [] });
      }
      const { el } = await mountComposer({ forum, threadId: own.id, locale: 'fr' });
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

    it('shows the signature of the thread’s language, whatever the advisor’s own', async () => {
      const { el, thread } = await mountComposer({ locale: 'fr' });
      expect(thread.locale).to.equal('en');
      await waitUntil(() => el.shadowRoot!.querySelector('.signature-body'), 'the signature never rendered', { timeout: 3000 });
      expect($(el, '.signature-body').textContent).to.contain('The community is about sharing');
    });

    it('previews the body as the public will see it, signature included, with the arrow keys between tabs', async () => {
      const { el, answered } = await mountComposer({ signature: 'Merci de ne pas envoyer de **message privé**.' });
      await waitUntil(() => el.shadowRoot!.querySelector('.signature-body'), 'the signature never rendered', { timeout: 3000 });
      await type(el, `Hello everyone, @${answered.asker}\nCall **888** once.`);

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
      const { el, sent, thread, posts, client, answered, advisor } = await mountComposer();
      await type(el, `Hello everyone, @${answered.asker}\nKept text.`);
      el.remove();

      const again = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
        { client, locale: 'en', as: advisor });
      expect(body(again)).to.equal(`Hello everyone, @${answered.asker}\nKept text.`);
      expect(textOf(again)).to.contain('Your draft was restored.');

      $(again, '#body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
      await waitUntil(() => writes(sent).length === 1, 'Ctrl+Enter never sent', { timeout: 3000 });
      expect(writes(sent)[0]!.path).to.equal(`/api/threads/${answered.id}/posts`);
      expect($<HTMLTextAreaElement>(again, '#body').getAttribute('aria-keyshortcuts')).to.equal('Control+Enter');
    });

    it('passes axe with tips, checklist and FAQ suggestions shown', async () => {
      const { el, answered } = await mountComposer({ locale: 'fr' });
      await type(el, `Bonjour ${answered.asker}, envoyez-moi votre RIO en MP.`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="faq-suggestions"] ul, [part="faq-suggestions"] p:not([role])'), 'FAQ never settled', { timeout: 3000 });
      expect(warningKinds(el)).to.deep.equal(['single-addressee', 'jargon', 'private-redirect']);
      await expectAccessible(el);
    });
  });

  describe('quotes', () => {
    it('adds a quote at the end for the thread’s "Quote" action, without tips about the quoted words', async () => {
      const { el, answered } = await mountComposer();

      await el.quote(answered.helper, 'Send me your PUK in a private message');

      expect(body(el).startsWith(`Hello everyone, @${answered.asker}\n`)).to.equal(true);
      expect(body(el)).to.match(/\n[\s\S]*> Send me your PUK in a private message/);
      expect(warningKinds(el)).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.id).to.equal('body');
    });
  });

  describe('on a phone', () => {
    it('fits a 360 px wide screen without sideways scrolling', async () => {
      const forum = await mockForum();
      const answered = await answeredThread(forum);
      const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      const client = createEntraideClient({ baseUrl: '/api', token: advisor.token });
      const { thread, posts } = await client.threads.get(answered.id);
      const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
        { client, locale: 'fr', width: '360px', as: advisor });
      await type(el, `Bonjour ${answered.asker}, vérifiez l’APN puis écrivez-moi en MP.`);

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
      const forum = await mockForum();
      const answered = await answeredThread(forum);
      const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      const client = createEntraideClient({ baseUrl: '/api', token: advisor.token });
      const { thread, posts } = await client.threads.get(answered.id);
      const hostile: Post = { ...posts[1]!, author: { ...posts[1]!.author, pseudonym: payload }, bodyHtml: `<p>${escaped}</p>${payload}<script>window.advisorComposerXss=2</script>` };
      const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${{ ...thread, author: { ...thread.author, pseudonym: payload } }} .posts=${[posts[0]!, hostile]}></entraide-advisor-composer>`,
        { client, locale: 'en', as: advisor });

      await tick(el, `#cite-${answered.replyId}`);

      expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect($(el, '[part="citation"] label').textContent).to.contain(`@${payload}`);
      expect($(el, '[part="citation"] q').textContent).to.equal(payload);
      expect(body(el)).to.contain(`As @${payload} rightly explained`);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect(window.advisorComposerXss).to.equal(undefined);
    });
  });
});
