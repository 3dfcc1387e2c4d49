import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentIncidents } from '../../src/components/agent-incidents/agent-incidents.ts';
import '../../src/components/agent-incidents/agent-incidents.ts';
import { incidentsOf, SAMPLE_INCIDENT } from '../../src/mocks/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, useMockWorker } from './helpers.ts';

type Forum = ReturnType<typeof mockForum>;

/** Five questions about the same outage within minutes: a collective-problem alert in "Technical help". */
function outage(forum: Forum): number[] {
  return Array.from({ length: 5 }, (_, i) =>
    forum.store.createThread({ role: 'member', memberId: MEMBERS.nadia }, { categoryId: 3, title: `Plus de réseau mobile ce matin ${i}`, body: 'Bonjour, plus de réseau ?' }).thread.id);
}

const root = (view: EntraideAgentIncidents) => view.shadowRoot!;
const part = (view: EntraideAgentIncidents, name: string) => root(view).querySelector<HTMLElement>(`[part="${name}"]`);
const active = (forum: Forum) => incidentsOf(forum.store).list({ active: true, limit: 10 });
const focusedName = (view: EntraideAgentIncidents) => root(view).activeElement?.getAttribute('name') ?? root(view).activeElement?.getAttribute('part');

async function mountView(forum: Forum, locale: 'fr' | 'en' = 'en', memberId: number = MEMBERS.lea) {
  const view = await mount<EntraideAgentIncidents>(html`<entraide-agent-incidents></entraide-agent-incidents>`, { as: { forum, memberId }, locale });
  await waitUntil(() => !part(view, 'loading'), 'the view never loaded');
  return view;
}

describe('<entraide-agent-incidents>', () => {
  useMockWorker();

  it('lists an alert with its category, count, keywords and threads', async () => {
    const forum = mockForum();
    const threadIds = outage(forum);
    const view = await mountView(forum);

    const alert = part(view, 'alert')!;
    expect(alert.querySelector('.title')!.textContent).to.equal('Technical help · 5 signals');
    expect(alert.textContent).to.contain('matin, mobile, reseau');
    const links = [...alert.querySelectorAll('.threads a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(threadIds.map((id) => `#/threads/${id}`));
    expect(links.map((a) => a.textContent)).to.deep.equal(threadIds.map((_, i) => `Plus de réseau mobile ce matin ${i}`));
    expect(part(view, 'declare')!.textContent).to.equal('Declare an incident');
    expect(part(view, 'incidents')!.textContent).to.contain('No active incident.');
    await expectAccessible(view);
  });

  it('declares an incident from an alert, prefilled, from the keyboard', async () => {
    const forum = mockForum();
    const threadIds = outage(forum);
    const view = await mountView(forum);

    part(view, 'declare')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedName(view) === 'title', 'the title field did not take the focus');
    const form = part(view, 'declare-form') as HTMLFormElement;
    expect((form.elements.namedItem('title') as HTMLInputElement).value).to.equal('Incident: matin, mobile, reseau');
    expect((form.elements.namedItem('bannerText') as HTMLTextAreaElement).value).to.contain('matin, mobile, reseau');
    form.querySelector<HTMLInputElement>(`input[name="threadIds"][value="${threadIds[4]}"]`)!.click();
    await expectAccessible(view);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(forum).length === 1, 'no incident was declared');
    const [incident] = active(forum);
    expect(incident!.title).to.equal('Incident: matin, mobile, reseau');
    expect(incident!.categoryId).to.equal(3);
    expect(incident!.threadIds).to.deep.equal(threadIds.slice(0, 4));
    await waitUntil(() => part(view, 'incident') && part(view, 'notice')!.textContent, 'the incident is not listed and announced');
    expect(part(view, 'notice')!.textContent).to.equal('Incident “Incident: matin, mobile, reseau” declared: the banner is live.');
    expect(part(view, 'banner-live')!.textContent).to.equal('Public banner live');
  });

  it('posts an update, and resolves only after confirmation', async () => {
    const forum = mockForum();
    incidentsOf(forum.store).declare(MEMBERS.lea, SAMPLE_INCIDENT);
    const view = await mountView(forum);

    part(view, 'post-update')!.click();
    await waitUntil(() => part(view, 'update-form'), 'no update form');
    const updateForm = part(view, 'update-form') as HTMLFormElement;
    (updateForm.elements.namedItem('status') as HTMLSelectElement).value = 'identified';
    (updateForm.elements.namedItem('text') as HTMLTextAreaElement).value = 'Une antenne est en panne.';
    part(view, 'submit-update')!.click();
    await waitUntil(() => active(forum)[0]!.status === 'identified', 'the update was not posted');

    await waitUntil(() => part(view, 'resolve'), 'no resolve button');
    part(view, 'resolve')!.click();
    await waitUntil(() => part(view, 'resolve-form'), 'no confirmation');
    expect(part(view, 'resolve-form')!.textContent).to.contain('The public banner will be taken down.');
    expect(active(forum)).to.have.length(1);
    root(view).querySelector<HTMLButtonElement>('[part="resolve-form"] button[type="button"]')!.click();
    await waitUntil(() => focusedName(view) === 'resolve', 'cancel did not give the focus back');

    part(view, 'resolve')!.click();
    await waitUntil(() => part(view, 'resolve-form'), 'no confirmation');
    ((part(view, 'resolve-form') as HTMLFormElement).elements.namedItem('text') as HTMLTextAreaElement).value = 'Le réseau est rétabli.';
    part(view, 'confirm-resolve')!.click();
    await waitUntil(() => active(forum).length === 0, 'the incident was not resolved');
    await waitUntil(() => part(view, 'incidents')!.textContent.includes('No active incident.'), 'the list still shows it');
  });

  it('speaks French', async () => {
    const forum = mockForum();
    incidentsOf(forum.store).declare(MEMBERS.lea, SAMPLE_INCIDENT);
    const view = await mountView(forum, 'fr');

    expect(part(view, 'banner-live')!.textContent).to.equal('Bandeau public en ligne');
    expect(part(view, 'resolve')!.textContent).to.equal('Résoudre');
    expect(part(view, 'alerts')!.textContent).to.contain('Aucune alerte pour le moment.');
  });

  it('shows moderators the incidents without the advisors’ actions', async () => {
    const forum = mockForum();
    incidentsOf(forum.store).declare(MEMBERS.lea, SAMPLE_INCIDENT);
    const view = await mountView(forum, 'en', MEMBERS.modo);

    expect(part(view, 'incident')).to.not.equal(null);
    expect(part(view, 'alerts')).to.equal(null);
    expect(part(view, 'resolve')).to.equal(null);
    expect(part(view, 'post-update')).to.equal(null);
  });

  it('shows incident texts as text: markup never runs', async () => {
    const forum = mockForum();
    const payload = '<img src=x onerror="window.__incidentXss=1">';
    incidentsOf(forum.store).declare(MEMBERS.lea, { ...SAMPLE_INCIDENT, title: payload, bannerText: payload });
    const view = await mountView(forum);

    expect(part(view, 'incident')!.querySelector('.title')!.textContent).to.equal(payload);
    expect(root(view).querySelector('img')).to.equal(null);
    expect((window as { __incidentXss?: number }).__incidentXss).to.equal(undefined);
  });
});
