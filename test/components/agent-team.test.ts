/** <entraide-agent-team>: who is on which category now, and the advisor's weekly plan editor. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentTeam } from '../../src/components/agent-team/agent-team.ts';
import '../../src/components/agent-team/agent-team.ts';
import { defaultFixtures, type MockForum, type MockForumOptions } from '../../src/mocks/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, textOf, useMockWorker, watchMarkupParsing } from './helpers.ts';

declare global {
  interface Window {
    teamXss?: number;
  }
}

/** Monday 23 November 2026, 11:00 in Paris (the mock community's zone). */
const MONDAY_11 = new Date('2026-11-23T10:00:00Z');
const XSS = '<img src=x onerror="window.teamXss=1">';

const $ = <E extends Element = HTMLElement>(el: EntraideAgentTeam, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAgentTeam, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const categoryRow = (el: EntraideAgentTeam, categoryId: number) => $(el, `[part="category"][data-category="${categoryId}"]`);

function forumWith(options: { julie?: string; failures?: MockForumOptions['failures'] } = {}): MockForum {
  const fixtures = defaultFixtures();
  if (options.julie) fixtures.members.find((member) => member.id === MEMBERS.julie)!.pseudonym = options.julie;
  return mockForum({ fixtures, now: () => MONDAY_11, failures: options.failures });
}

/** Julie (advisor) covers category 1 on Mondays from 09:00 to 17:00. */
async function planJulie(forum: MockForum): Promise<void> {
  const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.julie), retry: false });
  await client.agent.setPlan({ slots: [{ weekday: 0, startMinute: 540, endMinute: 1020, categoryIds: [1] }] });
}

async function mountTeam(forum: MockForum, memberId: number | undefined, locale: 'fr' | 'en' = 'en') {
  const el = await mount<EntraideAgentTeam>(html`<entraide-agent-team></entraide-agent-team>`, { locale, as: memberId ? { forum, memberId } : undefined });
  await waitUntil(() => $(el, '[part="now"], [part="error"], [part="refused"]'), 'the team view never loaded', { timeout: 3000 });
  return el;
}

function setTime(el: EntraideAgentTeam, index: number, name: 'start' | 'end', value: string): void {
  const input = $<HTMLInputElement>(el, `[data-index="${index}"] input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

describe('<entraide-agent-team>', () => {
  useMockWorker();

  it('shows who is on which category now, and the advisor’s own categories', async () => {
    const forum = forumWith();
    await planJulie(forum);
    const el = await mountTeam(forum, MEMBERS.lea);

    expect(textOf(categoryRow(el, 1)!)).to.contain('Julie').and.to.contain('1 advisor on duty');
    expect(textOf(categoryRow(el, 2)!)).to.contain('Nobody');
    expect(textOf($(el, '[part="mine"]')!)).to.contain('None: you are not on duty right now.');
    expect($(el, '[part="plan"]')).to.not.equal(null);
    await expectAccessible(el);
  });

  it('adds a slot, ticks a category and saves the plan from the keyboard', async () => {
    const forum = forumWith();
    const el = await mountTeam(forum, MEMBERS.lea);
    expect(textOf($(el, '[part="plan"]')!)).to.contain('No slot yet.');

    $<HTMLButtonElement>(el, '[part="add-slot"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[data-index="0"] select'), 'the new slot did not take the focus');
    $<HTMLInputElement>(el, '[data-index="0"] input[name="category"][value="2"]')!.focus();
    await sendKeys({ press: 'Space' });
    $<HTMLButtonElement>(el, '[part="save"]')!.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => $(el, '[part="status"]')!.textContent === 'Plan saved.', 'the plan was not saved');
    await waitUntil(() => textOf(categoryRow(el, 2)!).includes('Léa'), 'the team did not follow the new plan');
    expect(textOf($(el, '[part="mine"]')!)).to.not.contain('None');
    const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea), retry: false });
    expect((await client.agent.plan()).slots).to.deep.equal([{ weekday: 0, startMinute: 540, endMinute: 1020, categoryIds: [1, 2] }]);
  });

  it('shows the server’s refusal next to the slot it is about', async () => {
    const forum = forumWith();
    const el = await mountTeam(forum, MEMBERS.lea);
    $<HTMLButtonElement>(el, '[part="add-slot"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="add-slot"]')!.click();
    await el.updateComplete;
    setTime(el, 1, 'start', '18:00');
    setTime(el, 1, 'end', '10:00');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="save"]')!.click();

    await waitUntil(() => $(el, '[part="slot-error"]'), 'no refusal was shown');
    expect($$(el, '[part="slot-error"]').map((error) => error.closest('fieldset')!.dataset.index)).to.deep.equal(['1']);
    expect($(el, '[data-index="1"] select')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[data-index="0"] select')!.hasAttribute('aria-invalid')).to.equal(false);
    expect($(el, '[part="plan-error"]')!.textContent).to.contain('The plan was not saved');
    await expectAccessible(el);
  });

  it('lets moderators see the team without an editor, and refuses members', async () => {
    const forum = forumWith();
    await planJulie(forum);
    const moderator = await mountTeam(forum, MEMBERS.modo, 'fr');
    expect(textOf(categoryRow(moderator, 1)!)).to.contain('1 conseiller de service');
    expect($(moderator, '[part="plan"]')).to.equal(null);
    expect($(moderator, '[part="mine"]')).to.equal(null);

    const member = await mountTeam(forum, MEMBERS.pix37);
    expect($(member, '[part="refused"]')!.textContent).to.equal('This view is for advisors and moderators only.');
    await expectAccessible(member);
  });

  it('speaks French, with French weekday names', async () => {
    const forum = forumWith();
    await planJulie(forum);
    const el = await mountTeam(forum, MEMBERS.julie, 'fr');
    expect($(el, 'h2')!.textContent).to.equal('Équipe');
    expect(textOf($(el, '[part="mine"]')!)).to.contain('Mes catégories maintenant');
    expect([...$<HTMLSelectElement>(el, '[data-index="0"] select')!.options].map((option) => option.textContent)).to.include('lundi');
    await expectAccessible(el);
  });

  it('offers a retry when loading fails', async () => {
    const forum = forumWith({ failures: { getTeamNow: 500 } });
    const el = await mountTeam(forum, MEMBERS.lea);
    expect($(el, '[part="error"]')!.textContent).to.contain('Loading failed.');

    delete forum.failures.getTeamNow;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, '[part="now"]'), 'the retry did not load the team');
  });

  it('shows pseudonyms as text, never as markup', async () => {
    const parsed = watchMarkupParsing();
    const forum = forumWith({ julie: XSS });
    await planJulie(forum);
    const el = await mountTeam(forum, MEMBERS.lea);

    expect(textOf(categoryRow(el, 1)!)).to.contain(XSS);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect(window.teamXss).to.equal(undefined);
  });
});
