import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { EntraidePostActions } from '../../src/components/post-actions/post-actions.ts';
import '../../src/components/post-actions/post-actions.ts';
import type { EntraidePost } from '../../src/components/post/post.ts';
import '../../src/components/post/post.ts';
import type { Post, ThreadSummary } from '../../src/contract/models.ts';
import type { MockForum } from '../../src/mocks/index.ts';
import { MEMBERS, expectAccessible, mockForum, mount, useMockWorker, worker } from './helpers.ts';

useMockWorker();

/** Post 6 of thread 2: rosier answers sam_uk's voicemail question (English). */
const THREAD = 2;
const REPLY = 6;

function fixtureOf(forum: MockForum, threadId = THREAD, postId = REPLY): { post: Post; thread: ThreadSummary } {
  const detail = forum.store.getThread(threadId);
  return { post: detail.posts.find((p) => p.id === postId)!, thread: detail.thread };
}

async function mountActions(forum: MockForum, memberId: number | null, options: { postId?: number; threadId?: number; accepted?: boolean; locale?: 'fr' | 'en'; width?: string } = {}) {
  const { post, thread } = fixtureOf(forum, options.threadId, options.postId);
  return mount<EntraidePostActions>(
    html`<entraide-post-actions .post=${post} .thread=${thread} ?accepted=${options.accepted ?? false}></entraide-post-actions>`,
    { locale: options.locale ?? 'en', width: options.width, ...(memberId ? { as: { forum, memberId } } : {}) },
  );
}

const part = (element: EntraidePostActions, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const message = (element: EntraidePostActions) => part(element, 'message')!.textContent.trim();

async function openFlagForm(element: EntraidePostActions) {
  part(element, 'flag')!.click();
  await waitUntil(() => element.shadowRoot!.querySelector('entraide-flag-form'), 'the report form did not open');
  const form = element.shadowRoot!.querySelector('entraide-flag-form')!;
  await form.updateComplete;
  return form;
}

/** Every flag request's JSON body, whichever handler answers it. */
function recordFlagBodies(): unknown[] {
  const bodies: unknown[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && /\/posts\/\d+\/flags$/.test(new URL(request.url).pathname)) void request.clone().json().then((body) => bodies.push(body));
  };
  worker.events.on('request:start', listener);
  return bodies;
}

/**
 * The mock community answers flags when its moderation area is there; until then this
 * stand-in answers the way the server does (201, then 409 for a second flag by the same member).
 */
function withFlagFallback(forum: MockForum): void {
  const flagged = new Set<string>();
  const fallback = http.post('/api/posts/:postId/flags', async ({ request, params }) => {
    const key = `${request.headers.get('authorization')}:${String(params.postId)}`;
    if (flagged.has(key)) return HttpResponse.json({ error: { code: 'conflict', message: 'You already flagged this post.' } }, { status: 409 });
    flagged.add(key);
    const { reason } = (await request.json()) as { reason: string };
    const flag = { id: flagged.size, postId: Number(params.postId), reason, note: null, weight: 1, createdAt: new Date().toISOString() };
    return HttpResponse.json({ flag, totalWeight: 1, hidden: false }, { status: 201 });
  });
  worker.resetHandlers(...forum.handlers, fallback);
}

describe('<entraide-post-actions>', () => {
  afterEach(() => worker.events.removeAllListeners('request:start'));

  describe('when signed out', () => {
    it('shows the kudos count and a sign-in action, and nothing a guest may not do', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, null, { threadId: 1, postId: 2 });

      expect(part(element, 'kudos')!.textContent).to.equal('6 kudos');
      expect(part(element, 'kudos')!.localName).to.equal('span');
      for (const name of ['quote', 'flag', 'accept']) expect(part(element, name) === null, name).to.equal(true);
      expect(part(element, 'share')!.textContent).to.equal('Copy link');
      await expectAccessible(element);
    });

    it('asks the page to sign in, and says so when nobody answers', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, null);

      setTimeout(() => part(element, 'sign-in')!.click());
      const event = await oneEvent(element, 'entraide-sign-in-requested');

      expect(event.detail.reason).to.equal('kudos');
      await element.updateComplete;
      expect(message(element)).to.equal('Sign-in is not available on this page.');
    });
  });

  describe('as a member on someone else’s post', () => {
    it('gives and takes back kudos through the API, with aria-pressed and the count', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.sam, { threadId: 1, postId: 2 });
      const kudos = part(element, 'kudos')!;
      expect(kudos.getAttribute('aria-pressed')).to.equal('false');

      kudos.click();
      await element.updateComplete;
      await waitUntil(() => kudos.getAttribute('aria-busy') === 'false', 'kudos never answered');
      expect(forum.store.getThread(1).posts[1]!.kudosCount).to.equal(7);
      expect(kudos.getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, 'kudos-count')!.textContent).to.equal('7');

      kudos.click();
      await element.updateComplete;
      await waitUntil(() => kudos.getAttribute('aria-busy') === 'false', 'kudos never answered');
      expect(forum.store.getThread(1).posts[1]!.kudosCount).to.equal(6);
      expect(kudos.getAttribute('aria-pressed')).to.equal('false');
    });

    it('works from the keyboard: Tab reaches kudos, Space presses it', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.sam, { threadId: 1, postId: 2 });
      part(element, 'kudos')!.focus();

      await sendKeys({ press: 'Space' });
      await waitUntil(() => forum.store.getThread(1).posts[1]!.kudosCount === 7, 'Space did not give kudos');
      await sendKeys({ press: 'Tab' });

      expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('quote');
    });

    it('rolls back and explains when the server fails', async () => {
      const forum = mockForum({ failures: { giveKudos: 500 } });
      const element = await mountActions(forum, MEMBERS.sam, { threadId: 1, postId: 2 });

      part(element, 'kudos')!.click();
      await element.updateComplete;
      expect(part(element, 'kudos')!.getAttribute('aria-pressed'), 'optimistic').to.equal('true');
      await waitUntil(() => message(element) !== '', 'no error message');

      expect(part(element, 'kudos')!.getAttribute('aria-pressed')).to.equal('false');
      expect(part(element, 'kudos-count')!.textContent).to.equal('6');
      expect(message(element)).to.equal('That did not work. Check your connection and try again.');
    });

    it('keeps kudos given from another tab without counting them twice', async () => {
      const forum = mockForum();
      forum.store.giveKudos({ role: 'member', memberId: MEMBERS.sam }, 2, true);
      const element = await mountActions(forum, MEMBERS.sam, { threadId: 1, postId: 2 });

      part(element, 'kudos')!.click();
      await element.updateComplete;
      await waitUntil(() => part(element, 'kudos')!.getAttribute('aria-busy') === 'false', 'the kudos request never settled', { timeout: 3000 });

      expect(part(element, 'kudos')!.getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, 'kudos-count')!.textContent).to.equal('7');
    });

    it('copies the post permalink and announces it', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.nadia);
      let copied = '';
      navigator.clipboard.writeText = (text: string) => ((copied = text), Promise.resolve());
      try {
        part(element, 'share')!.click();
        await waitUntil(() => message(element) === 'Link copied.', 'no announcement');
      } finally {
        // The stubs are own properties: deleting them brings back the prototypes' methods.
        Reflect.deleteProperty(navigator.clipboard, 'writeText');
      }

      expect(copied).to.equal(new URL(`#/threads/${THREAD}#post-${REPLY}`, location.href).href);
      expect(part(element, 'message')!.getAttribute('role')).to.equal('status');
    });

    it('shows the link for copying by hand when the clipboard is refused', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.nadia);
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      document.execCommand = () => false;
      try {
        part(element, 'share')!.click();
        await waitUntil(() => part(element, 'manual-link'), 'no manual link');
      } finally {
        Reflect.deleteProperty(navigator.clipboard, 'writeText');
        Reflect.deleteProperty(document, 'execCommand');
      }

      expect((part(element, 'manual-link') as HTMLInputElement).value).to.contain(`#post-${REPLY}`);
      expect(message(element)).to.equal('Copy this link:');
      await expectAccessible(element);
    });
  });

  describe('reporting a post', () => {
    it('sends the chosen reason, confirms, and allows one report per member', async () => {
      const forum = mockForum();
      withFlagFallback(forum);
      const bodies = recordFlagBodies();
      const element = await mountActions(forum, MEMBERS.nadia);
      const flag = part(element, 'flag')!;

      const form = await openFlagForm(element);
      expect(flag.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => form.shadowRoot!.activeElement?.getAttribute('value') === 'spam', 'focus did not move to the first reason');
      form.shadowRoot!.querySelector<HTMLInputElement>('input[value="off-topic"]')!.click();
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => message(element) !== '', 'no confirmation');

      expect(bodies).to.deep.equal([{ reason: 'off-topic' }]);
      expect(message(element)).to.equal('Thank you: the moderators will review this post.');
      expect(flag.textContent.trim()).to.equal('Reported');
      expect(flag.getAttribute('aria-disabled')).to.equal('true');
      expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('flag');
      await expectAccessible(element);
    });

    it('says the post is already reported when the server answers 409', async () => {
      const forum = mockForum();
      withFlagFallback(forum);
      const first = await mountActions(forum, MEMBERS.nadia);
      await first.client.posts.flag(REPLY, { reason: 'spam' });

      const form = await openFlagForm(first);
      form.shadowRoot!.querySelector<HTMLInputElement>('input[value="spam"]')!.click();
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => message(first) !== '', 'no message');

      expect(message(first)).to.equal('You already reported this post.');
    });

    it('keeps the form open with an error when the server fails', async () => {
      const forum = mockForum({ failures: { flagPost: 500 } });
      // Whether or not the mock community has its moderation area yet, the flag fails here.
      worker.use(http.post('/api/posts/:postId/flags', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })));
      const element = await mountActions(forum, MEMBERS.nadia);
      const form = await openFlagForm(element);

      form.shadowRoot!.querySelector<HTMLInputElement>('input[value="abuse"]')!.click();
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => form.shadowRoot!.querySelector('[role="alert"]'), 'no error');

      expect(form.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('That did not work. Check your connection and try again.');
      expect(part(element, 'flag')!.getAttribute('aria-disabled')).to.equal('false');
      await expectAccessible(element);
    });

    it('closes on Escape and gives focus back to the report button', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.nadia);
      const form = await openFlagForm(element);
      await form.focusFirst();

      await sendKeys({ press: 'Escape' });
      await element.updateComplete;

      expect(element.shadowRoot!.querySelector('entraide-flag-form') === null).to.equal(true);
      await waitUntil(() => element.shadowRoot!.activeElement?.getAttribute('part') === 'flag', 'focus not returned');
    });
  });

  describe('on one’s own post', () => {
    it('shows the count but neither kudos nor report', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.rosier);

      expect(part(element, 'kudos')!.localName).to.equal('span');
      expect(part(element, 'flag') === null).to.equal(true);
      expect(part(element, 'quote') !== null).to.equal(true);
    });
  });

  describe('accepting a solution', () => {
    it('lets the asker accept a reply, tells the thread, then withdraw it', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.sam);

      setTimeout(() => part(element, 'accept')!.click());
      const accepted = await oneEvent(element, 'entraide-solution-changed');
      expect(accepted.detail.thread.acceptedPostId).to.equal(REPLY);
      expect(forum.store.getThread(THREAD).thread.acceptedPostId).to.equal(REPLY);
      await element.updateComplete;
      expect(message(element)).to.equal('Solution accepted.');

      element.accepted = true;
      await element.updateComplete;
      expect(part(element, 'accept')!.textContent.trim()).to.equal('Withdraw solution');
      setTimeout(() => part(element, 'accept')!.click());
      const withdrawn = await oneEvent(element, 'entraide-solution-changed');
      expect(withdrawn.detail.thread.acceptedPostId).to.equal(null);
    });

    it('is offered to advisors but not to other members', async () => {
      const forum = mockForum();
      const advisor = await mountActions(forum, MEMBERS.lea);
      const member = await mountActions(forum, MEMBERS.pix37);

      expect(part(advisor, 'accept')!.textContent.trim()).to.equal('Accept as solution');
      expect(part(member, 'accept') === null).to.equal(true);
    });

    it('explains a refusal and changes nothing', async () => {
      const forum = mockForum({ failures: { acceptSolution: 500 } });
      const element = await mountActions(forum, MEMBERS.sam);
      let fired = false;
      element.addEventListener('entraide-solution-changed', () => (fired = true));

      part(element, 'accept')!.click();
      await waitUntil(() => message(element) !== '', 'no message');

      expect(fired).to.equal(false);
      expect(forum.store.getThread(THREAD).thread.acceptedPostId).to.equal(null);
    });
  });

  describe('as the author of a reply', () => {
    /** rosier's reply (post 6) inside its `<entraide-post>`, as rosier (or `memberId`). */
    async function mountOwnPost(forum: MockForum, locale: 'fr' | 'en' = 'en', status?: ThreadSummary['status'], memberId: number = MEMBERS.rosier) {
      const { post, thread } = fixtureOf(forum);
      const element = await mount<EntraidePost>(html`<entraide-post .post=${post} .thread=${status ? { ...thread, status } : thread}></entraide-post>`, { locale, as: { forum, memberId } });
      const actions = element.shadowRoot!.querySelector('entraide-post-actions')!;
      await actions.updateComplete;
      return { element, actions };
    }

    it('deletes it from the keyboard after an inline confirmation: the post shows its tombstone', async () => {
      const forum = mockForum();
      const { element, actions } = await mountOwnPost(forum);
      const before = forum.store.getThread(THREAD).thread.replyCount;
      let deleted: Post | undefined;
      element.addEventListener('entraide-post-deleted', (event) => (deleted = event.detail.post));

      part(actions, 'delete')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(actions, 'delete-confirm'), 'no confirmation');
      expect(part(actions, 'delete')!.getAttribute('aria-expanded')).to.equal('true');
      expect(actions.shadowRoot!.activeElement?.getAttribute('part'), 'the harmless choice has the focus').to.equal('delete-cancel');
      expect(part(actions, 'delete-confirm')!.textContent).to.contain('Delete this post?');
      await expectAccessible(actions);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(actions.shadowRoot!.activeElement?.getAttribute('part')).to.equal('delete-yes');
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => element.shadowRoot!.querySelector('[part="tombstone"]'), 'no tombstone');
      expect(element.shadowRoot!.querySelector('[part="tombstone"]')!.textContent).to.equal('Deleted by its author');
      expect(element.shadowRoot!.querySelector('[part="body"]')).to.equal(null);
      expect(element.hasAttribute('deleted')).to.equal(true);
      expect(element.shadowRoot!.activeElement?.localName, 'the focus stays on the post').to.equal('article');
      expect(deleted?.deleted?.by).to.equal('author');
      const read = forum.store.getThread(THREAD);
      expect(read.posts.find((p) => p.id === REPLY)?.bodyHtml).to.equal('');
      expect(read.thread.replyCount).to.equal(before - 1);
      await expectAccessible(element);
    });

    it('closes the confirmation with Cancel or Escape, deleting nothing, and gives the focus back to Delete', async () => {
      const forum = mockForum();
      const { actions } = await mountOwnPost(forum);

      part(actions, 'delete')!.click();
      await waitUntil(() => part(actions, 'delete-cancel'), 'no confirmation');
      part(actions, 'delete-cancel')!.click();
      await waitUntil(() => !part(actions, 'delete-confirm'), 'Cancel did not close it');
      expect(actions.shadowRoot!.activeElement?.getAttribute('part')).to.equal('delete');

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(actions, 'delete-confirm'), 'Enter did not open it');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(actions, 'delete-confirm'), 'Escape did not close it');
      expect(actions.shadowRoot!.activeElement?.getAttribute('part')).to.equal('delete');
      expect(forum.store.getThread(THREAD).posts.find((p) => p.id === REPLY)?.deleted).to.equal(undefined);
    });

    it('explains a failure and keeps the post', async () => {
      const forum = mockForum({ failures: { deletePost: 500 } });
      const { element, actions } = await mountOwnPost(forum);

      part(actions, 'delete')!.click();
      await waitUntil(() => part(actions, 'delete-yes'), 'no confirmation');
      part(actions, 'delete-yes')!.click();
      await waitUntil(() => message(actions) !== '', 'no message');

      expect(message(actions)).to.contain('did not work');
      expect(element.shadowRoot!.querySelector('[part="tombstone"]')).to.equal(null);
    });

    it('offers no delete on a closed thread, on someone else’s reply, or on a question', async () => {
      const forum = mockForum();
      const { actions } = await mountOwnPost(forum, 'en', 'closed');
      expect(part(actions, 'delete')).to.equal(null);
      expect(part(await mountActions(forum, MEMBERS.sam), 'delete')).to.equal(null);
      expect(part(await mountActions(forum, MEMBERS.sam, { postId: 5 }), 'delete')).to.equal(null);
      expect(part(await mountActions(forum, MEMBERS.lea, { postId: 5 }), 'delete'), 'not a question, even for staff').to.equal(null);
    });

    it('is offered to staff on someone else’s reply, even on a closed thread: the confirmation asks why, then the tombstone says moderation', async () => {
      const forum = mockForum();
      expect(part(await mountActions(forum, MEMBERS.lea), 'delete'), 'an advisor').to.not.equal(null);
      const { element, actions } = await mountOwnPost(forum, 'en', 'closed', MEMBERS.modo);
      let deleted: Post | undefined;
      element.addEventListener('entraide-post-deleted', (event) => (deleted = event.detail.post));

      part(actions, 'delete')!.click();
      await waitUntil(() => part(actions, 'delete-confirm'), 'no confirmation');
      expect(part(actions, 'delete-confirm')!.textContent).to.contain('marked “deleted by moderation”');
      expect(actions.shadowRoot!.activeElement?.getAttribute('part')).to.equal('delete-cancel');
      const reason = part(actions, 'delete-reason') as HTMLInputElement;
      expect(reason.labels?.[0]?.textContent?.trim()).to.equal('Reason (kept in the audit log)');
      await expectAccessible(actions);

      part(actions, 'delete-yes')!.click();
      await actions.updateComplete;
      expect(actions.shadowRoot!.activeElement, 'no reason: the field is asked for').to.equal(reason);
      expect(forum.store.getThread(THREAD).posts.find((p) => p.id === REPLY)?.deleted).to.equal(undefined);

      reason.value = 'Données personnelles.';
      reason.dispatchEvent(new InputEvent('input'));
      part(actions, 'delete-yes')!.click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="tombstone"]'), 'no tombstone');
      expect(element.shadowRoot!.querySelector('[part="tombstone"]')!.textContent).to.equal('Deleted by moderation');
      expect(deleted?.deleted?.by).to.equal('staff');
    });

    it('speaks French: Supprimer, then « Message supprimé par son auteur »', async () => {
      const forum = mockForum();
      const { element, actions } = await mountOwnPost(forum, 'fr');
      expect(part(actions, 'delete')!.textContent.trim()).to.equal('Supprimer');
      part(actions, 'delete')!.click();
      await waitUntil(() => part(actions, 'delete-yes'), 'no confirmation');
      expect(part(actions, 'delete-yes')!.textContent.trim()).to.equal('Oui, supprimer');
      part(actions, 'delete-yes')!.click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="tombstone"]'), 'no tombstone');
      expect(element.shadowRoot!.querySelector('[part="tombstone"]')!.textContent).to.equal('Message supprimé par son auteur');
    });
  });

  describe('in French, in a 360 px column', () => {
    it('translates every action and wraps without overflowing', async () => {
      const forum = mockForum();
      const element = await mountActions(forum, MEMBERS.lea, { locale: 'fr', width: '360px' });

      const labels = ['kudos', 'accept', 'quote', 'flag', 'share'].map((name) => part(element, name)!.textContent.replace(/\s+/g, ' ').trim());
      expect(labels).to.deep.equal(['♡ Kudos 0', 'Accepter comme solution', 'Citer', 'Signaler', 'Copier le lien']);
      const bar = part(element, 'base')!;
      expect(bar.scrollWidth).to.be.at.most(360);
      expect(bar.getAttribute('aria-label')).to.equal('Actions sur le message de rosier');
      await expectAccessible(element);
    });
  });

  describe('with hostile text', () => {
    it('quotes plain text and never runs a pseudonym or body', async () => {
      const forum = mockForum();
      const { post, thread } = fixtureOf(forum);
      const hostile: Post = {
        ...post,
        author: { ...post.author, pseudonym: '<img src=x onerror="window.__pwnedActions=1">' },
        bodyHtml: '<p>&lt;script&gt;window.__pwnedActions=2&lt;/script&gt; Call <code>888</code>.</p><p>Then wait.</p>',
      };
      const element = await mount<EntraidePost>(html`<entraide-post .post=${hostile} .thread=${thread}></entraide-post>`, { locale: 'en', as: { forum, memberId: MEMBERS.nadia } });
      const actions = element.shadowRoot!.querySelector('entraide-post-actions')!;
      await actions.updateComplete;

      setTimeout(() => part(actions, 'quote')!.click());
      const quote = await oneEvent(element, 'entraide-quote-requested');

      expect(quote.detail.postId).to.equal(REPLY);
      expect(quote.detail.text).to.equal('<script>window.__pwnedActions=2</script> Call 888.\n\nThen wait.');
      expect(part(actions, 'base')!.getAttribute('aria-label')).to.contain('<img src=x');
      expect(actions.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect((window as unknown as { __pwnedActions?: number }).__pwnedActions).to.equal(undefined);
    });
  });
});
