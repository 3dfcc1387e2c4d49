/** <entraide-agent-reviews>: the drafts colleagues shared with me, to comment on or approve. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentReviews } from '../../src/components/agent-reviews/agent-reviews.ts';
import '../../src/components/agent-reviews/agent-reviews.ts';
import type { EntraideDraftApprovedEvent } from '../../src/components/events/draft-approved.ts';
import { hashLinks } from '../../src/components/internal/context.ts';
import type { Draft } from '../../src/contract/areas/review.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, textOf, watchMarkupParsing, type MockForum } from './helpers.ts';

declare global {
  interface Window {
    reviewsXss?: number;
  }
}

const XSS = '<img src=x onerror="window.reviewsXss=1">';
/**
 * The draft's author and its reviewer. The demo already holds a draft the technical advisor
 * shared with the commercial one; here the commercial advisor writes and the technical one
 * reviews, so the reviewer's list holds only what each test shares.
 */
const AUTHOR = DEMO_PEOPLE.commercialAdvisor;
const REVIEWER = DEMO_PEOPLE.technicalAdvisor;

const $ = <E extends Element = HTMLElement>(el: EntraideAgentReviews, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAgentReviews, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const card = (el: EntraideAgentReviews, draftId: number) => $(el, `[part="draft"][data-draft="${draftId}"]`)!;
const field = (el: EntraideAgentReviews, draftId: number) => card(el, draftId).querySelector<HTMLTextAreaElement>('textarea')!;
const comments = (el: EntraideAgentReviews, draftId: number) => [...card(el, draftId).querySelectorAll('[part="comments"] li')].map((li) => textOf(li));

interface Answered {
  id: number;
  title: string;
  /** A member's reply the author's draft confirms. */
  replyId: number;
}

/** A French thread a member answered and no advisor confirmed yet: what a confirmation draft is about. */
const answeredThread = (forum: MockForum) => pick<Answered>(
  forum,
  `select t.id, t.title, p.id as "replyId" from threads t
     join posts p on p.thread_id = t.id and p.kind = 'reply' and not p.hidden join members m on m.id = p.author_id
    where t.locale = 'fr' and t.status = 'answered' and t.merged_into_id is null and t.confirmed_at is null and m.role = 'member'
    order by t.id, p.id limit 1`,
);

/** Another thread still taking replies, for a plain draft (no citation). */
const otherThread = (forum: MockForum, not: number) => pick<{ id: number }>(
  forum,
  `select id from threads where status in ('open', 'answered') and merged_into_id is null and id <> $1 order by id limit 1`,
  [not],
);

/** The SDK as one member of the mock community: how the draft's author (or anyone) acts meanwhile. */
const clientOf = async (forum: MockForum, pseudonym: string) => createEntraideClient({ baseUrl: '/api', token: (await forum.member(pseudonym)).token });

/** The author drafts a confirmation of a member's reply (or a plain reply elsewhere) and shares it with the reviewer. */
async function shareDraft(forum: MockForum, body = 'Je confirme : **réinitialisez les paramètres réseau**.', thread?: { id: number }): Promise<Draft> {
  const author = await clientOf(forum, AUTHOR);
  const reviewer = await forum.member(REVIEWER);
  const answered = await answeredThread(forum);
  const threadId = thread?.id ?? answered.id;
  const draft = await author.drafts.create({ threadId, body, citedPostIds: threadId === answered.id ? [answered.replyId] : [] });
  return author.drafts.share(draft.id, [reviewer.id]);
}

async function mountReviews(forum: MockForum, pseudonym: string, locale: 'fr' | 'en' = 'en') {
  const el = await mount<EntraideAgentReviews>(html`<entraide-agent-reviews></entraide-agent-reviews>`, { locale, as: await forum.member(pseudonym) });
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
  describe('as an advisor a colleague shared drafts with', () => {
    it('shows each shared draft, latest first, with its thread, wording, citation and reviewers', async () => {
      const forum = await mockForum();
      const answered = await answeredThread(forum);
      const first = await shareDraft(forum);
      const second = await shareDraft(forum, 'Bonjour, je regarde votre compte.', await otherThread(forum, answered.id));
      const el = await mountReviews(forum, REVIEWER);

      expect($$(el, '[part="draft"]').map((draft) => draft.dataset.draft)).to.deep.equal([String(second.id), String(first.id)]);
      const draft = card(el, first.id);
      expect(draft.querySelector('h3 a')!.getAttribute('href')).to.equal(hashLinks.href({ name: 'thread', threadId: answered.id }));
      expect(draft.querySelector('h3')!.textContent).to.contain(answered.title);
      expect(textOf(draft)).to.contain(`Draft by ${AUTHOR}`);
      expect(draft.querySelector('.body strong')!.textContent).to.equal('réinitialisez les paramètres réseau');
      expect(textOf(draft)).to.contain('Confirmation citing 1 community reply');
      expect(textOf(card(el, second.id))).to.not.contain('Confirmation citing');
      expect(textOf(draft.querySelector('[part="reviewers"]')!)).to.equal(`${REVIEWER} (you) — review pending`);
      expect(textOf(draft)).to.contain('No comment yet.');
      expect(draft.querySelector('[part="approve"]')!.textContent).to.equal('Approve this wording');
      await expectAccessible(el);
    });

    it('sends a comment, shows it and clears the field', async () => {
      const forum = await mockForum();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);

      type(el, draft.id, 'Ajoute le lien vers la **FAQ réseau**.');
      await el.updateComplete;
      card(el, draft.id).querySelector<HTMLButtonElement>('[part="comment-form"] button')!.click();

      await waitUntil(() => comments(el, draft.id).length === 1, 'the comment never appeared');
      const comment = card(el, draft.id).querySelector('[part="comments"] li')!;
      expect(comment.querySelector('.comment-author')!.textContent).to.equal(REVIEWER);
      expect(comment.querySelector('.comment-body')!.textContent.trim()).to.equal('Ajoute le lien vers la FAQ réseau.');
      expect(card(el, draft.id).querySelector('[part="comments"] strong')!.textContent).to.equal('FAQ réseau');
      expect(field(el, draft.id).value).to.equal('');
      expect((await (await clientOf(forum, AUTHOR)).drafts.get(draft.id)).comments).to.have.length(1);
    });

    it('keeps the text and says why when a comment fails, or is too short', async () => {
      const forum = await mockForum({ failures: { commentDraft: 500 } });
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);
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
      const forum = await mockForum();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);
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
      const forum = await mockForum();
      await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);
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
      const forum = await mockForum();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);
      const fired: EntraideDraftApprovedEvent[] = [];
      el.addEventListener('entraide-draft-approved', (event) => fired.push(event));

      $<HTMLButtonElement>(el, '[part="approve"]')!.focus();
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => card(el, draft.id).querySelector('[part="approved"]'), 'the approval never showed');
      expect(card(el, draft.id).querySelector('[part="approved"]')!.textContent).to.equal('You approved this wording.');
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'approved', 'focus was lost with the button');
      expect(card(el, draft.id).querySelector('[part="approve"]')).to.equal(null);
      expect(textOf(card(el, draft.id).querySelector('[part="reviewers"]')!)).to.equal(`${REVIEWER} (you) — approved`);
      expect(fired).to.have.length(1);
      expect(fired[0]!.detail.draft.id).to.equal(draft.id);
      expect(fired[0]!.detail.draft.sharedWith[0]!.approvedAt).to.be.a('string');
    });

    it('offers the approval again once the author changed the wording and the list is refreshed', async () => {
      const forum = await mockForum();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);
      click(el, '[part="approve"]');
      await waitUntil(() => card(el, draft.id).querySelector('[part="approved"]'), 'the approval never showed');

      await (await clientOf(forum, AUTHOR)).drafts.update(draft.id, { body: 'Je confirme, et voici la FAQ.' });
      click(el, '[part="refresh"]');

      await waitUntil(() => card(el, draft.id).querySelector('[part="approve"]'), 'the approve button did not come back');
      expect(textOf(card(el, draft.id).querySelector('.body')!)).to.equal('Je confirme, et voici la FAQ.');
      expect(card(el, draft.id).querySelector('[part="approved"]')).to.equal(null);
    });

    it('shows the server’s word on a conflict and what is true now', async () => {
      const forum = await mockForum();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER);
      await (await clientOf(forum, REVIEWER)).drafts.approve(draft.id);

      click(el, '[part="approve"]');

      await waitUntil(() => card(el, draft.id).querySelector('[part="approved"]'), 'the draft was not refreshed');
      expect(card(el, draft.id).querySelector('[part="approve-error"]')!.textContent).to.equal('Approving failed. You already approved this wording.');
    });

    it('shows a posted draft as posted, without actions', async () => {
      const forum = await mockForum();
      const draft = await shareDraft(forum, 'Bonjour, je regarde votre compte.', await otherThread(forum, (await answeredThread(forum)).id));
      await (await clientOf(forum, AUTHOR)).drafts.post(draft.id);
      const el = await mountReviews(forum, REVIEWER);

      expect(textOf(card(el, draft.id))).to.contain('Posted');
      expect(card(el, draft.id).querySelector('[part="comment-form"], [part="approve"]')).to.equal(null);
    });

    it('loads again when put back on the page', async () => {
      const forum = await mockForum();
      const el = await mountReviews(forum, REVIEWER);
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
      const el = await mountReviews(await mockForum(), REVIEWER);

      expect($(el, '[part="empty"]')!.textContent).to.equal('No draft awaits your review.');
      await expectAccessible(el);
    });

    it('offers a retry that loads the drafts', async () => {
      const forum = await mockForum({ failures: { listDrafts: 500 } });
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER, 'fr');
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
      const forum = await mockForum();
      const member = await mountReviews(forum, DEMO_PEOPLE.topHelper);
      expect($(member, '[part="refused"]')!.textContent).to.equal('Colleague review is for advisors only.');

      const moderator = await mountReviews(forum, DEMO_PEOPLE.moderator, 'fr');
      expect($(moderator, '[part="refused"]')!.textContent).to.equal('La relecture entre collègues est réservée aux conseillers.');
      expect($(moderator, '[part="draft"], [part="refresh"]')).to.equal(null);
      await expectAccessible(moderator);
    });
  });

  describe('in French', () => {
    it('names everything in French', async () => {
      const forum = await mockForum();
      const draft = await shareDraft(forum);
      const el = await mountReviews(forum, REVIEWER, 'fr');

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
      const forum = await mockForum();
      const draft = await shareDraft(forum, `Bonjour ${XSS} <script>window.reviewsXss=2</script>`);
      await (await clientOf(forum, AUTHOR)).drafts.comment(draft.id, `Voir ${XSS}`);
      // Names no API gives: the author's pseudonym and the thread's title, as read when the list loads.
      await forum.db.query('update members set pseudonym = $1 where id = $2', [XSS, (await forum.member(AUTHOR)).id]);
      await forum.db.query('update threads set title = $1 where id = $2', [`Réseau ${XSS}`, draft.threadId]);
      const el = await mountReviews(forum, REVIEWER);

      expect(card(el, draft.id).querySelector('h3')!.textContent).to.contain(XSS);
      expect(textOf(card(el, draft.id))).to.contain(`Draft by ${XSS}`);
      expect(comments(el, draft.id)[0]).to.contain(`Voir ${XSS}`);
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect(window.reviewsXss).to.equal(undefined);
    });
  });
});
