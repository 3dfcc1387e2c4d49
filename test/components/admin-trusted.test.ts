/** <entraide-admin-trusted>: trusted members, revoking their powers, and granting one through the member search. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAdminTrusted } from '../../src/components/admin-trusted/admin-trusted.ts';
import '../../src/components/admin-trusted/admin-trusted.ts';
import { SEARCH_DELAY_MS } from '../../src/components/admin-trusted/member-search.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, textOf, watchMarkupParsing, worker, type MockForum } from './helpers.ts';

declare global {
  interface Window {
    adminTrustedXss?: number;
  }
}

const XSS = '<img src=x onerror="window.adminTrustedXss=1">';

const $ = <E extends Element = HTMLElement>(el: EntraideAdminTrusted, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAdminTrusted, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const input = (el: EntraideAdminTrusted) => $<HTMLInputElement>(el, '[part="member-input"]')!;
const options = (el: EntraideAdminTrusted) => $$(el, '[part="option"]');
const active = (el: EntraideAdminTrusted) => el.shadowRoot!.getElementById(input(el).getAttribute('aria-activedescendant') ?? '');
const memberCard = (el: EntraideAdminTrusted, id: number) => $(el, `[part="member"][data-member="${id}"]`);

const adminOf = async (forum: MockForum): Promise<EntraideClient> =>
  createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.admin)).token, retry: false });

/**
 * Requests the page sends to the admin and grant routes from now on (method and path); `notBy` leaves out those of one
 * token (an element of an earlier test may still have had one in flight when it was removed).
 */
function watchRequests(options: { notBy?: string } = {}): string[] {
  const seen: string[] = [];
  worker.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (options.notBy && request.headers.get('authorization') === `Bearer ${options.notBy}`) return;
    if (pathname.startsWith('/api/admin/') || pathname.includes('/grants')) seen.push(`${request.method} ${pathname}`);
  });
  return seen;
}

async function mountTrusted(forum: MockForum, pseudonym: string | undefined, options: { locale?: 'fr' | 'en'; width?: string } = {}) {
  const el = await mount<EntraideAdminTrusted>(html`<entraide-admin-trusted></entraide-admin-trusted>`, {
    locale: options.locale ?? 'en', width: options.width, as: pseudonym ? await forum.member(pseudonym) : undefined,
  });
  await waitUntil(() => $(el, '[part="grant"], [part="error"], [part="refused"]'), 'the trusted members view never loaded', { timeout: 3000 });
  return el;
}

const forumWith = (options: Pick<MockForumOptions, 'failures' | 'latency'> = {}) => mockForum(options);

async function powersOf(forum: MockForum, memberId: number): Promise<string[]> {
  const rows = await forum.db.query<{ power: string }>('select power from moderation_grants where member_id = $1 order by power', [memberId]);
  return rows.map((row) => row.power);
}

/** Types into the member search from the keyboard and waits for its listbox. */
async function search(el: EntraideAdminTrusted, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await waitUntil(() => options(el).length > 0 || textOf($(el, '[part="search-status"]')!) !== '', `no answer to the search "${text}"`, { timeout: 3000 });
  await waitUntil(() => !$(el, '[part="search-status"]')!.textContent.includes('Searching'), 'the search never finished', { timeout: 3000 });
}

describe('<entraide-admin-trusted>', () => {
  // The request watches of this file's tests end with each test (the suite shares one page and one worker).
  afterEach(() => worker.events.removeAllListeners('request:start'));

  it('lists trusted members with their rank, powers and since when', async () => {
    const forum = await forumWith();
    const { items } = await (await adminOf(forum)).admin.trusted();
    expect(items.length).to.be.greaterThan(0);
    const el = await mountTrusted(forum, DEMO_PEOPLE.admin);

    const [first] = items;
    const card = memberCard(el, first!.member.id)!;
    expect(textOf(card)).to.contain(first!.member.pseudonym);
    expect(textOf(card)).to.contain(`Level ${first!.member.rank.level} · ${first!.member.rank.name}`);
    expect(textOf(card)).to.contain(`Trusted since ${new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(first!.grantedAt))}`);
    expect(card.querySelector('time')!.getAttribute('datetime')).to.equal(first!.grantedAt);
    expect([...card.querySelectorAll('[part="power"]')].map((power) => power.firstElementChild!.textContent)).to.deep.equal(['Review flagged posts']);
    expect($$(el, '[part="member"]')).to.have.length(items.length);
    await expectAccessible(el);
  });

  it('grants a power to a member picked from the search listbox with the keyboard, then revokes it after a confirmation', async () => {
    const forum = await forumWith();
    const admin = await adminOf(forum);
    const found = (await admin.admin.searchMembers('mi', { limit: 8 })).items;
    expect(found.length, 'the demo has several members starting with "mi"').to.be.greaterThan(2);
    const chosen = found[1]!;
    expect(await powersOf(forum, chosen.id)).to.deep.equal([]);
    const el = await mountTrusted(forum, DEMO_PEOPLE.admin);

    await search(el, 'mi');
    expect(options(el).map((option) => option.querySelector('.pseudonym')!.textContent)).to.deep.equal(found.map((member) => member.pseudonym));
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(active(el)?.textContent).to.contain(found[0]!.pseudonym);
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)?.textContent, 'ArrowUp on the first option wraps to the last').to.contain(found.at(-1)!.pseudonym);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.textContent, 'ArrowDown on the last option wraps to the first').to.contain(found[0]!.pseudonym);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.textContent).to.contain(found[2]!.pseudonym);
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)?.textContent).to.contain(chosen.pseudonym);
    expect(active(el)?.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input(el).value).to.equal(chosen.pseudonym);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect($(el, '[part="listbox"]')!.hidden).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('power-select');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('grant-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => memberCard(el, chosen.id), 'the new trusted member was not listed', { timeout: 3000 });
    expect($(el, '[part="status"]')!.textContent).to.equal(`${chosen.pseudonym} now holds “Review flagged posts”.`);
    expect(await powersOf(forum, chosen.id)).to.deep.equal(['review-flags']);
    expect(input(el).value, 'the search is emptied for the next grant').to.equal('');

    const revoke = () => memberCard(el, chosen.id)!.querySelector<HTMLButtonElement>('[part="revoke"]')!;
    expect(revoke().textContent.replace(/\s+/g, ' ').trim()).to.equal(`Revoke “Review flagged posts” from ${chosen.pseudonym}`);
    revoke().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'revoke-cancel', 'Cancel did not take the focus');
    expect(textOf($(el, '[part="revoke-confirm"]')!)).to.contain(`Revoke “Review flagged posts” from ${chosen.pseudonym}?`);
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.shadowRoot!.activeElement === revoke(), 'Escape did not give the focus back to Revoke');
    expect($(el, '[part="revoke-confirm"]')).to.equal(null);
    expect(await powersOf(forum, chosen.id), 'cancelling revokes nothing').to.deep.equal(['review-flags']);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'revoke-cancel', 'Cancel did not take the focus');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('revoke-yes');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !memberCard(el, chosen.id), 'the member was still listed', { timeout: 3000 });
    expect($(el, '[part="status"]')!.textContent).to.equal(`${chosen.pseudonym} no longer holds “Review flagged posts”.`);
    expect(await powersOf(forum, chosen.id)).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement?.id, 'focus is not lost with the card').to.equal('trusted-heading');
  });

  it('says inline that a member already holds the power (409)', async () => {
    const forum = await forumWith();
    const [holder] = (await (await adminOf(forum)).admin.trusted()).items;
    const el = await mountTrusted(forum, DEMO_PEOPLE.admin);

    await search(el, holder!.member.pseudonym);
    await sendKeys({ press: 'Enter' });
    expect(input(el).value).to.equal(holder!.member.pseudonym);
    $<HTMLButtonElement>(el, '[part="grant-button"]')!.click();
    await waitUntil(() => $(el, '[part="grant-problem"]')!.textContent !== '', 'the refusal was not said', { timeout: 3000 });
    expect($(el, '[part="grant-problem"]')!.textContent).to.equal(`${holder!.member.pseudonym} already holds “Review flagged posts”.`);
    expect($(el, '[part="grant-problem"]')!.getAttribute('role')).to.equal('alert');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('grant-problem');
    await expectAccessible(el);
  });

  it('asks for a member from the list before granting, and searches once the typing pauses', async () => {
    const forum = await forumWith();
    const el = await mountTrusted(forum, DEMO_PEOPLE.admin);
    const requests = watchRequests();

    $<HTMLButtonElement>(el, '[part="grant-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === input(el), 'the search field did not take the focus');
    expect($(el, '[part="grant-problem"]')!.textContent).to.equal('Choose a member in the list.');

    input(el).focus();
    await sendKeys({ type: 'Pa' });
    await new Promise((done) => setTimeout(done, SEARCH_DELAY_MS / 2));
    expect(requests, 'no search before the pause').to.deep.equal([]);
    await sendKeys({ type: 'p' });
    await waitUntil(() => options(el).length > 0, 'no option', { timeout: 3000 });
    expect(requests).to.deep.equal(['GET /api/admin/members']);
    expect($(el, '[part="grant-problem"]')!.textContent, 'typing clears the old problem').to.equal('');
    expect(textOf($(el, '[part="search-status"]')!)).to.match(/^\d+ members? found$/);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part="listbox"]')!.hidden).to.equal(true);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded'), 'ArrowDown opens it again').to.equal('true');
    expect(active(el)).to.equal(options(el)[0]);

    input(el).select();
    await sendKeys({ type: 'zzzz' });
    await waitUntil(() => $(el, '[part="search-status"]')!.textContent === 'No member starts that way.', 'no “nothing found”', { timeout: 3000 });
    expect(options(el)).to.have.length(0);
  });

  it('refuses guests, members, advisors and moderators without calling the admin API', async () => {
    const forum = await forumWith();
    const requests = watchRequests({ notBy: (await forum.member(DEMO_PEOPLE.admin)).token });
    for (const pseudonym of [undefined, DEMO_PEOPLE.topHelper, DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.moderator]) {
      const el = await mountTrusted(forum, pseudonym);
      expect($(el, '[part="refused"]')!.textContent, pseudonym).to.equal('This view is for the community’s admins only.');
      expect($(el, '[part="grant"]')).to.equal(null);
    }
    expect(requests).to.deep.equal([]);
  });

  it('shows loading, then offers a retry when loading fails', async () => {
    const forum = await forumWith({ failures: { listTrustedMembers: 500 }, latency: 300 });
    const el = await mount<EntraideAdminTrusted>(html`<entraide-admin-trusted></entraide-admin-trusted>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.admin) });
    expect($(el, '[part="loading"]')?.textContent).to.equal('Loading…');
    await waitUntil(() => $(el, '[part="error"]'), 'no error shown', { timeout: 3000 });
    expect($(el, '[part="error"]')!.textContent).to.contain('This could not be loaded.');
    await expectAccessible(el);

    delete forum.failures.listTrustedMembers;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, '[part="list"]'), 'the retry did not load the list', { timeout: 3000 });
  });

  it('says so when nobody holds a power, in French, within 360 px', async () => {
    const forum = await forumWith();
    await forum.db.query('delete from moderation_grants');
    const el = await mountTrusted(forum, DEMO_PEOPLE.admin, { locale: 'fr', width: '360px' });
    expect($(el, '[part="empty"]')!.textContent).to.equal('Aucun membre de confiance pour l’instant.');
    expect($(el, 'h4')!.textContent).to.equal('Accorder un pouvoir');
    expect($$<HTMLOptionElement>(el, '[part="power-select"] option').map((option) => option.textContent)).to.deep.equal(['Examiner les signalements']);
    expect(el.scrollWidth).to.be.at.most(360);
    await expectAccessible(el);
  });

  it('shows pseudonyms as text, never as markup, in the list and in the search', async () => {
    const parsed = watchMarkupParsing();
    const forum = await forumWith();
    const [holder] = (await (await adminOf(forum)).admin.trusted()).items;
    // No API lets a pseudonym hold markup: the database does.
    await forum.db.query('update members set pseudonym = $1 where id = $2', [XSS, holder!.member.id]);
    const el = await mountTrusted(forum, DEMO_PEOPLE.admin);
    expect(textOf(memberCard(el, holder!.member.id)!)).to.contain(XSS);
    await search(el, '<img');
    expect(textOf(options(el)[0]!)).to.contain(XSS);

    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect(window.adminTrustedXss).to.equal(undefined);
  });
});
