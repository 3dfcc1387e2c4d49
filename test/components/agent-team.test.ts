/** <entraide-agent-team>: who is on which category now, and the advisor's weekly plan editor. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentTeam } from '../../src/components/agent-team/agent-team.ts';
import '../../src/components/agent-team/agent-team.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, textOf, watchMarkupParsing, type MockForum } from './helpers.ts';

declare global {
  interface Window {
    teamXss?: number;
  }
}

const XSS = '<img src=x onerror="window.teamXss=1">';

const $ = <E extends Element = HTMLElement>(el: EntraideAgentTeam, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAgentTeam, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const categoryRow = (el: EntraideAgentTeam, categoryId: number) => $(el, `[part="category"][data-category="${categoryId}"]`);

const clientOf = async (forum: MockForum, pseudonym: string) =>
  createEntraideClient({ baseUrl: '/api', token: (await forum.member(pseudonym)).token, retry: false });

/** Two categories of the demo: the commercial advisor's "Activation et forfait", and "Facturation". */
async function categories(forum: MockForum): Promise<{ activation: number; billing: number }> {
  return pick(forum, `select (select id from categories where slug = 'activation-forfait') as activation, (select id from categories where slug = 'facturation') as billing`);
}

/**
 * The demo community with both advisors' weekly plans emptied (through the API, as each advisor
 * would): who is on duty then depends on the tests' own plans, not on the hour the tests run.
 */
async function forumWith(options: { failures?: MockForumOptions['failures'] } = {}): Promise<MockForum> {
  const forum = await mockForum(options);
  for (const advisor of [DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.commercialAdvisor]) await (await clientOf(forum, advisor)).agent.setPlan({ slots: [] });
  return forum;
}

/** Today's weekday in the community's zone (0 = Monday), as the server counts it. */
async function today(forum: MockForum): Promise<number> {
  return (await (await clientOf(forum, DEMO_PEOPLE.moderator)).agent.teamNow()).weekday;
}

/** Julie (the commercial advisor) covers `categoryId` all day today and tomorrow: on duty now, even across midnight. */
async function planJulie(forum: MockForum, categoryId: number): Promise<void> {
  const weekday = await today(forum);
  const slots = [weekday, (weekday + 1) % 7].map((day) => ({ weekday: day, startMinute: 0, endMinute: 1440, categoryIds: [categoryId] }));
  await (await clientOf(forum, DEMO_PEOPLE.commercialAdvisor)).agent.setPlan({ slots });
}

async function mountTeam(forum: MockForum, pseudonym: string | undefined, locale: 'fr' | 'en' = 'en') {
  const el = await mount<EntraideAgentTeam>(html`<entraide-agent-team></entraide-agent-team>`, { locale, as: pseudonym ? await forum.member(pseudonym) : undefined });
  await waitUntil(() => $(el, '[part="now"], [part="error"], [part="refused"]'), 'the team view never loaded', { timeout: 3000 });
  return el;
}

function setTime(el: EntraideAgentTeam, index: number, name: 'start' | 'end', value: string): void {
  const input = $<HTMLInputElement>(el, `[data-index="${index}"] input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

describe('<entraide-agent-team>', () => {
  it('shows who is on which category now, and the advisor’s own categories', async () => {
    const forum = await forumWith();
    const { activation, billing } = await categories(forum);
    await planJulie(forum, activation);
    const el = await mountTeam(forum, DEMO_PEOPLE.technicalAdvisor);

    expect(textOf(categoryRow(el, activation)!)).to.contain(DEMO_PEOPLE.commercialAdvisor).and.to.contain('1 advisor on duty');
    expect(textOf(categoryRow(el, billing)!)).to.contain('Nobody');
    expect(textOf($(el, '[part="mine"]')!)).to.contain('None: you are not on duty right now.');
    expect($(el, '[part="plan"]')).to.not.equal(null);
    await expectAccessible(el);
  });

  it('adds a slot, ticks a category and saves the plan from the keyboard', async () => {
    const forum = await forumWith();
    const weekday = await today(forum);
    const el = await mountTeam(forum, DEMO_PEOPLE.technicalAdvisor);
    expect(textOf($(el, '[part="plan"]')!)).to.contain('No slot yet.');

    $<HTMLButtonElement>(el, '[part="add-slot"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[data-index="0"] select'), 'the new slot did not take the focus');
    // The new slot (Monday 09:00–17:00 with the first category) moved to all of today, so that it covers the moment the test runs.
    const day = $<HTMLSelectElement>(el, '[data-index="0"] select')!;
    day.value = String(weekday);
    day.dispatchEvent(new Event('change'));
    setTime(el, 0, 'start', '00:00');
    setTime(el, 0, 'end', '00:00');
    await el.updateComplete;
    const preset = Number($<HTMLInputElement>(el, '[data-index="0"] input[name="category"]:checked')!.value);
    const ticked = $<HTMLInputElement>(el, '[data-index="0"] input[name="category"]:not(:checked)')!;
    const added = Number(ticked.value);
    ticked.focus();
    await sendKeys({ press: 'Space' });
    $<HTMLButtonElement>(el, '[part="save"]')!.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => $(el, '[part="status"]')!.textContent === 'Plan saved.', 'the plan was not saved', { timeout: 3000 });
    await waitUntil(() => textOf(categoryRow(el, added)!).includes(DEMO_PEOPLE.technicalAdvisor), 'the team did not follow the new plan', { timeout: 3000 });
    expect(textOf($(el, '[part="mine"]')!)).to.not.contain('None');
    const client = await clientOf(forum, DEMO_PEOPLE.technicalAdvisor);
    expect((await client.agent.plan()).slots).to.deep.equal([{ weekday, startMinute: 0, endMinute: 1440, categoryIds: [preset, added].sort((a, b) => a - b) }]);
  });

  it('shows the server’s refusal next to the slot it is about', async () => {
    const forum = await forumWith();
    const el = await mountTeam(forum, DEMO_PEOPLE.technicalAdvisor);
    $<HTMLButtonElement>(el, '[part="add-slot"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="add-slot"]')!.click();
    await el.updateComplete;
    setTime(el, 1, 'start', '18:00');
    setTime(el, 1, 'end', '10:00');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="save"]')!.click();

    await waitUntil(() => $(el, '[part="slot-error"]'), 'no refusal was shown', { timeout: 3000 });
    expect($$(el, '[part="slot-error"]').map((error) => error.closest('fieldset')!.dataset.index)).to.deep.equal(['1']);
    expect($(el, '[data-index="1"] select')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[data-index="0"] select')!.hasAttribute('aria-invalid')).to.equal(false);
    expect($(el, '[part="plan-error"]')!.textContent).to.contain('The plan was not saved');
    await expectAccessible(el);
  });

  it('lets moderators see the team without an editor, and refuses members', async () => {
    const forum = await forumWith();
    const { activation } = await categories(forum);
    await planJulie(forum, activation);
    const moderator = await mountTeam(forum, DEMO_PEOPLE.moderator, 'fr');
    expect(textOf(categoryRow(moderator, activation)!)).to.contain('1 conseiller de service');
    expect($(moderator, '[part="plan"]')).to.equal(null);
    expect($(moderator, '[part="mine"]')).to.equal(null);

    const member = await mountTeam(forum, DEMO_PEOPLE.topHelper);
    expect($(member, '[part="refused"]')!.textContent).to.equal('This view is for advisors and moderators only.');
    await expectAccessible(member);
  });

  it('speaks French, with French weekday names', async () => {
    const forum = await forumWith();
    await planJulie(forum, (await categories(forum)).activation);
    const el = await mountTeam(forum, DEMO_PEOPLE.commercialAdvisor, 'fr');
    expect($(el, 'h2')!.textContent).to.equal('Équipe');
    expect(textOf($(el, '[part="mine"]')!)).to.contain('Mes catégories maintenant');
    expect([...$<HTMLSelectElement>(el, '[data-index="0"] select')!.options].map((option) => option.textContent)).to.include('lundi');
    await expectAccessible(el);
  });

  it('offers a retry when loading fails', async () => {
    const forum = await forumWith({ failures: { getTeamNow: 500 } });
    const el = await mountTeam(forum, DEMO_PEOPLE.technicalAdvisor);
    expect($(el, '[part="error"]')!.textContent).to.contain('Loading failed.');

    delete forum.failures.getTeamNow;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, '[part="now"]'), 'the retry did not load the team', { timeout: 3000 });
  });

  it('shows pseudonyms as text, never as markup', async () => {
    const parsed = watchMarkupParsing();
    const forum = await forumWith();
    const { activation } = await categories(forum);
    await planJulie(forum, activation);
    // No API lets a pseudonym hold markup: the database does.
    await forum.db.query('update members set pseudonym = $1 where id = $2', [XSS, (await forum.member(DEMO_PEOPLE.commercialAdvisor)).id]);
    const el = await mountTeam(forum, DEMO_PEOPLE.technicalAdvisor);

    expect(textOf(categoryRow(el, activation)!)).to.contain(XSS);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect(window.teamXss).to.equal(undefined);
  });
});
