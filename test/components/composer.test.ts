import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EntraideComposer } from '../../src/components/composer/composer.ts';
import '../../src/components/composer/composer.ts';
import { LIMITS } from '../../src/core/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, useMockWorker, worker, describeNode } from './helpers.ts';

const REPLY_KEY = 'entraide:draft:reply:2';
const THREAD_KEY = 'entraide:draft:thread:3';

function field(composer: EntraideComposer, name: 'title' | 'body'): HTMLInputElement | HTMLTextAreaElement {
  return composer.shadowRoot!.querySelector(`#${name}`)!;
}

function type(composer: EntraideComposer, name: 'title' | 'body', text: string): void {
  const control = field(composer, name);
  control.value = text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

function sendButton(composer: EntraideComposer): HTMLButtonElement {
  return composer.shadowRoot!.querySelector('[part="send"]')!;
}

function errorOf(composer: EntraideComposer, name: 'title' | 'body'): HTMLElement {
  return composer.shadowRoot!.querySelector(`#${name}-error`)!;
}

async function mountReply(locale: 'fr' | 'en' = 'en') {
  const forum = mockForum();
  const composer = await mount<EntraideComposer>(html`<entraide-composer mode="reply" thread-id="2"></entraide-composer>`, { locale, as: { forum, memberId: MEMBERS.pix37 } });
  return { forum, composer };
}

describe('<entraide-composer>', () => {
  useMockWorker();
  beforeEach(() => localStorage.clear());

  describe('in reply mode', () => {
    it('labels the field and shows the limit from LIMITS', async () => {
      const { composer } = await mountReply();

      expect(composer.shadowRoot!.querySelector('label[for="body"]')!.textContent).to.equal('Your reply');
      expect(field(composer, 'body').maxLength).to.equal(LIMITS.bodyMax);
      type(composer, 'body', 'Hello');
      await composer.updateComplete;
      expect(composer.shadowRoot!.querySelector('#body-count')!.textContent).to.equal('5 / 20,000 characters');
    });

    it('sends, fires entraide-reply-sent, then clears the text and the draft', async () => {
      const { composer } = await mountReply();
      type(composer, 'body', 'Dial 888 once.');
      expect(localStorage.getItem(REPLY_KEY)).to.contain('Dial 888 once.');

      setTimeout(() => sendButton(composer).click());
      const event = await oneEvent(composer, 'entraide-reply-sent');

      expect(event.detail.post.bodyHtml).to.equal('<p>Dial 888 once.</p>');
      expect(event.detail.post.threadId).to.equal(2);
      await composer.updateComplete;
      expect(field(composer, 'body').value).to.equal('');
      expect(localStorage.getItem(REPLY_KEY)).to.equal(null);
    });

    it('disables sending while the request is in flight', async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const { composer } = await mountReply();
      worker.use(http.post('/api/threads/2/posts', async () => {
        await gate;
        return HttpResponse.json({ error: { code: 'unavailable', message: 'Busy.' } }, { status: 503 });
      }));
      type(composer, 'body', 'Dial 888 once.');

      sendButton(composer).click();
      await composer.updateComplete;

      expect(sendButton(composer).disabled).to.equal(true);
      expect(sendButton(composer).textContent.trim()).to.equal('Sending…');
      expect(field(composer, 'body').readOnly).to.equal(true);
      release();
      await waitUntil(() => !sendButton(composer).disabled, 'the button never came back', { timeout: 3000 });
    });

    it('keeps the text and the draft on a 500 and says why next to the field', async () => {
      const { forum, composer } = await mountReply();
      forum.failures.replyToThread = 500;
      type(composer, 'body', 'Dial 888 once.');

      sendButton(composer).click();
      await waitUntil(() => errorOf(composer, 'body').textContent, 'no error shown', { timeout: 3000 });

      expect(errorOf(composer, 'body').getAttribute('role')).to.equal('alert');
      expect(errorOf(composer, 'body').textContent).to.contain('Your text is kept');
      expect(field(composer, 'body').value).to.equal('Dial 888 once.');
      expect(field(composer, 'body').getAttribute('aria-invalid')).to.equal('true');
      expect(localStorage.getItem(REPLY_KEY)).to.contain('Dial 888 once.');
      expect(describeNode(composer.shadowRoot!.activeElement)).to.equal('<textarea#body[part="body"]>');
    });

    it('keeps the text on a network failure', async () => {
      const { forum, composer } = await mountReply('fr');
      forum.failures.replyToThread = 'network';
      type(composer, 'body', 'Composez le 888.');

      sendButton(composer).click();
      await waitUntil(() => errorOf(composer, 'body').textContent, 'no error shown', { timeout: 3000 });

      expect(errorOf(composer, 'body').textContent).to.contain('Le serveur est injoignable');
      expect(field(composer, 'body').value).to.equal('Composez le 888.');
    });

    it('restores a saved draft on load, and says so', async () => {
      localStorage.setItem(REPLY_KEY, JSON.stringify({ title: '', body: 'Half-written answer' }));

      const { composer } = await mountReply();

      expect(field(composer, 'body').value).to.equal('Half-written answer');
      expect(composer.shadowRoot!.querySelector('[part="draft-note"]')!.textContent).to.equal('Your unsent draft was restored.');
    });

    it('sends with Ctrl+Enter', async () => {
      const { composer } = await mountReply();
      type(composer, 'body', 'Sent from the keyboard.');

      setTimeout(() => field(composer, 'body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
      const event = await oneEvent(composer, 'entraide-reply-sent');

      expect(event.detail.post.bodyHtml).to.contain('Sent from the keyboard.');
    });

    it('checks the minimum length before sending anything', async () => {
      const { composer } = await mountReply();
      let requests = 0;
      worker.use(http.post('/api/threads/2/posts', () => {
        requests += 1;
        return HttpResponse.json({ error: { code: 'internal', message: 'unexpected' } }, { status: 500 });
      }));
      type(composer, 'body', ' ');

      sendButton(composer).click();
      await composer.updateComplete;

      expect(errorOf(composer, 'body').textContent).to.equal(`Write at least ${LIMITS.bodyMin} characters.`);
      expect(requests).to.equal(0);
    });

    it('has no axe-core violation, with an error shown', async () => {
      const { forum, composer } = await mountReply('fr');
      forum.failures.replyToThread = 500;
      type(composer, 'body', 'Texte');
      sendButton(composer).click();
      await waitUntil(() => errorOf(composer, 'body').textContent, 'no error shown', { timeout: 3000 });

      await expectAccessible(composer);
    });
  });

  describe('in thread mode', () => {
    async function mountThread() {
      const forum = mockForum();
      const composer = await mount<EntraideComposer>(html`<entraide-composer mode="thread" category-id="3"></entraide-composer>`, { locale: 'en', as: { forum, memberId: MEMBERS.nadia } });
      return { forum, composer };
    }

    it('asks a question and fires entraide-thread-created with the thread', async () => {
      const { composer } = await mountThread();
      type(composer, 'title', 'Bluetooth drops every hour');
      type(composer, 'body', 'Since Monday my headset disconnects.');

      setTimeout(() => sendButton(composer).click());
      const event = await oneEvent(composer, 'entraide-thread-created');

      expect(event.detail.thread.title).to.equal('Bluetooth drops every hour');
      expect(event.detail.thread.categoryId).to.equal(3);
      expect(event.detail.thread.locale).to.equal('en');
      expect(localStorage.getItem(THREAD_KEY)).to.equal(null);
    });

    it('shows the server’s 400 message next to the field it names and keeps the draft', async () => {
      const { composer } = await mountThread();
      const message = 'title must not be written in capitals.';
      worker.use(http.post('/api/threads', () =>
        HttpResponse.json({ error: { code: 'validation_failed', message, details: [{ path: '/title', message }] } }, { status: 400 }),
      ));
      type(composer, 'title', 'HELP ME NOW');
      type(composer, 'body', 'Nothing works.');

      sendButton(composer).click();
      await waitUntil(() => errorOf(composer, 'title').textContent, 'no error shown', { timeout: 3000 });

      expect(errorOf(composer, 'title').textContent).to.equal(message);
      expect(errorOf(composer, 'body').textContent).to.equal('');
      expect(field(composer, 'title').value).to.equal('HELP ME NOW');
      expect(field(composer, 'body').value).to.equal('Nothing works.');
      expect(JSON.parse(localStorage.getItem(THREAD_KEY)!)).to.deep.equal({ title: 'HELP ME NOW', body: 'Nothing works.' });
    });

    it('has no axe-core violation', async () => {
      const { composer } = await mountThread();

      await expectAccessible(composer);
    });
  });
});
