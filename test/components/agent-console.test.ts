import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentConsole } from '../../src/components/agent-console/agent-console.ts';
import { loadAgentConsole } from '../../src/components/internal/lazy.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount } from './helpers.ts';

const root = (workspace: EntraideAgentConsole) => workspace.shadowRoot!;
const tabs = (workspace: EntraideAgentConsole) => [...root(workspace).querySelectorAll<HTMLElement>('[role="tab"]')];
const selected = (workspace: EntraideAgentConsole) => tabs(workspace).find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent.trim();
const focused = (workspace: EntraideAgentConsole) => root(workspace).activeElement?.textContent?.trim();
const panel = (workspace: EntraideAgentConsole) => root(workspace).querySelector<HTMLElement>('[role="tabpanel"]')!;

/**
 * Signed in as `pseudonym` of the demo community (a guest without one). `planless` empties the
 * advisor's weekly plan first (through the API): with a plan, the queue shows only the advisor's
 * categories on duty now, and nothing at all out of hours, so what it shows would depend on the
 * hour the tests run.
 */
async function mountConsole(pseudonym: string | undefined, locale: 'fr' | 'en' = 'en', options: { planless?: boolean; width?: string } = {}) {
  await loadAgentConsole();
  const forum = await mockForum();
  const member = pseudonym ? await forum.member(pseudonym) : undefined;
  if (member && options.planless) await createEntraideClient({ baseUrl: '/api', token: member.token, retry: false }).agent.setPlan({ slots: [] });
  return mount<EntraideAgentConsole>(html`<entraide-agent-console></entraide-agent-console>`, { as: member, locale, width: options.width });
}

describe('<entraide-agent-console>', () => {
  it('opens on the queue, in tabs that name their panel', async () => {
    const workspace = await mountConsole(DEMO_PEOPLE.technicalAdvisor, 'en', { planless: true });

    expect(root(workspace).querySelector('[part="heading"]')!.textContent).to.equal('Advisor workspace');
    expect(tabs(workspace).map((tab) => tab.textContent.trim())).to.deep.equal(['Queue', 'Reviews', 'Alerts & incidents', 'Team']);
    expect(selected(workspace)).to.equal('Queue');
    expect(workspace.getAttribute('view')).to.equal('queue');
    expect(panel(workspace).getAttribute('aria-labelledby')).to.equal('tab-queue');
    expect(panel(workspace).querySelector('entraide-agent-queue')).to.not.equal(null);
    await waitUntil(() => panel(workspace).querySelector('entraide-agent-queue')!.shadowRoot!.querySelector('[part="group"]'), 'the queue never loaded', { timeout: 3000 });
    await expectAccessible(workspace);
  });

  it('moves between tabs with the arrows, Home and End, and reflects the view', async () => {
    const workspace = await mountConsole(DEMO_PEOPLE.technicalAdvisor);
    tabs(workspace)[0]!.focus();

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(workspace) === 'Reviews', 'ArrowRight did not move');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(workspace) === 'Alerts & incidents', 'ArrowRight did not move on');
    expect(selected(workspace)).to.equal('Alerts & incidents');
    expect(workspace.getAttribute('view')).to.equal('incidents');
    expect(panel(workspace).querySelector('entraide-agent-incidents')).to.not.equal(null);
    expect(tabs(workspace).map((tab) => tab.tabIndex)).to.deep.equal([-1, -1, 0, -1]);

    await sendKeys({ press: 'End' });
    await waitUntil(() => workspace.view === 'team', 'End did not move');
    expect(panel(workspace).querySelector('entraide-agent-team')).to.not.equal(null);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => workspace.view === 'queue', 'ArrowRight did not wrap');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => workspace.view === 'team', 'ArrowLeft did not wrap');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focused(workspace) === 'Queue', 'Home did not move');
  });

  it('shows the metrics element in the team view once the page defines it', async () => {
    if (!customElements.get('entraide-agent-metrics')) customElements.define('entraide-agent-metrics', class extends HTMLElement {});
    const workspace = await mountConsole(DEMO_PEOPLE.commercialAdvisor);
    workspace.view = 'team';
    await workspace.updateComplete;

    expect(panel(workspace).querySelector('entraide-agent-metrics')).to.not.equal(null);
  });

  it('is open to moderators', async () => {
    const workspace = await mountConsole(DEMO_PEOPLE.moderator);

    expect(tabs(workspace).map((tab) => tab.textContent.trim())).to.deep.equal(['Queue', 'Alerts & incidents', 'Team', 'Quality']);
    expect(root(workspace).querySelector('[part="refused"]')).to.equal(null);
  });

  it('offers advisors the reviews of drafts colleagues shared, not moderators', async () => {
    const advisor = await mountConsole(DEMO_PEOPLE.commercialAdvisor);
    advisor.view = 'reviews';
    await advisor.updateComplete;

    expect(selected(advisor)).to.equal('Reviews');
    expect(panel(advisor).querySelector('entraide-agent-reviews')).to.not.equal(null);

    const moderator = await mountConsole(DEMO_PEOPLE.moderator);
    moderator.view = 'reviews';
    await moderator.updateComplete;

    expect(tabs(moderator).map((tab) => tab.textContent.trim())).to.not.include('Reviews');
    expect(selected(moderator)).to.equal('Queue');
    expect(panel(moderator).querySelector('entraide-agent-reviews')).to.equal(null);
  });

  it('refuses members and guests with a clear message', async () => {
    const member = await mountConsole(DEMO_PEOPLE.topHelper);
    expect(root(member).querySelector('[part="refused"]')!.textContent).to.equal('This workspace is for advisors and moderators only.');
    expect(tabs(member)).to.have.length(0);
    await expectAccessible(member);

    const guest = await mountConsole(undefined, 'fr');
    expect(root(guest).querySelector('[part="refused"]')!.textContent).to.equal('Cet espace est réservé aux conseillers et aux modérateurs.');
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    const workspace = await mountConsole(DEMO_PEOPLE.technicalAdvisor, 'fr', { planless: true, width: '360px' });
    const queue = panel(workspace).querySelector('entraide-agent-queue')!;
    await waitUntil(() => queue.shadowRoot!.querySelector('[part="group"]'), 'the queue never loaded', { timeout: 3000 });

    expect(workspace.scrollWidth).to.be.at.most(360);
    expect(queue.scrollWidth).to.be.at.most(360);
  });

  it('speaks French', async () => {
    const workspace = await mountConsole(DEMO_PEOPLE.technicalAdvisor, 'fr');

    expect(root(workspace).querySelector('[part="heading"]')!.textContent).to.equal('Espace conseiller');
    expect(tabs(workspace).map((tab) => tab.textContent.trim())).to.deep.equal(['File d’attente', 'Relectures', 'Alertes et incidents', 'Équipe']);
  });
});
