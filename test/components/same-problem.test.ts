import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideSameProblem } from '../../src/components/same-problem/same-problem.ts';
import '../../src/components/same-problem/same-problem.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, type MockForum, type MockMember } from './helpers.ts';

interface Shared {
  id: number;
  count: number;
  askerId: number;
  status: string;
}

/** An open demo thread that several members share, not asked nor marked by the English member. */
async function sharedThread(forum: MockForum): Promise<Shared> {
  return pick<Shared>(
    forum,
    `select t.id, t.same_problem_count as count, t.author_id as "askerId", t.status from threads t
      where t.status in ('open', 'answered') and t.merged_into_id is null and t.same_problem_count between 2 and 30
        and t.author_id <> (select id from members where pseudonym = $1)
        and not exists (select 1 from same_problem_marks m join members p on p.id = m.member_id where m.thread_id = t.id and p.pseudonym = $1)
      order by t.id limit 1`,
    [DEMO_PEOPLE.englishMember],
  );
}

async function mountSameProblem(thread: Shared, member: MockMember | null, locale: 'fr' | 'en' = 'en') {
  return mount<EntraideSameProblem>(
    html`<entraide-same-problem thread-id=${thread.id} count=${thread.count} asker-id=${thread.askerId} status=${thread.status}></entraide-same-problem>`,
    { locale, ...(member ? { as: member } : {}) },
  );
}

async function countOf(forum: MockForum, threadId: number): Promise<number> {
  return (await pick<{ count: number }>(forum, 'select same_problem_count as count from threads where id = $1', [threadId])).count;
}

const members = (count: number) => `${count} members have this problem`;

const part = (element: EntraideSameProblem, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const liveText = (element: EntraideSameProblem) => part(element, 'message')!.textContent.trim();

describe('<entraide-same-problem>', () => {
  describe('as a member', () => {
    it('marks and unmarks the thread through the API, announcing the new count', async () => {
      const forum = await mockForum();
      const thread = await sharedThread(forum);
      const element = await mountSameProblem(thread, await forum.member(DEMO_PEOPLE.englishMember));
      const button = part(element, 'button')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(part(element, 'count')!.textContent).to.equal(members(thread.count));

      button.click();
      await waitUntil(() => liveText(element) !== '', 'no announcement');

      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(await countOf(forum, thread.id)).to.equal(thread.count + 1);
      expect(liveText(element)).to.equal(members(thread.count + 1));
      expect(part(element, 'message')!.getAttribute('role')).to.equal('status');

      button.click();
      await waitUntil(() => liveText(element) === members(thread.count), 'unmark not announced');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(await countOf(forum, thread.id)).to.equal(thread.count);
      await expectAccessible(element);
    });

    it('works from the keyboard', async () => {
      const forum = await mockForum();
      const thread = await sharedThread(forum);
      const element = await mountSameProblem(thread, await forum.member(DEMO_PEOPLE.englishMember));
      part(element, 'button')!.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(element, 'button')!.getAttribute('aria-pressed') === 'true' && liveText(element) !== '', 'Enter did not mark');
      expect(await countOf(forum, thread.id)).to.equal(thread.count + 1);

      expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button');
    });

    it('rolls back and shows an error when the server fails', async () => {
      const forum = await mockForum({ failures: { markSameProblem: 500 } });
      const thread = await sharedThread(forum);
      const element = await mountSameProblem(thread, await forum.member(DEMO_PEOPLE.englishMember));

      part(element, 'button')!.click();
      await element.updateComplete;
      expect(part(element, 'count')!.textContent, 'optimistic').to.equal(members(thread.count + 1));
      await waitUntil(() => part(element, 'error'), 'no error shown');

      expect(part(element, 'button')!.getAttribute('aria-pressed')).to.equal('false');
      expect(part(element, 'count')!.textContent).to.equal(members(thread.count));
      expect(liveText(element)).to.equal('That did not work. Check your connection and try again.');
    });

    it('keeps a mark made in another tab without counting it twice', async () => {
      const forum = await mockForum();
      const thread = await sharedThread(forum);
      const sam = await forum.member(DEMO_PEOPLE.englishMember);
      await createEntraideClient({ baseUrl: '/api', token: sam.token }).threads.markSameProblem(thread.id);
      const element = await mountSameProblem(thread, sam);
      element.count = thread.count + 1;
      await element.updateComplete;

      part(element, 'button')!.click();
      await waitUntil(() => liveText(element) !== '', 'no announcement');

      expect(part(element, 'button')!.getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, 'count')!.textContent).to.equal(members(thread.count + 1));
      expect(part(element, 'error') === null).to.equal(true);
    });
  });

  describe('as the asker', () => {
    it('shows the count only', async () => {
      const forum = await mockForum();
      const thread = await sharedThread(forum);
      const asker = await pick<{ pseudonym: string }>(forum, 'select pseudonym from members where id = $1', [thread.askerId]);
      const element = await mountSameProblem(thread, await forum.member(asker.pseudonym));

      expect(part(element, 'button') === null).to.equal(true);
      expect(part(element, 'count')!.textContent).to.equal(members(thread.count));
      await expectAccessible(element);
    });
  });

  describe('when signed out', () => {
    it('asks the page to sign in', async () => {
      const element = await mountSameProblem(await sharedThread(await mockForum()), null);

      setTimeout(() => part(element, 'button')!.click());
      const event = await oneEvent(element, 'entraide-sign-in-requested');

      expect(event.detail.reason).to.equal('same-problem');
      expect(part(element, 'button')!.hasAttribute('aria-pressed')).to.equal(false);
      await expectAccessible(element);
    });
  });

  describe('in French', () => {
    it('uses French plural forms', async () => {
      const forum = await mockForum();
      const thread = await sharedThread(forum);
      const element = await mountSameProblem(thread, await forum.member(DEMO_PEOPLE.englishMember), 'fr');

      expect(part(element, 'button')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('+ J’ai le même problème');
      expect(part(element, 'count')!.textContent).to.equal(`${thread.count} membres ont ce problème`);
      element.count = 1;
      await element.updateComplete;
      expect(part(element, 'count')!.textContent).to.equal('1 membre a ce problème');
    });
  });
});
