/** <entraide-composer>: the Write/Preview tabs and the "needs access to my account" box. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { EntraideComposer } from '../../src/components/composer/composer.ts';
import '../../src/components/composer/composer.ts';
import { DEMO_PEOPLE, describeNode, expectAccessible, mockForum, mount, pick, worker, watchMarkupParsing } from './helpers.ts';

declare global {
  interface Window {
    composerXss?: number;
  }
}

const $ = <E extends Element = HTMLElement>(composer: EntraideComposer, selector: string) => composer.shadowRoot!.querySelector<E>(selector)!;

function type(composer: EntraideComposer, name: 'title' | 'body', text: string): void {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(composer, `#${name}`);
  control.value = text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

const selectedTab = (composer: EntraideComposer) => $(composer, '[role="tab"][aria-selected="true"]').id;

/** A reply composer on an open thread of the demo, signed in as the top helper. */
async function mountReply(locale: 'fr' | 'en' = 'en') {
  const forum = await mockForum();
  const { id } = await pick<{ id: number }>(forum, `select t.id from threads t where t.status = 'open' and t.merged_into_id is null order by t.id limit 1`);
  const composer = await mount<EntraideComposer>(html`<entraide-composer mode="reply" thread-id=${id}></entraide-composer>`, { locale, as: await forum.member(DEMO_PEOPLE.topHelper) });
  return { forum, composer };
}

async function showPreview(composer: EntraideComposer, body: string): Promise<void> {
  type(composer, 'body', body);
  await composer.updateComplete;
  $(composer, '#tab-preview').click();
  await waitUntil(() => composer.shadowRoot!.querySelector('#panel-preview :is([part="preview"], [part="preview-error"])'), 'the preview never finished loading', { timeout: 3000 });
}

describe('<entraide-composer> preview and account access', () => {
  beforeEach(() => localStorage.clear());

  describe('the Preview tab', () => {
    it('shows the body as the server renders it, in place of the textarea', async () => {
      const { composer } = await mountReply();

      await showPreview(composer, 'Call **888** once.');

      expect($(composer, '[part="preview"]').innerHTML).to.contain('<strong>888</strong>');
      expect($(composer, '#panel-write').hidden).to.equal(true);
      expect($(composer, '#panel-preview').hidden).to.equal(false);
      expect(selectedTab(composer)).to.equal('tab-preview');
    });

    it('never runs an XSS payload typed in the body', async () => {
      const parsed = watchMarkupParsing();
      const { composer } = await mountReply();
      const payload = 'Hi <img src=x onerror="window.composerXss=1"> <script>window.composerXss=2</script> [x](javascript:window.composerXss=3)';

      await showPreview(composer, payload);

      const preview = $(composer, '[part="preview"]');
      expect(preview.querySelectorAll('img, script').length).to.equal(0);
      expect(preview.querySelector('a[href^="javascript"]')).to.equal(null);
      expect(preview.textContent).to.contain('<img src=x onerror=');
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect(window.composerXss).to.equal(undefined);
    });

    it('asks nothing for an empty body and says so', async () => {
      const { composer } = await mountReply();
      let requests = 0;
      worker.use(http.post('/api/preview', () => {
        requests += 1;
        return HttpResponse.json({ html: '' });
      }));

      $(composer, '#tab-preview').click();
      await composer.updateComplete;

      expect($(composer, '#panel-preview').textContent.trim()).to.equal('Nothing to preview yet.');
      expect(requests).to.equal(0);
    });

    it('fetches once per text, and again after the text changes', async () => {
      const { composer } = await mountReply();
      let requests = 0;
      worker.events.on('request:start', ({ request }) => {
        if (request.url.endsWith('/api/preview')) requests += 1;
      });

      await showPreview(composer, 'First text.');
      $(composer, '#tab-write').click();
      await showPreview(composer, 'First text.');
      $(composer, '#tab-write').click();
      await showPreview(composer, 'Second text.');
      worker.events.removeAllListeners();

      expect(requests).to.equal(2);
      // The server's markdown ends its paragraph with a newline, which the reader never sees.
      expect($(composer, '[part="preview"]').textContent.trim()).to.equal('Second text.');
    });

    it('shows a failure with a retry that works, and keeps the text', async () => {
      const { forum, composer } = await mountReply();
      forum.failures.previewMarkdown = 500;

      await showPreview(composer, 'Call 888.');

      expect($(composer, '[part="preview-error"]').getAttribute('role')).to.equal('alert');
      expect($(composer, '[part="preview-error"]').textContent).to.contain('The preview could not be prepared. Your text is kept.');
      expect($<HTMLTextAreaElement>(composer, '#body').value).to.equal('Call 888.');
      delete forum.failures.previewMarkdown;
      $<HTMLButtonElement>(composer, '[part="preview-error"] button').click();
      await waitUntil(() => composer.shadowRoot!.querySelector('[part="preview"]'), 'the retry never showed the preview', { timeout: 3000 });
    });

    it('follows the tablist keyboard pattern: arrows wrap, Home and End, focus moves with the selection', async () => {
      const { composer } = await mountReply();
      type(composer, 'body', 'Some text.');
      const write = $(composer, '#tab-write');
      write.focus();

      press(write, 'ArrowRight');
      await composer.updateComplete;
      await composer.updateComplete;
      expect([selectedTab(composer), describeNode(composer.shadowRoot!.activeElement)]).to.deep.equal(['tab-preview', '<button#tab-preview[part="tab"]>']);
      expect($(composer, '#tab-write').tabIndex).to.equal(-1);

      press($(composer, '#tab-preview'), 'ArrowRight');
      await composer.updateComplete;
      expect(selectedTab(composer)).to.equal('tab-write');
      press($(composer, '#tab-write'), 'End');
      await composer.updateComplete;
      expect(selectedTab(composer)).to.equal('tab-preview');
      press($(composer, '#tab-preview'), 'Home');
      await composer.updateComplete;
      expect(selectedTab(composer)).to.equal('tab-write');
      expect($(composer, '#panel-write').getAttribute('aria-labelledby')).to.equal('tab-write');
    });

    it('moves between the tabs with real key presses', async () => {
      const { composer } = await mountReply();
      type(composer, 'body', 'Call **888**.');
      $(composer, '#tab-write').focus();

      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => composer.shadowRoot!.querySelector('[part="preview"]'), 'the preview never showed', { timeout: 3000 });
      expect(describeNode(composer.shadowRoot!.activeElement)).to.equal('<button#tab-preview[part="tab"]>');
      await sendKeys({ press: 'ArrowLeft' });
      await composer.updateComplete;

      expect([selectedTab(composer), describeNode(composer.shadowRoot!.activeElement)]).to.deep.equal(['tab-write', '<button#tab-write[part="tab"]>']);
    });

    it('goes back to Write when sending fails, so the error and the text are in view', async () => {
      const { forum, composer } = await mountReply();
      forum.failures.replyToThread = 500;
      await showPreview(composer, 'Call 888.');

      $(composer, '[part="send"]').click();
      await waitUntil(() => $(composer, '#body-error').textContent, 'no error shown', { timeout: 3000 });

      expect(selectedTab(composer)).to.equal('tab-write');
      expect(describeNode(composer.shadowRoot!.activeElement)).to.equal('<textarea#body[part="body"]>');
    });

    it('speaks French', async () => {
      const { composer } = await mountReply('fr');

      expect([...composer.shadowRoot!.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent.trim())).to.deep.equal(['Écrire', 'Aperçu']);
      expect($(composer, '[role="tablist"]').getAttribute('aria-label')).to.equal('Écrire ou prévisualiser');
    });

    it('has no axe-core violation on the preview', async () => {
      const { composer } = await mountReply('fr');

      await showPreview(composer, 'Composez **888**, voir [la FAQ](https://example.com/faq).');

      await expectAccessible(composer);
    });
  });

  describe('"needs access to my account" on a new question', () => {
    /** A question composer in a category of the demo, signed in as the beginner. */
    async function mountThread(locale: 'fr' | 'en' = 'en') {
      const forum = await mockForum();
      const { id } = await pick<{ id: number }>(forum, 'select id from categories order by position, id limit 1');
      const composer = await mount<EntraideComposer>(html`<entraide-composer mode="thread" category-id=${id}></entraide-composer>`, { locale, as: await forum.member(DEMO_PEOPLE.asker) });
      return { forum, composer };
    }

    async function sentBody(composer: EntraideComposer): Promise<Record<string, unknown>> {
      let sent: Promise<Record<string, unknown>> | undefined;
      worker.events.on('request:start', ({ request }) => {
        if (request.method === 'POST' && request.url.endsWith('/api/threads')) sent = request.clone().json() as Promise<Record<string, unknown>>;
      });
      $(composer, '[part="send"]').click();
      await waitUntil(() => sent, 'the question was never sent', { timeout: 3000 });
      worker.events.removeAllListeners();
      return sent!;
    }

    it('sends needsAccount: true when ticked, with the privacy help tied to the box', async () => {
      const { composer } = await mountThread();
      type(composer, 'title', 'Charged twice this month');
      type(composer, 'body', 'I see two direct debits.');
      const box = $<HTMLInputElement>(composer, '#needs-account');

      box.click();
      const body = await sentBody(composer);

      expect(body.needsAccount).to.equal(true);
      expect(composer.shadowRoot!.querySelector('label[for="needs-account"]')!.textContent).to.equal('This needs access to my account');
      expect($(composer, `#${box.getAttribute('aria-describedby')}`).textContent).to.contain('Never write your account details');
      await waitUntil(() => !$<HTMLInputElement>(composer, '#needs-account').checked, 'the box stayed ticked after sending', { timeout: 3000 });
    });

    it('sends no needsAccount when the box is left alone', async () => {
      const { composer } = await mountThread();
      type(composer, 'title', 'Charged twice this month');
      type(composer, 'body', 'I see two direct debits.');

      const body = await sentBody(composer);

      expect('needsAccount' in body).to.equal(false);
    });

    it('is not offered on replies', async () => {
      const { composer } = await mountReply();

      expect(composer.shadowRoot!.querySelector('#needs-account')).to.equal(null);
    });

    it('speaks French and has no axe-core violation', async () => {
      const { composer } = await mountThread('fr');

      expect(composer.shadowRoot!.querySelector('label[for="needs-account"]')!.textContent).to.equal('Ma demande nécessite l’accès à mon compte');
      await expectAccessible(composer);
    });
  });
});
