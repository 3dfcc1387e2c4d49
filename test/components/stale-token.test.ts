/**
 * A stale token never stops public reading: when the API refuses every request that carries a
 * token (as after a restart of a server with new keys), the forum reads on as a guest, says the
 * session ended, and offers to sign in again.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EntraideForum } from '../../src/components/forum/forum.ts';
import '../../src/components/forum/forum.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, queryDeep, textOf, waitForDeep, waitForText, worker, type MockForum } from './helpers.ts';

/** What a restarted server answers any token it did not sign. */
function refuseEveryToken(): void {
  worker.use(
    http.all('*/api/*', ({ request }) =>
      request.headers.has('authorization')
        ? HttpResponse.json({ error: { code: 'unauthorized', message: 'The token is not valid.' } }, { status: 401 })
        : undefined,
    ),
  );
}

/** Two French threads of the demo to move between. */
const twoThreads = (mock: MockForum) =>
  mock.db.query<{ id: number; title: string }>(`select id, title from threads where locale = 'fr' and merged_into_id is null and status <> 'archived' order by id limit 2`);

const header = (forum: EntraideForum) => forum.shadowRoot!.querySelector('header')!;
const notice = (forum: EntraideForum) => forum.shadowRoot!.querySelector<HTMLElement>('[part="session-ended"]');

describe('<entraide-forum> with a token the API no longer accepts', () => {
  // The forum is asked in French: no language chosen in this browser by an earlier test may win.
  beforeEach(() => localStorage.removeItem('entraide:locale'));
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('loads the next thread as a guest, says the session ended and offers to sign in again', async () => {
    const mock = await mockForum();
    const [first, next] = await twoThreads(mock);
    const expert = await mock.member(DEMO_PEOPLE.topHelper);
    location.hash = `#/threads/${first!.id}`;
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="fr"></entraide-forum>`);
    await forum.setToken(expert.token);
    await waitForText(header(forum), expert.pseudonym);

    refuseEveryToken();
    const ended = oneEvent(forum, 'entraide-session-ended');
    location.hash = `#/threads/${next!.id}`;
    await waitForText(forum, next!.title);
    await ended;

    expect(textOf(forum)).not.to.contain('Le chargement a échoué');
    await waitForDeep(forum, '[part="session-ended"]');
    expect(notice(forum)!.closest('[role="status"]'), 'announced politely').to.not.equal(null);
    expect(textOf(notice(forum)!)).to.contain('Votre session a pris fin');
    expect(textOf(header(forum))).not.to.contain(expert.pseudonym);
    expect(forum.session.member).to.equal(null);
    expect(forum.shadowRoot!.querySelector('[part="sign-in"]')).to.not.equal(null);
    await expectAccessible(forum);

    const requested = oneEvent(forum, 'entraide-sign-in-requested');
    forum.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in-again"]')!.click();
    expect((await requested).detail.reason).to.equal('session-ended');
  });

  it('says so after a reload with the stored token, in English too, and goes on as a guest', async () => {
    const mock = await mockForum();
    const [thread] = await twoThreads(mock);
    location.hash = `#/threads/${thread!.id}`;
    refuseEveryToken();
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
    await forum.setToken((await mock.member(DEMO_PEOPLE.topHelper)).token);
    await forum.updateComplete;

    expect(textOf(notice(forum)!)).to.contain('Your session has ended');
    expect(forum.shadowRoot!.querySelector('[part="sign-in-again"]')!.textContent).to.contain('Sign in again');
    await waitForText(forum, thread!.title);
    expect(textOf(forum)).not.to.contain('Loading failed');
  });

  it('asks the page for a fresh token first, and keeps the session when one comes', async () => {
    const mock = await mockForum();
    const asker = await mock.member(DEMO_PEOPLE.asker);
    const fresh = asker.token;
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
    let asked = 0;
    forum.refreshToken = () => ((asked += 1), fresh);
    await forum.setToken('signed-with-the-old-keys');
    await forum.updateComplete;

    expect(asked).to.equal(1);
    expect(forum.session.member?.pseudonym).to.equal(asker.pseudonym);
    expect(notice(forum)).to.equal(null);
  });

  it('clears the notice when the page signs the reader in again', async () => {
    const mock = await mockForum();
    const forum = await mount<EntraideForum>(html`<entraide-forum locale="en"></entraide-forum>`);
    await forum.setToken('signed-with-the-old-keys');
    await forum.updateComplete;
    expect(notice(forum)).to.not.equal(null);
    await forum.setToken((await mock.member(DEMO_PEOPLE.topHelper)).token);
    await forum.updateComplete;
    expect(notice(forum)).to.equal(null);
    expect(queryDeep(forum, '[part="member"]')).to.not.equal(null);
  });
});
