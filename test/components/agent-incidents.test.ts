import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentIncidents } from '../../src/components/agent-incidents/agent-incidents.ts';
import '../../src/components/agent-incidents/agent-incidents.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { activeIncidents, declareIncident, resolveActiveIncidents, SAMPLE_INCIDENT } from './demo-incidents.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, type MockForum } from './helpers.ts';

type Forum = MockForum;

/** The demo's "Technical help" category. */
const technicalHelp = (forum: Forum) => pick<{ id: number }>(forum, `select id from categories where slug = 'assistance-technique'`);

/**
 * Five questions about the same outage within minutes, by five members of five regions: one
 * collective-problem alert in "Technical help", by the keywords of their titles only (five
 * askers of one region would raise a second alert, by region).
 */
async function outage(forum: Forum): Promise<number[]> {
  const categoryId = (await technicalHelp(forum)).id;
  const askers = await forum.db.query<{ id: number }>(
    `select distinct on (region) id from members where role = 'member' and region is not null order by region, id limit 5`,
  );
  const ids: number[] = [];
  for (const [i, asker] of askers.entries()) {
    const client = createEntraideClient({ baseUrl: '/api', token: forum.tokenFor(asker.id), retry: false });
    const { thread } = await client.threads.create({ categoryId, title: `Plus de réseau mobile ce matin ${i}`, body: 'Bonjour, plus de réseau ?' });
    ids.push(thread.id);
  }
  return ids;
}

/** The demo community with its own outage incident resolved, for tests that start from none. */
async function quietForum(): Promise<Forum> {
  const forum = await mockForum();
  await resolveActiveIncidents(forum);
  return forum;
}

const root = (view: EntraideAgentIncidents) => view.shadowRoot!;
const part = (view: EntraideAgentIncidents, name: string) => root(view).querySelector<HTMLElement>(`[part="${name}"]`);
const active = () => activeIncidents();
const focusedName = (view: EntraideAgentIncidents) => root(view).activeElement?.getAttribute('name') ?? root(view).activeElement?.getAttribute('part');

async function mountView(forum: Forum, locale: 'fr' | 'en' = 'en', pseudonym: string = DEMO_PEOPLE.technicalAdvisor) {
  const view = await mount<EntraideAgentIncidents>(html`<entraide-agent-incidents></entraide-agent-incidents>`, { as: await forum.member(pseudonym), locale });
  await waitUntil(() => !part(view, 'loading'), 'the view never loaded', { timeout: 3000 });
  return view;
}

describe('<entraide-agent-incidents>', () => {
  it('lists an alert with its category, count, keywords and threads', async () => {
    const forum = await quietForum();
    const threadIds = await outage(forum);
    const view = await mountView(forum);

    expect(root(view).querySelectorAll('[part="alert"]').length).to.equal(1);
    const alert = part(view, 'alert')!;
    expect(alert.querySelector('.title')!.textContent).to.equal('Technical help · 5 signals');
    expect(alert.textContent).to.contain('matin, mobile, reseau');
    const links = [...alert.querySelectorAll('.threads a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(threadIds.map((id) => `#/t/${id}`));
    expect(links.map((a) => a.textContent)).to.deep.equal(threadIds.map((_, i) => `Plus de réseau mobile ce matin ${i}`));
    expect(part(view, 'declare')!.textContent).to.equal('Declare an incident');
    expect(part(view, 'incidents')!.textContent).to.contain('No active incident.');
    await expectAccessible(view);
  });

  it('declares an incident from an alert, prefilled, from the keyboard', async () => {
    const forum = await quietForum();
    const threadIds = await outage(forum);
    const view = await mountView(forum);

    part(view, 'declare')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedName(view) === 'title', 'the title field did not take the focus');
    const form = part(view, 'declare-form') as HTMLFormElement;
    // A readable title: the customers' own words (a linked thread's title), not the keyword list.
    expect((form.elements.namedItem('title') as HTMLInputElement).value).to.equal('Plus de réseau mobile ce matin 0');
    expect((form.elements.namedItem('bannerText') as HTMLTextAreaElement).value).to.equal('Several customers have reported this problem. Our teams are on it; no need to open a new thread.');
    form.querySelector<HTMLInputElement>(`input[name="threadIds"][value="${threadIds[4]}"]`)!.click();
    await expectAccessible(view);

    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await active()).length === 1, 'no incident was declared', { timeout: 3000 });
    const [incident] = await active();
    expect(incident!.title).to.equal('Plus de réseau mobile ce matin 0');
    expect(incident!.categoryId).to.equal((await technicalHelp(forum)).id);
    expect(incident!.threadIds).to.deep.equal(threadIds.slice(0, 4));
    await waitUntil(() => part(view, 'incident') && part(view, 'notice')!.textContent, 'the incident is not listed and announced');
    expect(part(view, 'notice')!.textContent).to.equal('Incident “Plus de réseau mobile ce matin 0” declared: the banner is live.');
    expect(part(view, 'banner-live')!.textContent).to.equal('Public banner live');
  });

  it('declares an incident with its English title and banner, both required once one is written', async () => {
    const forum = await quietForum();
    await outage(forum);
    const view = await mountView(forum, 'fr');

    part(view, 'declare')!.click();
    await waitUntil(() => part(view, 'declare-form'), 'no declaration form');
    const form = part(view, 'declare-form') as HTMLFormElement;
    const other = part(view, 'other-language')!;
    expect(other.getAttribute('lang')).to.equal('en');
    expect(other.querySelector('legend')!.textContent).to.equal('En anglais (facultatif)');
    const title = form.elements.namedItem('otherTitle') as HTMLInputElement;
    const banner = form.elements.namedItem('otherBannerText') as HTMLTextAreaElement;
    expect(title.required || banner.required).to.equal(false);
    title.value = 'Mobile network down this morning';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(banner.required).to.equal(true);
    banner.value = 'Several customers reported it. Our teams are on it.';
    await expectAccessible(view);

    part(view, 'submit-declare')!.click();
    await waitUntil(async () => (await active()).length === 1, 'no incident was declared', { timeout: 3000 });
    const [incident] = await active();
    expect(incident!.title).to.equal('Plus de réseau mobile ce matin 0');
    expect(incident!.translations).to.deep.equal({ en: { title: 'Mobile network down this morning', bannerText: 'Several customers reported it. Our teams are on it.' } });
  });

  it('lists an incident in the console’s language where the advisor wrote it, and in the default one elsewhere', async () => {
    const forum = await quietForum();
    const english = { title: 'Mobile network outage in Toulouse', bannerText: 'Calls and data disrupted around Toulouse.' };
    await declareIncident(forum, { translations: { en: english } });
    const view = await mountView(forum, 'en');
    await waitUntil(() => part(view, 'incident'), 'no incident listed', { timeout: 3000 });
    expect(part(view, 'incident')!.querySelector('.title')!.textContent).to.equal(english.title);
    expect(part(view, 'incident')!.querySelector('blockquote')!.textContent).to.equal(english.bannerText);
    part(view, 'resolve')!.click();
    await waitUntil(() => part(view, 'resolve-form'), 'no confirmation');
    expect(part(view, 'resolve-form')!.textContent).to.contain(english.title);

    const french = await mountView(forum, 'fr');
    await waitUntil(() => part(french, 'incident'), 'no incident listed', { timeout: 3000 });
    expect(part(french, 'incident')!.querySelector('.title')!.textContent).to.equal(SAMPLE_INCIDENT.title);
  });

  it('posts an update, and resolves only after confirmation', async () => {
    // The demo's own outage, "identified" so far, is the one active incident.
    const forum = await mockForum();
    expect((await active()).map((incident) => incident.status)).to.deep.equal(['identified']);
    const view = await mountView(forum);

    part(view, 'post-update')!.click();
    await waitUntil(() => part(view, 'update-form'), 'no update form');
    const updateForm = part(view, 'update-form') as HTMLFormElement;
    (updateForm.elements.namedItem('status') as HTMLSelectElement).value = 'monitoring';
    (updateForm.elements.namedItem('text') as HTMLTextAreaElement).value = 'L’antenne est réparée, nous surveillons.';
    part(view, 'submit-update')!.click();
    await waitUntil(async () => (await active())[0]!.status === 'monitoring', 'the update was not posted', { timeout: 3000 });

    await waitUntil(() => part(view, 'resolve'), 'no resolve button', { timeout: 3000 });
    part(view, 'resolve')!.click();
    await waitUntil(() => part(view, 'resolve-form'), 'no confirmation');
    expect(part(view, 'resolve-form')!.textContent).to.contain('The public banner will be taken down.');
    expect(await active()).to.have.length(1);
    root(view).querySelector<HTMLButtonElement>('[part="resolve-form"] button[type="button"]')!.click();
    await waitUntil(() => focusedName(view) === 'resolve', 'cancel did not give the focus back');

    part(view, 'resolve')!.click();
    await waitUntil(() => part(view, 'resolve-form'), 'no confirmation');
    ((part(view, 'resolve-form') as HTMLFormElement).elements.namedItem('text') as HTMLTextAreaElement).value = 'Le réseau est rétabli.';
    part(view, 'confirm-resolve')!.click();
    await waitUntil(async () => (await active()).length === 0, 'the incident was not resolved', { timeout: 3000 });
    await waitUntil(() => part(view, 'incidents')!.textContent.includes('No active incident.'), 'the list still shows it', { timeout: 3000 });
  });

  it('speaks French', async () => {
    const forum = await mockForum();
    const view = await mountView(forum, 'fr');

    expect(part(view, 'banner-live')!.textContent).to.equal('Bandeau public en ligne');
    expect(part(view, 'resolve')!.textContent).to.equal('Résoudre');
    expect(part(view, 'alerts')!.textContent).to.contain('Aucune alerte pour le moment.');
  });

  it('shows moderators the incidents without the advisors’ actions', async () => {
    const forum = await mockForum();
    const view = await mountView(forum, 'en', DEMO_PEOPLE.moderator);

    expect(part(view, 'incident')).to.not.equal(null);
    expect(part(view, 'alerts')).to.equal(null);
    expect(part(view, 'resolve')).to.equal(null);
    expect(part(view, 'post-update')).to.equal(null);
  });

  it('shows incident texts as text: markup never runs', async () => {
    const forum = await quietForum();
    const payload = '<img src=x onerror="window.__incidentXss=1">';
    await declareIncident(forum, { ...SAMPLE_INCIDENT, title: payload, bannerText: payload });
    const view = await mountView(forum);

    expect(part(view, 'incident')!.querySelector('.title')!.textContent).to.equal(payload);
    expect(root(view).querySelector('img')).to.equal(null);
    expect((window as { __incidentXss?: number }).__incidentXss).to.equal(undefined);
  });
});
