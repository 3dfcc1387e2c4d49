/** <entraide-agent-reviews>: the drafts colleagues shared with me, to comment on or approve. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentReviews } from '../../src/components/agent-reviews/agent-reviews.ts';
import '../../src/components/agent-reviews/agent-reviews.ts';
import type { EntraideDraftApprovedEvent } from '../../src/components/events/draft-approved.ts';
import { hashLinks } from '../../src/components/internal/context.ts';
import type { Draft } from '../../src/contract/areas/review.ts';
import { defaultFixtures, type MockForum, type MockForumOptions } from '../../src/mocks/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, textOf, useMockWorker, watchMarkupParsing } from './helpers.ts';

declare global {
  interface Window {
    reviewsXss?: number;
  }
}

const NOW = new Date('2026-11-24T10:00:00Z');
const XSS = '<img src=x onerror="window.reviewsXss=1">';
/** Pix37's reply in thread 1, which Léa's draft confirms. */
const COMMUNITY_REPLY = 2;

const $ = <E extends Element = HTMLElement>(el: EntraideAgentReviews, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAgentReviews, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const card = (el: EntraideAgentReviews, draftId: number) => $(el, `[part="draft"][data-draft="${draftId}"]`)!;
const field = (el: EntraideAgentReviews, draftId: number) => card(el, draftId).querySelector<HTMLTextAreaElement>('textarea')!;
const comments = (el: EntraideAgentReviews, draftId: number) => [...card(el, draftId).querySelectorAll('[part="comments"] li')].map((li) => textOf(li));

function forumWith(options: { xss?: boolean; failures?: MockForumOptions['failures'] } = {}): MockForum {
  const fixtures = defaultFixtures();
  if (options.xss) {
    fixtures.members.find((member) => member.id === MEMBERS.lea)!.pseudonym = XSS;
    fixtures.threads.find((thread) => thread.id === 1)!.title = `Réseau ${XSS}`;
  }
  return mockForum({ fixtures, now: () => NOW, failures: options.failures });
}

/** The SDK as one member of the mock community: how the draft's author (or anyone) acts meanwhile. */
const clientOf = (forum: MockForum, memberId: number) => createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(memberId) });

/** Léa drafts a confirmation of Pix37's reply in thread 1 and shares it with Julie. */
async function shareDraft(forum: MockForum, body = 'Je confirme : **réinitialisez les paramètres réseau**.', threadId = 1): Promise<Draft> {
  const lea = clientOf(forum, MEMBERS.lea);
  const draft = await lea.drafts.create({ threadId, body, citedPostIds: threadId === 1 ? [COMMUNITY_REPLY] : [] });
  return lea.drafts.share(draft.id, [MEMBERS.julie]);
}

async function mountReviews(forum: MockForum, memberId: number, locale: 'fr' | 'en' = 'en') {
  const el = await mount<EntraideAgentReviews>(html`<entraide-agent-reviews></entraide-agent-reviews>`, { locale, as: { forum, memberId } });
  await waitUntil(() => $(el, '[part="draft"], [part="error"], [part="refused"], [part="empty"]'), `the reviews never loaded: ${el.shadowRoot!.innerHTML.slice(0, 400)}`, { timeout: 3000 });
  return el;
}

function type(el: EntraideAgentReviews, draftId: number, text: string): void {
  const textarea = field(el, draftId);
  textarea.value = text;
  textarea.dispatchEvent(new Event('input'));
}

function click(el: EntraideAgentReviews, selector: string): void {
  $<HTMLButtonElement>(el, selector)!.click();
}

describe('<entraide-agent-reviews>', () => {
  useMockWorker();

  describe('as an advisor a colleague shared drafts with', () => {
    it('shows each shared draft, latest first, with its thread, wording, citation and reviewers', async () => {
      const forum = forumWith();
      const first = await shareDraft(forum);
      const second = await shareDraft(forum, 'Bonjour, je regarde votre compte.', 3);
      const el = await mountReviews(forum, MEMBERS.julie);

      expect($$(el, '[part="draft"]').map((draft) => draft.dataset.draft)).to.deep.equal([String(second.id), String(first.id)]);
      const draft = card(el, first.id);
      expect(draft.querySelector('h3 a')!.getAttribute('href')).to.equal(hashLinks.href({ name: 'thread', threadId: 1 }));
      expect(draft.querySelector('h3')!.textContent).to.contain('Plus de 4G depuis la mise à jour du téléphone');
      expect(textOf(draft)).to.contain('Draft by Léa');
      expect(draft.querySelector('.body strong')!.textContent).to.equal('réinitialisez les paramètres réseau');
      expect(textOf(draft)).to.contain('Confirmation citing 1 community reply');
      expect(textOf(card(el, second.id))).to.not.contain('Confirmation citing');
      expect(textOf(draft.querySelector('[part="reviewers"]')!)).to.equal('Julie-Volta (you) — review pending');
      expect(textOf(draft)).to.contain('No comment yet.');
      expect(draft.querySelector('[part="approve"]')!.textContent).to.equal('Approve this wording');
      await expectAccessible(el);
    });

    it('sends a comment, shows it and clears the field', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);

      type(el, draft.id, 'Ajoute le lien vers la **FAQ réseau**.');
      await el.updateComplete;
      card(el, draft.id).querySelector<HTMLButtonElement>('[part="comment-form"] button')!.click();

      await waitUntil(() => comments(el, draft.id).length === 1, 'the comment never appeared');
      const comment = card(el, draft.id).querySelector('[part="comments"] li')!;
      expect(comment.querySelector('.comment-author')!.textContent).to.equal('Julie-Volta');
      expect(comment.querySelector('.comment-body')!.textContent.trim()).to.equal('Ajoute le lien vers la FAQ réseau.');
      expect(card(el, draft.id).querySelector('[part="comments"] strong')!.textContent).to.equal('FAQ réseau');
      expect(field(el, draft.id).value).to.equal('');
      expect((await clientOf(forum, MEMBERS.lea).drafts.get(draft.id)).comments).to.have.length(1);
    });

    it('keeps the text and says why when a comment fails, or is too short', async () => {
      const forum = forumWith({ failures: { commentDraft: 500 } });
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);
      const error = () => card(el, draft.id).querySelector('[part="comment-error"]')!.textContent;

      type(el, draft.id, ' x ');
      card(el, draft.id).querySelector<HTMLButtonElement>('[part="comment-form"] button')!.click();
      await el.updateComplete;
      expect(error()).to.equal('Write at least 2 characters.');

      type(el, draft.id, 'Précise le délai.');
      await el.updateComplete;
      expect(error()).to.equal('');
      card(el, draft.id).querySelector<HTMLButtonElement>('[part="comment-form"] button')!.click();
      await waitUntil(() => error() !== '', 'the failure was not shown');

      expect(error()).to.equal('The comment was not sent.');
      expect(field(el, draft.id).value).to.equal('Précise le délai.');
      expect(field(el, draft.id).getAttribute('aria-describedby')).to.contain(`comment-error-${draft.id}`);
      expect(comments(el, draft.id)).to.deep.equal([]);
    });

    it('sends a comment with Ctrl+Enter', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);
      field(el, draft.id).focus();

      await sendKeys({ type: 'Parfait pour moi' });
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });

      await waitUntil(() => comments(el, draft.id).length === 1, 'Ctrl+Enter did not send');
      expect(comments(el, draft.id)[0]).to.contain('Parfait pour moi');
      expect(field(el, draft.id).value).to.equal('');
    });

    it('reaches every control with Tab, in reading order', async () => {
      const forum = forumWith();
      await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);
      $<HTMLButtonElement>(el, '[part="refresh"]')!.focus();
      const reached: string[] = [];

      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        const active = el.shadowRoot!.activeElement;
        reached.push(active ? `${active.localName}${active.getAttribute('part') ? `[${active.getAttribute('part')}]` : ''}` : 'none');
      }

      expect(reached).to.deep.equal(['a', 'textarea', 'button', 'button[approve]']);
    });

    it('approves the wording, tells the page, and shows it approved', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);
      const fired: EntraideDraftApprovedEvent[] = [];
      el.addEventListener('entraide-draft-approved', (event) => fired.push(event));

      $<HTMLButtonElement>(el, '[part="approve"]')!.focus();
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => card(el, draft.id).querySelector('[part="approved"]'), 'the approval never showed');
      expect(card(el, draft.id).querySelector('[part="approved"]')!.textContent).to.equal('You approved this wording.');
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'approved', 'focus was lost with the button');
      expect(card(el, draft.id).querySelector('[part="approve"]')).to.equal(null);
      expect(textOf(card(el, draft.id).querySelector('[part="reviewers"]')!)).to.equal('Julie-Volta (you) — approved');
      expect(fired).to.have.length(1);
      expect(fired[0]!.detail.draft.id).to.equal(draft.id);
      expect(fired[0]!.detail.draft.sharedWith[0]!.approvedAt).to.be.a('string');
    });

    it('offers the approval again once the author changed the wording and the list is refreshed', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);
      click(el, '[part="approve"]');
      await waitUntil(() => card(el, draft.id).querySelector('[part="approved"]'), 'the approval never showed');

      await clientOf(forum, MEMBERS.lea).drafts.update(draft.id, { body: 'Je confirme, et voici la FAQ.' });
      click(el, '[part="refresh"]');

      await waitUntil(() => card(el, draft.id).querySelector('[part="approve"]'), 'the approve button did not come back');
      expect(textOf(card(el, draft.id).querySelector('.body')!)).to.equal('Je confirme, et voici la FAQ.');
      expect(card(el, draft.id).querySelector('[part="approved"]')).to.equal(null);
    });

    it('shows the server’s word on a conflict and what is true now', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie);
      await clientOf(forum, MEMBERS.julie).drafts.approve(draft.id);

      click(el, '[part="approve"]');

      await waitUntil(() => card(el, draft.id).querySelector('[part="approved"]'), 'the draft was not refreshed');
      expect(card(el, draft.id).querySelector('[part="approve-error"]')!.textContent).to.equal('Approving failed. You already approved this wording.');
    });

    it('shows a posted draft as posted, without actions', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum, 'Bonjour, je regarde votre compte.', 3);
      await clientOf(forum, MEMBERS.lea).drafts.post(draft.id);
      const el = await mountReviews(forum, MEMBERS.julie);

      expect(textOf(card(el, draft.id))).to.contain('Posted');
      expect(card(el, draft.id).querySelector('[part="comment-form"], [part="approve"]')).to.equal(null);
    });

    it('loads again when put back on the page', async () => {
      const forum = forumWith();
      const el = await mountReviews(forum, MEMBERS.julie);
      expect($(el, '[part="empty"]')!.textContent).to.equal('No draft awaits your review.');
      const host = el.parentElement!;
      el.remove();

      const draft = await shareDraft(forum);
      host.append(el);

      await waitUntil(() => $(el, '[part="draft"]'), 'the reconnected element did not reload');
      expect(card(el, draft.id)).to.not.equal(null);
    });
  });

  describe('when loading fails or nothing is shared', () => {
    it('says no draft awaits review', async () => {
      const el = await mountReviews(forumWith(), MEMBERS.lea);

      expect($(el, '[part="empty"]')!.textContent).to.equal('No draft awaits your review.');
      await expectAccessible(el);
    });

    it('offers a retry that loads the drafts', async () => {
      const forum = forumWith({ failures: { listDrafts: 500 } });
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie, 'fr');
      expect($(el, '[part="error"]')!.textContent).to.contain('Le chargement a échoué.');
      await expectAccessible(el);

      delete forum.failures.listDrafts;
      click(el, '[part="retry"]');

      await waitUntil(() => $(el, '[part="draft"]'), 'the retry did not load the drafts');
      expect(card(el, draft.id)).to.not.equal(null);
    });
  });

  describe('for anyone but advisors', () => {
    it('refuses members and moderators, in their language', async () => {
      const forum = forumWith();
      const member = await mountReviews(forum, MEMBERS.pix37);
      expect($(member, '[part="refused"]')!.textContent).to.equal('Colleague review is for advisors only.');

      const moderator = await mountReviews(forum, MEMBERS.modo, 'fr');
      expect($(moderator, '[part="refused"]')!.textContent).to.equal('La relecture entre collègues est réservée aux conseillers.');
      expect($(moderator, '[part="draft"], [part="refresh"]')).to.equal(null);
      await expectAccessible(moderator);
    });
  });

  describe('in French', () => {
    it('names everything in French', async () => {
      const forum = forumWith();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, MEMBERS.julie, 'fr');

      expect($(el, 'h2')!.textContent).to.equal('Relectures');
      expect($(el, '[part="refresh"]')!.textContent).to.equal('Actualiser');
      expect(textOf(card(el, draft.id))).to.contain('Confirmation citant 1 réponse de la communauté');
      expect(card(el, draft.id).querySelector('label')!.textContent).to.equal('Votre commentaire');
      expect(card(el, draft.id).querySelector('[part="approve"]')!.textContent).to.equal('Approuver cette formulation');
      await expectAccessible(el);
    });
  });

  describe('with hostile text', () => {
    it('never runs markup from thread titles, pseudonyms or comments', async () => {
      const parsed = watchMarkupParsing();
      const forum = forumWith({ xss: true });
      const draft = await shareDraft(forum, `Bonjour ${XSS} <script>window.reviewsXss=2</script>`);
      await clientOf(forum, MEMBERS.lea).drafts.comment(draft.id, `Voir ${XSS}`);
      const el = await mountReviews(forum, MEMBERS.julie);

      expect(card(el, draft.id).querySelector('h3')!.textContent).to.contain(XSS);
      expect(textOf(card(el, draft.id))).to.contain(`Draft by ${XSS}`);
      expect(comments(el, draft.id)[0]).to.contain(`Voir ${XSS}`);
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect(window.reviewsXss).to.equal(undefined);
    });
  });
});
