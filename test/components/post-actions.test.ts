import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraidePostActions } from '../../src/components/post-actions/post-actions.ts';
import '../../src/components/post-actions/post-actions.ts';
import type { EntraidePost } from '../../src/components/post/post.ts';
import '../../src/components/post/post.ts';
import type { Post, ThreadSummary } from '../../src/contract/models.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, worker, type MockForum, type MockMember } from './helpers.ts';

/**
 * The case most tests act on: an answered thread the demo's beginner asked, still without a
 * solution, and the second helper's reply in it. The beginner is the asker, the second helper
 * the reply's author, the English member a bystander, the technical advisor staff, and the top
 * helper another member (who is neither the asker nor the reply's author).
 */
interface Case {
  threadId: number;
  questionId: number;
  replyId: number;
  replyAuthor: string;
}

async function askedCase(forum: MockForum): Promise<Case> {
  return pick<Case>(
    forum,
    `select t.id as "threadId", q.id as "questionId", p.id as "replyId", m.pseudonym as "replyAuthor"
       from threads t
       join members a on a.id = t.author_id
       join posts q on q.thread_id = t.id and q.kind = 'question'
       join posts p on p.thread_id = t.id and p.kind = 'reply' and not p.hidden and p.deleted_at is null
       join members m on m.id = p.author_id
      where lower(a.pseudonym) = lower($1) and lower(m.pseudonym) = lower($2)
        and t.status in ('open', 'answered') and t.accepted_post_id is null and t.merged_into_id is null
      order by t.id, p.id limit 1`,
    [DEMO_PEOPLE.asker, DEMO_PEOPLE.secondHelper],
  );
}

/** A visible reply with a few kudos, none of them from the English member, who did not write it. */
async function kudosCase(forum: MockForum): Promise<{ threadId: number; postId: number; kudosCount: number }> {
  return pick(
    forum,
    `select p.thread_id as "threadId", p.id as "postId", p.kudos_count as "kudosCount"
       from posts p join threads t on t.id = p.thread_id, members me
      where lower(me.pseudonym) = lower($1) and p.author_id <> me.id and p.kind = 'reply' and not p.hidden and p.deleted_at is null
        and p.kudos_count >= 2 and t.status in ('open', 'answered', 'solved') and t.merged_into_id is null
        and not exists (select 1 from kudos k where k.post_id = p.id and k.member_id = me.id)
      order by p.id limit 1`,
    [DEMO_PEOPLE.englishMember],
  );
}

/** The post and its thread as a reader gets them from the API. */
async function read(threadId: number, postId: number): Promise<{ post: Post; thread: ThreadSummary }> {
  const client = createEntraideClient({ baseUrl: '/api', retry: false });
  const detail = await client.threads.get(threadId, { limit: 100 });
  const post = detail.posts.find((p) => p.id === postId);
  if (!post) throw new Error(`post ${postId} is not in the first page of thread ${threadId}`);
  return { post, thread: detail.thread };
}

async function mountActions(forum: MockForum, who: string | null, at: { threadId: number; postId: number }, options: { accepted?: boolean; locale?: 'fr' | 'en'; width?: string } = {}) {
  const { post, thread } = await read(at.threadId, at.postId);
  const as: MockMember | undefined = who ? await forum.member(who) : undefined;
  return mount<EntraidePostActions>(
    html`<entraide-post-actions .post=${post} .thread=${thread} ?accepted=${options.accepted ?? false}></entraide-post-actions>`,
    { locale: options.locale ?? 'en', width: options.width, as },
  );
}

/** The case's reply. */
const reply = (c: Case) => ({ threadId: c.threadId, postId: c.replyId });

const part = (element: EntraidePostActions, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const message = (element: EntraidePostActions) => part(element, 'message')!.textContent.trim();

async function openFlagForm(element: EntraidePostActions) {
  part(element, 'flag')!.click();
  await waitUntil(() => element.shadowRoot!.querySelector('entraide-flag-form'), 'the report form did not open');
  const form = element.shadowRoot!.querySelector('entraide-flag-form')!;
  await form.updateComplete;
  return form;
}

/** Every flag request's JSON body. */
function recordFlagBodies(): unknown[] {
  const bodies: unknown[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && /\/posts\/\d+\/flags$/.test(new URL(request.url).pathname)) void request.clone().json().then((body) => bodies.push(body));
  };
  worker.events.on('request:start', listener);
  return bodies;
}

describe('<entraide-post-actions>', () => {
  afterEach(() => worker.events.removeAllListeners('request:start'));

  describe('when signed out', () => {
    it('shows the kudos count and a sign-in action, and nothing a guest may not do', async () => {
      const forum = await mockForum();
      const kudos = await kudosCase(forum);
      const element = await mountActions(forum, null, kudos);

      expect(part(element, 'kudos')!.textContent).to.equal(`${kudos.kudosCount} kudos`);
      expect(part(element, 'kudos')!.localName).to.equal('span');
      for (const name of ['quote', 'flag', 'accept']) expect(part(element, name) === null, name).to.equal(true);
      expect(part(element, 'share')!.textContent).to.equal('Copy link');
      await expectAccessible(element);
    });

    it('asks the page to sign in, and says so when nobody answers', async () => {
      const forum = await mockForum();
      const element = await mountActions(forum, null, reply(await askedCase(forum)));

      setTimeout(() => part(element, 'sign-in')!.click());
      const event = await oneEvent(element, 'entraide-sign-in-requested');

      expect(event.detail.reason).to.equal('kudos');
      await element.updateComplete;
      expect(message(element)).to.equal('Sign-in is not available on this page.');
    });
  });

  describe('as a member on someone else’s post', () => {
    it('gives and takes back kudos through the API, with aria-pressed and the count', async () => {
      const forum = await mockForum();
      const kudos = await kudosCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, kudos);
      const button = part(element, 'kudos')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');

      button.click();
      await element.updateComplete;
      await waitUntil(() => button.getAttribute('aria-busy') === 'false', 'kudos never answered');
      expect((await read(kudos.threadId, kudos.postId)).post.kudosCount).to.equal(kudos.kudosCount + 1);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, 'kudos-count')!.textContent).to.equal(String(kudos.kudosCount + 1));

      button.click();
      await element.updateComplete;
      await waitUntil(() => button.getAttribute('aria-busy') === 'false', 'kudos never answered');
      expect((await read(kudos.threadId, kudos.postId)).post.kudosCount).to.equal(kudos.kudosCount);
      expect(button.getAttribute('aria-pressed')).to.equal('false');
    });

    it('works from the keyboard: Tab reaches kudos, Space presses it', async () => {
      const forum = await mockForum();
      const kudos = await kudosCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, kudos);
      part(element, 'kudos')!.focus();

      await sendKeys({ press: 'Space' });
      await waitUntil(async () => (await read(kudos.threadId, kudos.postId)).post.kudosCount === kudos.kudosCount + 1, 'Space did not give kudos', { timeout: 3000 });
      await sendKeys({ press: 'Tab' });

      expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('quote');
    });

    it('rolls back and explains when the server fails', async () => {
      const forum = await mockForum({ failures: { giveKudos: 500 } });
      const kudos = await kudosCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, kudos);

      part(element, 'kudos')!.click();
      await element.updateComplete;
      expect(part(element, 'kudos')!.getAttribute('aria-pressed'), 'optimistic').to.equal('true');
      await waitUntil(() => message(element) !== '', 'no error message');

      expect(part(element, 'kudos')!.getAttribute('aria-pressed')).to.equal('false');
      expect(part(element, 'kudos-count')!.textContent).to.equal(String(kudos.kudosCount));
      expect(message(element)).to.equal('That did not work. Check your connection and try again.');
    });

    it('keeps kudos given from another tab without counting them twice', async () => {
      const forum = await mockForum();
      const kudos = await kudosCase(forum);
      const member = await forum.member(DEMO_PEOPLE.englishMember);
      await createEntraideClient({ baseUrl: '/api', token: member.token, retry: false }).posts.kudo(kudos.postId);
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, kudos);

      part(element, 'kudos')!.click();
      await element.updateComplete;
      await waitUntil(() => part(element, 'kudos')!.getAttribute('aria-busy') === 'false', 'the kudos request never settled', { timeout: 3000 });

      expect(part(element, 'kudos')!.getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, 'kudos-count')!.textContent).to.equal(String(kudos.kudosCount + 1));
      expect((await read(kudos.threadId, kudos.postId)).post.kudosCount).to.equal(kudos.kudosCount + 1);
    });

    it('copies the post permalink and announces it', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, reply(c));
      let copied = '';
      navigator.clipboard.writeText = (text: string) => ((copied = text), Promise.resolve());
      try {
        part(element, 'share')!.click();
        await waitUntil(() => message(element) === 'Link copied.', 'no announcement');
      } finally {
        // The stubs are own properties: deleting them brings back the prototypes' methods.
        Reflect.deleteProperty(navigator.clipboard, 'writeText');
      }

      expect(copied).to.match(new RegExp(`^${new URL('#/t/', location.href).href.replace(/[.?]/g, '\\$&')}${c.threadId}(-[a-z0-9-]+)?#post-${c.replyId}$`));
      expect(part(element, 'message')!.getAttribute('role')).to.equal('status');
    });

    it('shows the link for copying by hand when the clipboard is refused', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, reply(c));
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      document.execCommand = () => false;
      try {
        part(element, 'share')!.click();
        await waitUntil(() => part(element, 'manual-link'), 'no manual link');
      } finally {
        Reflect.deleteProperty(navigator.clipboard, 'writeText');
        Reflect.deleteProperty(document, 'execCommand');
      }

      expect((part(element, 'manual-link') as HTMLInputElement).value).to.contain(`#post-${c.replyId}`);
      expect(message(element)).to.equal('Copy this link:');
      await expectAccessible(element);
    });
  });

  describe('reporting a post', () => {
    it('sends the chosen reason, confirms, and allows one report per member', async () => {
      const forum = await mockForum();
      const bodies = recordFlagBodies();
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, reply(await askedCase(forum)));
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
      const forum = await mockForum();
      const c = await askedCase(forum);
      const first = await mountActions(forum, DEMO_PEOPLE.englishMember, reply(c));
      await first.client.posts.flag(c.replyId, { reason: 'spam' });

      const form = await openFlagForm(first);
      form.shadowRoot!.querySelector<HTMLInputElement>('input[value="spam"]')!.click();
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => message(first) !== '', 'no message');

      expect(message(first)).to.equal('You already reported this post.');
    });

    it('keeps the form open with an error when the server fails', async () => {
      const forum = await mockForum({ failures: { flagPost: 500 } });
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, reply(await askedCase(forum)));
      const form = await openFlagForm(element);

      form.shadowRoot!.querySelector<HTMLInputElement>('input[value="abuse"]')!.click();
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.click();
      await waitUntil(() => form.shadowRoot!.querySelector('[role="alert"]'), 'no error');

      expect(form.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('That did not work. Check your connection and try again.');
      expect(part(element, 'flag')!.getAttribute('aria-disabled')).to.equal('false');
      await expectAccessible(element);
    });

    it('closes on Escape and gives focus back to the report button', async () => {
      const forum = await mockForum();
      const element = await mountActions(forum, DEMO_PEOPLE.englishMember, reply(await askedCase(forum)));
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
      const forum = await mockForum();
      const c = await askedCase(forum);
      const element = await mountActions(forum, c.replyAuthor, reply(c));

      expect(part(element, 'kudos')!.localName).to.equal('span');
      expect(part(element, 'flag') === null).to.equal(true);
      expect(part(element, 'quote') !== null).to.equal(true);
    });
  });

  describe('accepting a solution', () => {
    it('lets the asker accept a reply, tells the thread, then withdraw it', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.asker, reply(c));

      setTimeout(() => part(element, 'accept')!.click());
      const accepted = await oneEvent(element, 'entraide-solution-changed');
      expect(accepted.detail.thread.acceptedPostId).to.equal(c.replyId);
      expect((await read(c.threadId, c.replyId)).thread.acceptedPostId).to.equal(c.replyId);
      await element.updateComplete;
      expect(message(element)).to.equal('Solution accepted.');

      element.accepted = true;
      await element.updateComplete;
      expect(part(element, 'accept')!.textContent.trim()).to.equal('Withdraw solution');
      setTimeout(() => part(element, 'accept')!.click());
      const withdrawn = await oneEvent(element, 'entraide-solution-changed');
      expect(withdrawn.detail.thread.acceptedPostId).to.equal(null);
      expect((await read(c.threadId, c.replyId)).thread.acceptedPostId).to.equal(null);
    });

    it('is offered to advisors but not to other members', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const advisor = await mountActions(forum, DEMO_PEOPLE.technicalAdvisor, reply(c));
      const member = await mountActions(forum, DEMO_PEOPLE.topHelper, reply(c));

      expect(part(advisor, 'accept')!.textContent.trim()).to.equal('Accept as solution');
      expect(part(member, 'accept') === null).to.equal(true);
    });

    it('explains a refusal and changes nothing', async () => {
      const forum = await mockForum({ failures: { acceptSolution: 500 } });
      const c = await askedCase(forum);
      const element = await mountActions(forum, DEMO_PEOPLE.asker, reply(c));
      let fired = false;
      element.addEventListener('entraide-solution-changed', () => (fired = true));

      part(element, 'accept')!.click();
      await waitUntil(() => message(element) !== '', 'no message');

      expect(fired).to.equal(false);
      expect((await read(c.threadId, c.replyId)).thread.acceptedPostId).to.equal(null);
    });
  });

  describe('as the author of a reply', () => {
    /** The case's reply inside its `<entraide-post>`, signed in as its author (or as `viewer`). */
    async function mountOwnPost(forum: MockForum, c: Case, locale: 'fr' | 'en' = 'en', status?: ThreadSummary['status'], viewer: string = c.replyAuthor) {
      const { post, thread } = await read(c.threadId, c.replyId);
      const element = await mount<EntraidePost>(html`<entraide-post .post=${post} .thread=${status ? { ...thread, status } : thread}></entraide-post>`, { locale, as: await forum.member(viewer) });
      const actions = element.shadowRoot!.querySelector('entraide-post-actions')!;
      await actions.updateComplete;
      return { element, actions };
    }

    it('deletes it from the keyboard after an inline confirmation: the post shows its tombstone', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const { element, actions } = await mountOwnPost(forum, c);
      const before = (await read(c.threadId, c.replyId)).thread.replyCount;
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
      const after = await read(c.threadId, c.replyId);
      expect(after.post.bodyHtml).to.equal('');
      expect(after.thread.replyCount).to.equal(before - 1);
      await expectAccessible(element);
    });

    it('closes the confirmation with Cancel or Escape, deleting nothing, and gives the focus back to Delete', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const { actions } = await mountOwnPost(forum, c);

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
      expect((await read(c.threadId, c.replyId)).post.deleted).to.equal(undefined);
    });

    it('explains a failure and keeps the post', async () => {
      const forum = await mockForum({ failures: { deletePost: 500 } });
      const { element, actions } = await mountOwnPost(forum, await askedCase(forum));

      part(actions, 'delete')!.click();
      await waitUntil(() => part(actions, 'delete-yes'), 'no confirmation');
      part(actions, 'delete-yes')!.click();
      await waitUntil(() => message(actions) !== '', 'no message');

      expect(message(actions)).to.contain('did not work');
      expect(element.shadowRoot!.querySelector('[part="tombstone"]')).to.equal(null);
    });

    it('offers no delete on a closed thread, on someone else’s reply, or on a question', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const { actions } = await mountOwnPost(forum, c, 'en', 'closed');
      expect(part(actions, 'delete')).to.equal(null);
      expect(part(await mountActions(forum, DEMO_PEOPLE.asker, reply(c)), 'delete')).to.equal(null);
      expect(part(await mountActions(forum, DEMO_PEOPLE.asker, { threadId: c.threadId, postId: c.questionId }), 'delete')).to.equal(null);
      expect(part(await mountActions(forum, DEMO_PEOPLE.technicalAdvisor, { threadId: c.threadId, postId: c.questionId }), 'delete'), 'not a question, even for staff').to.equal(null);
    });

    it('is offered to staff on someone else’s reply, even on a closed thread: the confirmation asks why, then the tombstone says moderation', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      expect(part(await mountActions(forum, DEMO_PEOPLE.technicalAdvisor, reply(c)), 'delete'), 'an advisor').to.not.equal(null);
      const { element, actions } = await mountOwnPost(forum, c, 'en', 'closed', DEMO_PEOPLE.moderator);
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
      expect((await read(c.threadId, c.replyId)).post.deleted).to.equal(undefined);

      reason.value = 'Données personnelles.';
      reason.dispatchEvent(new InputEvent('input'));
      part(actions, 'delete-yes')!.click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="tombstone"]'), 'no tombstone');
      expect(element.shadowRoot!.querySelector('[part="tombstone"]')!.textContent).to.equal('Deleted by moderation');
      expect(deleted?.deleted?.by).to.equal('staff');
    });

    it('speaks French: Supprimer, then « Message supprimé par son auteur »', async () => {
      const forum = await mockForum();
      const { element, actions } = await mountOwnPost(forum, await askedCase(forum), 'fr');
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
      const forum = await mockForum();
      const c = await askedCase(forum);
      const { post } = await read(c.threadId, c.replyId);
      const element = await mountActions(forum, DEMO_PEOPLE.technicalAdvisor, reply(c), { locale: 'fr', width: '360px' });

      const labels = ['kudos', 'accept', 'quote', 'flag', 'share'].map((name) => part(element, name)!.textContent.replace(/\s+/g, ' ').trim());
      expect(labels).to.deep.equal([`♡ Kudos ${post.kudosCount}`, 'Accepter comme solution', 'Citer', 'Signaler', 'Copier le lien']);
      const bar = part(element, 'base')!;
      expect(bar.scrollWidth).to.be.at.most(360);
      expect(bar.getAttribute('aria-label')).to.equal(`Actions sur le message de ${c.replyAuthor}`);
      await expectAccessible(element);
    });
  });

  describe('with hostile text', () => {
    it('quotes plain text and never runs a pseudonym or body', async () => {
      const forum = await mockForum();
      const c = await askedCase(forum);
      const { post, thread } = await read(c.threadId, c.replyId);
      const hostile: Post = {
        ...post,
        author: { ...post.author, pseudonym: '<img src=x onerror="window.__pwnedActions=1">' },
        bodyHtml: '<p>&lt;script&gt;window.__pwnedActions=2&lt;/script&gt; Call <code>888</code>.</p><p>Then wait.</p>',
      };
      const element = await mount<EntraidePost>(html`<entraide-post .post=${hostile} .thread=${thread}></entraide-post>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.englishMember) });
      const actions = element.shadowRoot!.querySelector('entraide-post-actions')!;
      await actions.updateComplete;

      setTimeout(() => part(actions, 'quote')!.click());
      const quote = await oneEvent(element, 'entraide-quote-requested');

      expect(quote.detail.postId).to.equal(c.replyId);
      expect(quote.detail.text).to.equal('<script>window.__pwnedActions=2</script> Call 888.\n\nThen wait.');
      expect(part(actions, 'base')!.getAttribute('aria-label')).to.contain('<img src=x');
      expect(actions.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect((window as unknown as { __pwnedActions?: number }).__pwnedActions).to.equal(undefined);
    });
  });
});
