import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideSameProblem } from '../../src/components/same-problem/same-problem.ts';
import '../../src/components/same-problem/same-problem.ts';
import type { MockForum } from '../../src/mocks/index.ts';
import { MEMBERS, expectAccessible, mockForum, mount, useMockWorker } from './helpers.ts';

useMockWorker();

/** Thread 1: Nadia_B asked, 4 members have the same problem. */
async function mountSameProblem(forum: MockForum, memberId: number | null, locale: 'fr' | 'en' = 'en') {
  const { thread } = forum.store.getThread(1);
  return mount<EntraideSameProblem>(
    html`<entraide-same-problem thread-id=${thread.id} count=${thread.sameProblemCount} asker-id=${thread.author.id} status=${thread.status}></entraide-same-problem>`,
    { locale, ...(memberId ? { as: { forum, memberId } } : {}) },
  );
}

const part = (element: EntraideSameProblem, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const liveText = (element: EntraideSameProblem) => part(element, 'message')!.textContent.trim();

describe('<entraide-same-problem>', () => {
  describe('as a member', () => {
    it('marks and unmarks the thread through the API, announcing the new count', async () => {
      const forum = mockForum();
      const element = await mountSameProblem(forum, MEMBERS.sam);
      const button = part(element, 'button')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(part(element, 'count')!.textContent).to.equal('4 members have this problem');

      button.click();
      await waitUntil(() => liveText(element) !== '', 'no announcement');

      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(forum.store.getThread(1).thread.sameProblemCount).to.equal(5);
      expect(liveText(element)).to.equal('5 members have this problem');
      expect(part(element, 'message')!.getAttribute('role')).to.equal('status');

      button.click();
      await waitUntil(() => liveText(element) === '4 members have this problem', 'unmark not announced');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(forum.store.getThread(1).thread.sameProblemCount).to.equal(4);
      await expectAccessible(element);
    });

    it('works from the keyboard', async () => {
      const forum = mockForum();
      const element = await mountSameProblem(forum, MEMBERS.sam);
      part(element, 'button')!.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => forum.store.getThread(1).thread.sameProblemCount === 5, 'Enter did not mark');

      expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button');
    });

    it('rolls back and shows an error when the server fails', async () => {
      const forum = mockForum({ failures: { markSameProblem: 500 } });
      const element = await mountSameProblem(forum, MEMBERS.sam);

      part(element, 'button')!.click();
      await element.updateComplete;
      expect(part(element, 'count')!.textContent, 'optimistic').to.equal('5 members have this problem');
      await waitUntil(() => part(element, 'error'), 'no error shown');

      expect(part(element, 'button')!.getAttribute('aria-pressed')).to.equal('false');
      expect(part(element, 'count')!.textContent).to.equal('4 members have this problem');
      expect(liveText(element)).to.equal('That did not work. Check your connection and try again.');
    });

    it('keeps a mark made in another tab without counting it twice', async () => {
      const forum = mockForum();
      forum.store.markSameProblem({ role: 'member', memberId: MEMBERS.sam }, 1, true);
      const element = await mountSameProblem(forum, MEMBERS.sam);
      element.count = 5;
      await element.updateComplete;

      part(element, 'button')!.click();
      await waitUntil(() => liveText(element) !== '', 'no announcement');

      expect(part(element, 'button')!.getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, 'count')!.textContent).to.equal('5 members have this problem');
      expect(part(element, 'error') === null).to.equal(true);
    });
  });

  describe('as the asker', () => {
    it('shows the count only', async () => {
      const forum = mockForum();
      const element = await mountSameProblem(forum, MEMBERS.nadia);

      expect(part(element, 'button') === null).to.equal(true);
      expect(part(element, 'count')!.textContent).to.equal('4 members have this problem');
      await expectAccessible(element);
    });
  });

  describe('when signed out', () => {
    it('asks the page to sign in', async () => {
      const forum = mockForum();
      const element = await mountSameProblem(forum, null);

      setTimeout(() => part(element, 'button')!.click());
      const event = await oneEvent(element, 'entraide-sign-in-requested');

      expect(event.detail.reason).to.equal('same-problem');
      expect(part(element, 'button')!.hasAttribute('aria-pressed')).to.equal(false);
      await expectAccessible(element);
    });
  });

  describe('in French', () => {
    it('uses French plural forms', async () => {
      const forum = mockForum();
      const element = await mountSameProblem(forum, MEMBERS.sam, 'fr');

      expect(part(element, 'button')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('+ J’ai le même problème');
      expect(part(element, 'count')!.textContent).to.equal('4 membres ont ce problème');
      element.count = 1;
      await element.updateComplete;
      expect(part(element, 'count')!.textContent).to.equal('1 membre a ce problème');
    });
  });
});
