/** <entraide-admin-ranks>: the rank ladder editor with its live preview of members per level. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PREVIEW_DELAY_MS, type EntraideAdminRanks } from '../../src/components/admin-ranks/admin-ranks.ts';
import '../../src/components/admin-ranks/admin-ranks.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, textOf, worker, type MockForum } from './helpers.ts';

const $ = <E extends Element = HTMLElement>(el: EntraideAdminRanks, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAdminRanks, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const row = (el: EntraideAdminRanks, level: number) => $(el, `[part="step"][data-level="${level}"]`)!;
const field = (el: EntraideAdminRanks, level: number, name: string) => row(el, level).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const saveButton = (el: EntraideAdminRanks) => $<HTMLButtonElement>(el, '[part="save"]')!;
const previewCounts = (el: EntraideAdminRanks) => $$(el, '[part="members-preview"]').map((cell) => cell.textContent.trim());
const nowCounts = (el: EntraideAdminRanks) => $$(el, '[part="members-now"]').map((cell) => cell.textContent.trim());

const adminOf = async (forum: MockForum): Promise<EntraideClient> =>
  createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.admin)).token, retry: false });

/** Types into a field as a person would: the value, then an input event. */
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/**
 * Requests the page sends to the admin API from now on (method and path); `notBy` leaves out those of one
 * token (an element of an earlier test may still have had one in flight when it was removed).
 */
function watchAdminRequests(options: { notBy?: string } = {}): string[] {
  const seen: string[] = [];
  worker.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (options.notBy && request.headers.get('authorization') === `Bearer ${options.notBy}`) return;
    if (pathname.startsWith('/api/admin/')) seen.push(`${request.method} ${pathname}`);
  });
  return seen;
}

async function mountRanks(forum: MockForum, pseudonym: string | undefined, options: { locale?: 'fr' | 'en'; width?: string } = {}) {
  const el = await mount<EntraideAdminRanks>(html`<entraide-admin-ranks></entraide-admin-ranks>`, {
    locale: options.locale ?? 'en', width: options.width, as: pseudonym ? await forum.member(pseudonym) : undefined,
  });
  await waitUntil(() => $(el, '[part="form"], [part="error"], [part="refused"]'), 'the ranks view never loaded', { timeout: 3000 });
  return el;
}

async function forumWith(options: Pick<MockForumOptions, 'failures' | 'latency'> = {}) {
  return mockForum(options);
}

/** Waits for the preview of the ladder as edited now (after the render of the last edit, not on the page before it). */
async function waitForPreview(el: EntraideAdminRanks, message: string): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !$(el, '[part="members-preview"][data-stale]') && $(el, '[part="preview-status"]')!.textContent === '', message, { timeout: 3000 });
}

describe('<entraide-admin-ranks>', () => {
  // The request watches of this file's tests end with each test (the suite shares one page and one worker).
  afterEach(() => worker.events.removeAllListeners('request:start'));

  it('shows the saved ladder: weights, every level, and the members each level holds now', async () => {
    const forum = await forumWith();
    const saved = await (await adminOf(forum)).admin.ranks();
    const el = await mountRanks(forum, DEMO_PEOPLE.admin);

    expect($<HTMLInputElement>(el, 'input[name="weight-acceptedAnswer"]')!.value).to.equal(String(saved.ladder.weights.acceptedAnswer));
    expect($$(el, '[part="step"]').length).to.equal(saved.ladder.steps.length);
    expect(field(el, 2, 'name-fr').value).to.equal(saved.ladder.steps[1]!.names.fr);
    expect(field(el, 2, 'minScore').value).to.equal(String(saved.ladder.steps[1]!.minScore));
    const counts = saved.members.map((count) => new Intl.NumberFormat('en').format(count));
    expect(nowCounts(el)).to.deep.equal(counts);
    expect(previewCounts(el)).to.deep.equal(counts);
    expect(saveButton(el).disabled, 'nothing to save yet').to.equal(true);
    expect($<HTMLButtonElement>(el, '[part="reset"]')!.disabled).to.equal(true);
    await expectAccessible(el);
  });

  it('previews a changed threshold after a pause in the typing, with one request, then saves it from the keyboard', async () => {
    const forum = await forumWith();
    const admin = await adminOf(forum);
    const saved = await admin.admin.ranks();
    const last = saved.ladder.steps.length;
    const el = await mountRanks(forum, DEMO_PEOPLE.admin);
    const requests = watchAdminRequests();

    // The highest level asks for far more: its members fall to the level below.
    const input = field(el, last, 'minScore');
    type(input, '2');
    type(input, '20');
    type(input, '200000');
    await el.updateComplete;
    expect($(el, '[part="members-preview"][data-stale]'), 'the old counts are marked stale while the preview is awaited').to.not.equal(null);
    await new Promise((done) => setTimeout(done, PREVIEW_DELAY_MS / 2));
    expect(requests, 'no request before the pause').to.deep.equal([]);
    await waitForPreview(el, 'the preview never came');
    expect(requests).to.deep.equal(['POST /api/admin/ranks/preview']);

    const ladder = { ...saved.ladder, steps: saved.ladder.steps.map((step, index) => (index === last - 1 ? { ...step, minScore: 200_000 } : step)) };
    const expected = (await admin.admin.previewRanks(ladder)).members;
    expect(expected[last - 1]).to.equal(0);
    expect(expected[last - 2]).to.equal(saved.members[last - 2]! + saved.members[last - 1]!);
    expect(previewCounts(el)).to.deep.equal(expected.map((count) => new Intl.NumberFormat('en').format(count)));
    expect(nowCounts(el), 'members now stay as saved').to.deep.equal(saved.members.map((count) => new Intl.NumberFormat('en').format(count)));

    expect(saveButton(el).disabled).to.equal(false);
    saveButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="status"]')!.textContent === 'Ladder saved: the ranks shown follow it.', 'the ladder was not saved', { timeout: 3000 });
    const after = await admin.admin.ranks();
    expect(after.ladder.steps[last - 1]!.minScore).to.equal(200_000);
    expect(after.members).to.deep.equal(expected);
    expect(nowCounts(el), 'members now follow the saved ladder').to.deep.equal(expected.map((count) => new Intl.NumberFormat('en').format(count)));
    expect(saveButton(el).disabled).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id, 'focus is not lost with the disabled Save').to.equal('ranks-heading');
  });

  it('shows the server’s reasons for a ladder it cannot use, keeps Save disabled, and goes back to the saved ladder', async () => {
    const forum = await forumWith();
    const saved = await (await adminOf(forum)).admin.ranks();
    const el = await mountRanks(forum, DEMO_PEOPLE.admin);

    type(field(el, 1, 'minScore'), '3');
    type(field(el, 3, 'name-fr'), '   ');
    await waitUntil(() => $(el, '[part="problems"] li'), 'no reason was shown', { timeout: 3000 });
    const reasons = $$(el, '[part="problems"] li').map((item) => item.textContent);
    expect(reasons).to.include('level 1 must need a score of 0 and 0 days');
    expect(reasons).to.include('level 3 has no name in fr');
    expect(textOf($(el, '[part="problems"]')!)).to.contain('This ladder cannot be used:');
    expect(saveButton(el).disabled).to.equal(true);
    expect(saveButton(el).getAttribute('aria-describedby')).to.equal('ranks-problems');
    expect(previewCounts(el).every((count) => count === '—'), 'no count for a ladder that cannot be used').to.equal(true);
    await expectAccessible(el);

    // Levels must not need less than the one below.
    type(field(el, 1, 'minScore'), '0');
    type(field(el, 3, 'name-fr'), 'Connecté');
    type(field(el, 4, 'minDays'), '0');
    await waitUntil(() => $$(el, '[part="problems"] li').map((item) => item.textContent).join() === 'level 4 needs less than level 3', 'the reasons did not follow the ladder', { timeout: 3000 });
    expect(saveButton(el).disabled).to.equal(true);

    $<HTMLButtonElement>(el, '[part="reset"]')!.click();
    await el.updateComplete;
    expect(field(el, 4, 'minDays').value).to.equal(String(saved.ladder.steps[3]!.minDays));
    expect(field(el, 3, 'name-fr').value).to.equal(saved.ladder.steps[2]!.names.fr);
    expect($(el, '[part="problems"] li')).to.equal(null);
    expect($(el, '[part="status"]')!.textContent).to.equal('Back to the saved ladder.');
    expect(saveButton(el).disabled).to.equal(true);
  });

  it('marks a number that is not one, without asking the server', async () => {
    const forum = await forumWith();
    const el = await mountRanks(forum, DEMO_PEOPLE.admin);
    const requests = watchAdminRequests();

    const kudos = $<HTMLInputElement>(el, 'input[name="weight-kudos"]')!;
    type(kudos, 'two');
    await el.updateComplete;
    expect(kudos.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(kudos.getAttribute('aria-describedby')!)!.textContent).to.equal('A whole number from 0 to 10,000,000.');
    expect(saveButton(el).disabled).to.equal(true);
    await new Promise((done) => setTimeout(done, PREVIEW_DELAY_MS + 200));
    expect(requests).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('adds a level that takes the focus, previews and saves it, and removes it again', async () => {
    const forum = await forumWith();
    const admin = await adminOf(forum);
    const saved = await admin.admin.ranks();
    const count = saved.ladder.steps.length;
    const el = await mountRanks(forum, DEMO_PEOPLE.admin);

    $<HTMLButtonElement>(el, '[part="add-step"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement === field(el, count + 1, 'name-fr'), 'the new level did not take the focus');
    await sendKeys({ type: 'Légende' });
    type(field(el, count + 1, 'name-en'), 'Legend');
    type(field(el, count + 1, 'minScore'), '9000000');
    await waitForPreview(el, 'the new level was not previewed');
    expect(previewCounts(el)).to.have.length(count + 1);
    expect(previewCounts(el).at(-1)).to.equal('0');
    expect(nowCounts(el).at(-1), 'no level there now').to.equal('—');
    saveButton(el).click();
    await waitUntil(() => $(el, '[part="status"]')!.textContent.startsWith('Ladder saved'), 'the ladder was not saved', { timeout: 3000 });
    const after = await admin.admin.ranks();
    expect(after.ladder.steps.at(-1)).to.deep.equal({ names: { fr: 'Légende', en: 'Legend' }, minScore: 9_000_000, minDays: Number(saved.ladder.steps.at(-1)!.minDays) });

    row(el, count + 1).querySelector<HTMLButtonElement>('[part="remove-step"]')!.click();
    await el.updateComplete;
    expect($$(el, '[part="step"]')).to.have.length(count);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('add-step');
    expect(saveButton(el).disabled).to.equal(false);
  });

  it('refuses guests, members, advisors and moderators without calling the admin API', async () => {
    const forum = await forumWith();
    const requests = watchAdminRequests({ notBy: (await forum.member(DEMO_PEOPLE.admin)).token });
    for (const pseudonym of [undefined, DEMO_PEOPLE.topHelper, DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.moderator]) {
      const el = await mountRanks(forum, pseudonym);
      expect($(el, '[part="refused"]')!.textContent, pseudonym).to.equal('This view is for the community’s admins only.');
      expect($(el, '[part="form"]')).to.equal(null);
    }
    expect(requests).to.deep.equal([]);
  });

  it('shows loading, then offers a retry when loading fails', async () => {
    // Every answer takes 300 ms: the loading state is on screen when the element first renders.
    const forum = await forumWith({ failures: { getRankLadder: 500 }, latency: 300 });
    const el = await mount<EntraideAdminRanks>(html`<entraide-admin-ranks></entraide-admin-ranks>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.admin) });
    expect($(el, '[part="loading"]')?.textContent).to.equal('Loading…');
    await waitUntil(() => $(el, '[part="error"]'), 'no error shown', { timeout: 3000 });
    expect($(el, '[part="error"]')!.textContent).to.contain('This could not be loaded.');
    await expectAccessible(el);

    delete forum.failures.getRankLadder;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, '[part="form"]'), 'the retry did not load the ladder', { timeout: 3000 });
  });

  it('says why a save failed and keeps what was typed', async () => {
    const forum = await forumWith({ failures: { updateRankLadder: 500 } });
    const el = await mountRanks(forum, DEMO_PEOPLE.admin);
    type($<HTMLInputElement>(el, 'input[name="weight-post"]')!, '3');
    await waitForPreview(el, 'no preview');
    saveButton(el).click();
    await waitUntil(() => $(el, '[part="status"]')!.hasAttribute('data-failed'), 'the failure was not said', { timeout: 3000 });
    expect($(el, '[part="status"]')!.textContent).to.equal('Saving failed. Try again.');
    expect($<HTMLInputElement>(el, 'input[name="weight-post"]')!.value).to.equal('3');
    expect(saveButton(el).disabled).to.equal(false);
  });

  it('stacks the levels into cards at 360 px, with nothing wider than the screen', async () => {
    const forum = await forumWith();
    const el = await mountRanks(forum, DEMO_PEOPLE.admin, { width: '360px' });
    const first = row(el, 1);
    expect(getComputedStyle(first).display).to.equal('grid');
    expect(getComputedStyle(first.querySelector('.cell-label')!).position, 'labels shown on cards').to.equal('static');
    expect(el.scrollWidth).to.be.at.most(360);
    expect(el.shadowRoot!.querySelector('form')!.scrollWidth).to.be.at.most(360);
    await expectAccessible(el);
  });

  it('speaks French, numbers included', async () => {
    const forum = await forumWith();
    const el = await mountRanks(forum, DEMO_PEOPLE.admin, { locale: 'fr' });
    expect($(el, 'h3')!.textContent).to.equal('Échelle des statuts');
    expect($$(el, 'thead th').map((th) => th.textContent)).to.include('Nom en français (obligatoire)');
    type($<HTMLInputElement>(el, 'input[name="weight-post"]')!, '-1');
    await el.updateComplete;
    expect($(el, '#weight-post-problem')!.textContent).to.equal(`Un nombre entier de 0 à ${new Intl.NumberFormat('fr').format(10_000_000)}.`);
    await expectAccessible(el);
  });
});
