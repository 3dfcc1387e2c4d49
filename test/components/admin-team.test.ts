/** <entraide-admin-team>: the brand's people, their teams and advisors' categories of expertise. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { EntraideAdminTeam } from '../../src/components/admin-team/admin-team.ts';
import '../../src/components/admin-team/admin-team.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, textOf, watchMarkupParsing, worker, type MockForum } from './helpers.ts';

declare global {
  interface Window {
    adminTeamXss?: number;
  }
}

const XSS = '<img src=x onerror="window.adminTeamXss=1">';

const $ = <E extends Element = HTMLElement>(el: EntraideAdminTeam, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAdminTeam, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];

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

async function mountTeam(forum: MockForum, pseudonym: string | undefined, options: { locale?: 'fr' | 'en'; width?: string } = {}) {
  const el = await mount<EntraideAdminTeam>(html`<entraide-admin-team></entraide-admin-team>`, {
    locale: options.locale ?? 'en', width: options.width, as: pseudonym ? await forum.member(pseudonym) : undefined,
  });
  await waitUntil(() => $(el, '[part="person"], [part="empty"], [part="error"], [part="refused"]'), 'the team view never loaded', { timeout: 3000 });
  return el;
}

const forumWith = (options: Pick<MockForumOptions, 'failures' | 'latency'> = {}) => mockForum(options);

async function personOf(el: EntraideAdminTeam, forum: MockForum, pseudonym: string): Promise<HTMLFormElement> {
  const { id } = await forum.member(pseudonym);
  return $<HTMLFormElement>(el, `[part="person"][data-member="${id}"]`)!;
}

/** Category ids an advisor is expert in, as the database holds them. */
async function expertiseOf(forum: MockForum, pseudonym: string): Promise<number[]> {
  const { id } = await forum.member(pseudonym);
  const row = await pick<{ ids: number[] | null }>(forum, 'select array_agg(category_id order by category_id) as ids from advisor_expertise where member_id = $1', [id]);
  return row.ids ?? [];
}

async function teamOf(forum: MockForum, pseudonym: string): Promise<string | null> {
  const { id } = await forum.member(pseudonym);
  return (await pick<{ team: string | null }>(forum, 'select team from members where id = $1', [id])).team;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<entraide-admin-team>', () => {
  // The request watches of this file's tests end with each test (the suite shares one page and one worker).
  afterEach(() => worker.events.removeAllListeners('request:start'));

  it('lists the brand’s people with their role and team, advisors with their categories of expertise, and no member', async () => {
    const forum = await forumWith();
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);

    expect($$(el, '[part="person"] h4').map((h) => h.textContent)).to.deep.equal([DEMO_PEOPLE.admin, DEMO_PEOPLE.commercialAdvisor, DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.moderator]);
    expect(textOf(el)).to.not.contain(DEMO_PEOPLE.topHelper);
    const julie = await personOf(el, forum, DEMO_PEOPLE.commercialAdvisor);
    expect(julie.querySelector('[part="role"]')!.textContent).to.equal('Advisor');
    expect(julie.querySelector<HTMLSelectElement>('select[name="team"]')!.value).to.equal('team:commercial');
    const ticked = [...julie.querySelectorAll<HTMLInputElement>('input[name="expertise"]:checked')].map((box) => Number(box.value));
    expect(ticked).to.deep.equal(await expertiseOf(forum, DEMO_PEOPLE.commercialAdvisor));
    expect(ticked.length).to.be.greaterThan(0);
    expect(julie.querySelector('input[name="expertise"]')!.parentElement!.textContent.trim()).to.equal('Activation and plans');
    const moderator = await personOf(el, forum, DEMO_PEOPLE.moderator);
    expect(moderator.querySelector('[part="role"]')!.textContent).to.equal('Moderator');
    expect(moderator.querySelector('[part="expertise"]'), 'expertise is for advisors').to.equal(null);
    expect(moderator.querySelector<HTMLSelectElement>('select[name="team"]')!.value).to.equal('none');
    expect($$<HTMLButtonElement>(el, '[part="save"]').every((button) => button.disabled), 'nothing to save yet').to.equal(true);
    await expectAccessible(el);
  });

  it('sets an advisor’s categories of expertise from the keyboard and saves them', async () => {
    const forum = await forumWith();
    const before = await expertiseOf(forum, DEMO_PEOPLE.technicalAdvisor);
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);
    const karim = await personOf(el, forum, DEMO_PEOPLE.technicalAdvisor);

    const unticked = karim.querySelector<HTMLInputElement>('input[name="expertise"]:not(:checked)')!;
    const added = Number(unticked.value);
    const ticked = karim.querySelector<HTMLInputElement>('input[name="expertise"]:checked')!;
    const removed = Number(ticked.value);
    unticked.focus();
    await sendKeys({ press: 'Space' });
    ticked.focus();
    await sendKeys({ press: 'Space' });
    const save = karim.querySelector<HTMLButtonElement>('[part="save"]')!;
    expect(save.disabled).to.equal(false);
    expect(save.textContent.replace(/\s+/g, ' ').trim()).to.equal(`Save for ${DEMO_PEOPLE.technicalAdvisor}`);
    save.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => karim.querySelector('[part="status"]')!.textContent === 'Saved.', 'the expertise was not saved', { timeout: 3000 });
    const expected = [...before.filter((id) => id !== removed), added].sort((a, b) => a - b);
    expect(await expertiseOf(forum, DEMO_PEOPLE.technicalAdvisor)).to.deep.equal(expected);
    expect(save.disabled).to.equal(true);
    expect(el.shadowRoot!.activeElement?.textContent, 'focus is not lost with the disabled Save').to.equal(DEMO_PEOPLE.technicalAdvisor);
    // The other people's forms are untouched.
    const julie = await personOf(el, forum, DEMO_PEOPLE.commercialAdvisor);
    expect(julie.querySelector('[part="status"]')!.textContent).to.equal('');
  });

  it('puts an advisor in a new team, offers it to the others, and takes a moderator out of every team', async () => {
    const forum = await forumWith();
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);
    const julie = await personOf(el, forum, DEMO_PEOPLE.commercialAdvisor);

    choose(julie.querySelector<HTMLSelectElement>('select[name="team"]')!, 'new');
    await el.updateComplete;
    const name = julie.querySelector<HTMLInputElement>('input[name="new-team"]')!;
    name.focus();
    await sendKeys({ type: 'Facturation' });
    julie.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await waitUntil(() => julie.querySelector('[part="status"]')!.textContent === 'Saved.', 'the team was not saved', { timeout: 3000 });
    expect(await teamOf(forum, DEMO_PEOPLE.commercialAdvisor)).to.equal('Facturation');
    expect(julie.querySelector<HTMLSelectElement>('select[name="team"]')!.value).to.equal('team:Facturation');
    expect(julie.querySelector('input[name="new-team"]')).to.equal(null);

    const sentinelle = await personOf(el, forum, DEMO_PEOPLE.moderator);
    const select = sentinelle.querySelector<HTMLSelectElement>('select[name="team"]')!;
    expect([...select.options].map((option) => option.value)).to.include('team:Facturation');
    choose(select, 'team:Facturation');
    await el.updateComplete;
    sentinelle.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await waitUntil(() => sentinelle.querySelector('[part="status"]')!.textContent === 'Saved.', 'the moderator’s team was not saved', { timeout: 3000 });
    expect(await teamOf(forum, DEMO_PEOPLE.moderator)).to.equal('Facturation');

    choose(select, 'none');
    await el.updateComplete;
    sentinelle.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await waitUntil(() => sentinelle.querySelector<HTMLButtonElement>('[part="save"]')!.disabled && sentinelle.querySelector('[part="status"]')!.textContent.startsWith('Saved.'), 'no team was not saved', { timeout: 3000 });
    expect(await teamOf(forum, DEMO_PEOPLE.moderator)).to.equal(null);
  });

  it('asks for the new team’s name before sending anything', async () => {
    const forum = await forumWith();
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);
    const requests = watchAdminRequests();
    const julie = await personOf(el, forum, DEMO_PEOPLE.commercialAdvisor);
    choose(julie.querySelector<HTMLSelectElement>('select[name="team"]')!, 'new');
    await el.updateComplete;
    julie.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await el.updateComplete;

    const name = julie.querySelector<HTMLInputElement>('input[name="new-team"]')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(name.getAttribute('aria-describedby')!)!.textContent).to.equal('Type the new team’s name.');
    await waitUntil(() => el.shadowRoot!.activeElement === name, 'the name field did not take the focus');
    expect(requests).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('says why a save was refused and keeps what was ticked', async () => {
    const forum = await forumWith({ failures: { updateTeamMember: 409 } });
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);
    const karim = await personOf(el, forum, DEMO_PEOPLE.technicalAdvisor);
    const box = karim.querySelector<HTMLInputElement>('input[name="expertise"]:not(:checked)')!;
    box.click();
    await el.updateComplete;
    karim.querySelector<HTMLButtonElement>('[part="save"]')!.click();

    await waitUntil(() => karim.querySelector('[part="status"]')!.hasAttribute('data-failed'), 'the refusal was not said', { timeout: 3000 });
    expect(karim.querySelector('[part="status"]')!.textContent).to.equal('Their role does not allow this change.');
    expect(box.checked).to.equal(true);
    expect(karim.querySelector<HTMLButtonElement>('[part="save"]')!.disabled).to.equal(false);
  });

  it('refuses guests, members, advisors and moderators without calling the admin API', async () => {
    const forum = await forumWith();
    const requests = watchAdminRequests({ notBy: (await forum.member(DEMO_PEOPLE.admin)).token });
    for (const pseudonym of [undefined, DEMO_PEOPLE.topHelper, DEMO_PEOPLE.commercialAdvisor, DEMO_PEOPLE.moderator]) {
      const el = await mountTeam(forum, pseudonym, { locale: 'fr' });
      expect($(el, '[part="refused"]')!.textContent, pseudonym).to.equal('Cette vue est réservée aux administrateurs de la communauté.');
      expect($(el, '[part="person"]')).to.equal(null);
    }
    expect(requests).to.deep.equal([]);
  });

  it('shows loading, then offers a retry when loading fails', async () => {
    const forum = await forumWith({ failures: { listTeam: 500 }, latency: 300 });
    const el = await mount<EntraideAdminTeam>(html`<entraide-admin-team></entraide-admin-team>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.admin) });
    expect($(el, '[part="loading"]')?.textContent).to.equal('Loading…');
    await waitUntil(() => $(el, '[part="error"]'), 'no error shown', { timeout: 3000 });
    expect($(el, '[part="error"]')!.textContent).to.contain('This could not be loaded.');
    await expectAccessible(el);

    delete forum.failures.listTeam;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, '[part="person"]'), 'the retry did not load the team', { timeout: 3000 });
  });

  it('says so when the brand has nobody (an answer no demo gives: the admin is always listed)', async () => {
    const forum = await forumWith();
    worker.use(http.get('/api/admin/team', () => HttpResponse.json({ items: [], teams: [] })));
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);
    expect($(el, '[part="empty"]')!.textContent).to.equal('No advisor, moderator or admin yet.');
    await expectAccessible(el);
  });

  it('stays within 360 px and speaks French', async () => {
    const forum = await forumWith();
    const el = await mountTeam(forum, DEMO_PEOPLE.admin, { locale: 'fr', width: '360px' });
    expect($(el, 'h3')!.textContent).to.equal('L’équipe');
    const julie = await personOf(el, forum, DEMO_PEOPLE.commercialAdvisor);
    expect(julie.querySelector('[part="role"]')!.textContent).to.equal('Conseiller');
    expect(julie.querySelector('input[name="expertise"]')!.parentElement!.textContent.trim()).to.equal('Activation et forfait');
    expect(el.scrollWidth).to.be.at.most(360);
    await expectAccessible(el);
  });

  it('shows pseudonyms and team names as text, never as markup', async () => {
    const parsed = watchMarkupParsing();
    const forum = await forumWith();
    // No API lets a pseudonym hold markup: the database does.
    await forum.db.query('update members set pseudonym = $1, team = $1 where id = $2', [XSS, (await forum.member(DEMO_PEOPLE.commercialAdvisor)).id]);
    const el = await mountTeam(forum, DEMO_PEOPLE.admin);

    expect(textOf(el)).to.contain(XSS);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect(window.adminTeamXss).to.equal(undefined);
  });
});
