/**
 * Editors with a length limit refuse an over-long text in place (issue 15, item 12): the text is
 * kept as typed, the count and the limit show, sending is disabled with the reason, and a
 * screen reader hears the reason once when the text crosses the limit.
 */
import { expect, html } from '@open-wc/testing';
import type { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';
import '../../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideComposer } from '../../src/components/composer/composer.ts';
import '../../src/components/composer/composer.ts';
import { LIMITS } from '../../src/core/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick } from './helpers.ts';

type Editor = EntraideComposer | EntraideAdvisorComposer;
const $ = <E extends Element = HTMLElement>(el: Editor, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
/** U+202F, the narrow no-break space French puts between thousands. */
const NNBSP = '\u202f';

/** Puts `text` in the field as a paste does: one input event with the whole text. */
async function paste(el: Editor, selector: string, text: string): Promise<void> {
  const control = $<HTMLTextAreaElement | HTMLInputElement>(el, selector);
  control.value = text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  await el.updateComplete;
}

const liveTexts = (el: Editor) => [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((node) => (node.textContent ?? '').trim()).filter(Boolean);

async function mountReply(locale: 'fr' | 'en') {
  const forum = await mockForum();
  const { id } = await pick<{ id: number }>(forum, `select id from threads where status = 'open' and merged_into_id is null order by id limit 1`);
  const sent: string[] = [];
  const member = await forum.member(DEMO_PEOPLE.topHelper);
  const client = createEntraideClient({ baseUrl: '/api', token: member.token, fetch: (input, init) => {
    if (init?.method === 'POST') sent.push(input instanceof Request ? input.url : input.toString());
    return fetch(input, init);
  } });
  const composer = await mount<EntraideComposer>(html`<entraide-composer mode="reply" thread-id=${id}></entraide-composer>`, { locale, client, as: member });
  return { composer, sent };
}

describe('length limits', () => {
  beforeEach(() => localStorage.clear());

  describe('<entraide-composer> in reply mode', () => {
    it('keeps a 100 KB paste whole, counts it against the limit and refuses to send, in French', async () => {
      const { composer, sent } = await mountReply('fr');
      const text = 'a'.repeat(100_000);

      await paste(composer, '#body', text);

      expect($<HTMLTextAreaElement>(composer, '#body').value.length).to.equal(100_000);
      expect($(composer, '#body-count').textContent).to.equal(`100${NNBSP}000 / 20${NNBSP}000 caractères`);
      expect($(composer, '#body-count').hasAttribute('data-over')).to.equal(true);
      expect($(composer, '#body').getAttribute('aria-invalid')).to.equal('true');
      const send = $<HTMLButtonElement>(composer, '[part="send"]');
      expect(send.disabled).to.equal(true);
      expect(send.getAttribute('aria-describedby')).to.equal('limit');
      expect($(composer, '#limit').textContent).to.contain(`Texte trop long de 80${NNBSP}000 caractères`);

      // Ctrl+Enter submits even a disabled button's form: it must send nothing either.
      $(composer, '#body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
      await composer.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sent).to.deep.equal([]);
      expect($<HTMLTextAreaElement>(composer, '#body').value.length).to.equal(100_000);
    });

    it('says the reason once when crossing the limit, not at each keystroke, and is silent again once back under', async () => {
      const { composer } = await mountReply('en');

      await paste(composer, '#body', 'a'.repeat(LIMITS.bodyMax));
      expect(liveTexts(composer)).to.deep.equal([]);
      expect($<HTMLButtonElement>(composer, '[part="send"]').disabled).to.equal(false);

      await paste(composer, '#body', 'a'.repeat(LIMITS.bodyMax + 412));
      expect($(composer, '#body-count').textContent).to.equal('20,412 / 20,000 characters');
      const said = liveTexts(composer);
      expect(said).to.deep.equal(['The text is 412 characters too long (20,000 at most): shorten it to send it.']);

      await paste(composer, '#body', 'a'.repeat(LIMITS.bodyMax + 500));
      expect(liveTexts(composer)).to.deep.equal(said);

      await paste(composer, '#body', 'a'.repeat(LIMITS.bodyMax - 1));
      expect(liveTexts(composer)).to.deep.equal([]);
      expect($<HTMLButtonElement>(composer, '[part="send"]').disabled).to.equal(false);
      expect(composer.shadowRoot!.querySelector('#limit')).to.equal(null);
    });

    it('has no axe-core violation while over the limit', async () => {
      const { composer } = await mountReply('en');
      await paste(composer, '#body', 'a'.repeat(LIMITS.bodyMax + 1));
      await expectAccessible(composer);
    });
  });

  describe('<entraide-composer> in thread mode', () => {
    it('keeps an over-long title and refuses to send it', async () => {
      const forum = await mockForum();
      const { id } = await pick<{ id: number }>(forum, 'select id from categories order by position, id limit 1');
      const composer = await mount<EntraideComposer>(html`<entraide-composer mode="thread" category-id=${id}></entraide-composer>`,
        { locale: 'en', as: await forum.member(DEMO_PEOPLE.topHelper) });

      await paste(composer, '#title', 't'.repeat(LIMITS.titleMax + 3));

      expect($<HTMLInputElement>(composer, '#title').value.length).to.equal(LIMITS.titleMax + 3);
      expect($(composer, '#title-count').textContent).to.equal(`${(LIMITS.titleMax + 3).toLocaleString('en-GB')} / ${LIMITS.titleMax.toLocaleString('en-GB')} characters`);
      expect($<HTMLButtonElement>(composer, '[part="send"]').disabled).to.equal(true);
      expect($(composer, '#limit').textContent).to.contain('3 characters too long');
    });
  });

  describe('<entraide-advisor-composer>', () => {
    it('keeps an over-long reply, shows the count and disables sending with the reason', async () => {
      const forum = await mockForum();
      const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
      const { id } = await pick<{ id: number }>(forum, `select id from threads where status = 'open' and merged_into_id is null and locale = 'en' order by id limit 1`);
      const client = createEntraideClient({ baseUrl: '/api', token: advisor.token });
      const { thread, posts } = await client.threads.get(id);
      const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
        { client, locale: 'en', as: advisor });

      await paste(el, '#body', 'b'.repeat(LIMITS.bodyMax + 20));

      expect($<HTMLTextAreaElement>(el, '#body').value.length).to.equal(LIMITS.bodyMax + 20);
      expect($(el, '#body-count').textContent).to.equal('20,020 / 20,000 characters');
      expect($<HTMLButtonElement>(el, '[part="send"]').disabled).to.equal(true);
      expect($(el, '#limit').textContent).to.contain('20 characters too long');
      expect(liveTexts(el)).to.include('The text is 20 characters too long (20,000 at most): shorten it to send it.');
      await expectAccessible(el);
    });
  });
});
