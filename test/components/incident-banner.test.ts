import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideIncidentBanner } from '../../src/components/incident-banner/incident-banner.ts';
import '../../src/components/incident-banner/incident-banner.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { activeIncidents, declareIncident, networkCategory, resolveActiveIncidents, SAMPLE_INCIDENT, updateIncident } from './demo-incidents.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, waitForLiveStream, watchMarkupParsing, type MockForum } from './helpers.ts';

const part = (banner: EntraideIncidentBanner, name: string) => banner.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const parts = (banner: EntraideIncidentBanner, name: string) => [...banner.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${name}"]`)].map((el) => el.textContent.trim());
const focusedPart = (banner: EntraideIncidentBanner) => banner.shadowRoot!.activeElement?.getAttribute('part') ?? banner.shadowRoot!.activeElement?.localName;

/** The demo community with its own outage resolved: these tests declare the incidents they show. */
async function quietForum(): Promise<MockForum> {
  const forum = await mockForum();
  await resolveActiveIncidents(forum);
  return forum;
}

/**
 * The banner as a guest reading the demo's network category, where `declareIncident` puts its
 * incidents (a category's incident shows only there).
 */
async function mountBanner(locale: 'fr' | 'en', client = createEntraideClient({ baseUrl: '/api' })) {
  const network = (await client.categories.list()).find((category) => category.slug === 'reseau')!;
  return mount<EntraideIncidentBanner>(html`<entraide-incident-banner resolved-linger="300" category-id=${network.id}></entraide-incident-banner>`, { locale, client });
}

/** A client that keeps each incident list it hands out, so a test can wait for the banner's load. */
function clientKeepingLoads() {
  const client = createEntraideClient({ baseUrl: '/api' });
  const loads: Array<ReturnType<typeof client.incidents.banner>> = [];
  const banner = client.incidents.banner.bind(client.incidents);
  client.incidents.banner = (...args) => {
    const load = banner(...args);
    loads.push(load);
    return load;
  };
  return { client, loads };
}

describe('<entraide-incident-banner>', () => {
  describe('when there is no incident', () => {
    it('renders nothing at all', async () => {
      await quietForum();
      const { client, loads } = clientKeepingLoads();
      const banner = await mountBanner('fr', client);
      // The banner awaited the same list first, so its answer is applied by the time this one resumes.
      await waitUntil(() => loads.length === 1, 'the banner never asked for incidents');
      await loads[0];
      await banner.updateComplete;

      expect(part(banner, 'base')).to.equal(null);
      expect(banner.getBoundingClientRect().height).to.equal(0);
      await expectAccessible(banner);
    });
  });

  describe('with an active incident', () => {
    it('shows title, banner text, status and update time as a status banner, in French', async () => {
      const forum = await quietForum();
      const incident = await declareIncident(forum);
      const banner = await mountBanner('fr');
      await waitUntil(() => part(banner, 'base'), 'the banner never appeared');

      expect(part(banner, 'base')!.getAttribute('role')).to.equal('status');
      expect(part(banner, 'base')!.getAttribute('aria-label')).to.equal('Incidents en cours');
      expect(parts(banner, 'title')).to.deep.equal([SAMPLE_INCIDENT.title]);
      expect(parts(banner, 'text')).to.deep.equal([SAMPLE_INCIDENT.bannerText]);
      expect(parts(banner, 'status')).to.deep.equal(['Analyse en cours']);
      const time = part(banner, 'updated')!.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(incident.updatedAt);
      expect(time.textContent).to.match(/^Mis à jour /);
      expect(time.getAttribute('title')).to.contain(String(new Date(incident.updatedAt).getFullYear()));
      expect(parts(banner, 'toggle')).to.deep.equal(['Voir le détail']);
      await expectAccessible(banner);
    });

    it('speaks English', async () => {
      const forum = await quietForum();
      await declareIncident(forum);
      const banner = await mountBanner('en');
      await waitUntil(() => part(banner, 'base'), 'the banner never appeared');

      expect(part(banner, 'base')!.getAttribute('aria-label')).to.equal('Ongoing incidents');
      expect(parts(banner, 'status')).to.deep.equal(['Investigating']);
      expect(part(banner, 'updated')!.textContent).to.match(/Updated /);
      expect(parts(banner, 'toggle')).to.deep.equal(['Show details']);
    });

    it('reads the advisor’s English title and banner to English readers, and the French ones where none was written', async () => {
      const forum = await quietForum();
      const english = { title: 'Mobile outage in Toulouse', bannerText: 'Calls and data disrupted around Toulouse since 8 am.' };
      await declareIncident(forum, { translations: { en: english } });
      await declareIncident(forum, { title: 'Factures en retard', bannerText: 'Les factures de novembre arrivent en retard.' });
      const banner = await mountBanner('en');
      await waitUntil(() => parts(banner, 'title').length === 2, 'the banner never showed both');

      expect(parts(banner, 'title')).to.deep.equal(['Factures en retard', english.title]);
      expect(parts(banner, 'text')).to.include(english.bannerText);
      await expectAccessible(banner);
    });

    it('loads again in the new language when the page’s language changes, and keeps it once resolved', async () => {
      const forum = await quietForum();
      const incident = await declareIncident(forum, { translations: { en: { title: 'Mobile outage in Toulouse', bannerText: 'Calls and data disrupted.' } } });
      const root = document.documentElement;
      const before = root.getAttribute('lang');
      root.setAttribute('lang', 'fr');
      try {
        const client = createEntraideClient({ baseUrl: '/api' });
        const network = (await client.categories.list()).find((category) => category.slug === 'reseau')!;
        const banner = await mount<EntraideIncidentBanner>(html`<entraide-incident-banner resolved-linger="2000" category-id=${network.id}></entraide-incident-banner>`, { client });
        await waitUntil(() => parts(banner, 'title')[0] === SAMPLE_INCIDENT.title, 'never showed the French title');
        root.setAttribute('lang', 'en');
        await waitUntil(() => parts(banner, 'title')[0] === 'Mobile outage in Toulouse', `stayed ${parts(banner, 'title').join()}`, { timeout: 3000 });
        await waitForLiveStream(forum);

        await updateIncident(forum, incident.id, { status: 'resolved', text: 'Network back.' });
        await waitUntil(() => parts(banner, 'status')[0] === 'Resolved', 'never said resolved', { timeout: 3000 });
        expect(parts(banner, 'title')).to.deep.equal(['Mobile outage in Toulouse']);
      } finally {
        if (before === null) root.removeAttribute('lang');
        else root.setAttribute('lang', before);
      }
    });

    it('opens and closes the details from the keyboard', async () => {
      const forum = await quietForum();
      const incident = await declareIncident(forum);
      await updateIncident(forum, incident.id, { status: 'identified', text: 'Une antenne est en panne.' });
      const banner = await mountBanner('en');
      await waitUntil(() => part(banner, 'toggle'), 'no toggle');
      const toggle = part(banner, 'toggle')!;
      expect(part(banner, 'details')!.hidden).to.equal(true);

      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await banner.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(part(banner, 'details')!.hidden).to.equal(false);
      expect(part(banner, 'details')!.textContent).to.contain('Affected area: Occitanie');
      expect(part(banner, 'details')!.textContent).to.contain('Une antenne est en panne.');
      await expectAccessible(banner);

      // After the toggle comes the dismiss button, then the details it opened.
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(banner)).to.equal('dismiss');
      await sendKeys({ press: 'Tab' });
      expect(focusedPart(banner)).to.equal('time');
      await sendKeys({ press: 'Escape' });
      await banner.updateComplete;
      await banner.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(focusedPart(banner)).to.equal('toggle');
    });

    it('shows the full date when the update time gets keyboard focus', async () => {
      const forum = await quietForum();
      await declareIncident(forum);
      const banner = await mountBanner('en');
      await waitUntil(() => part(banner, 'updated'), 'no update time');
      const absolute = part(banner, 'updated')!.querySelector<HTMLElement>('.absolute')!;
      expect(absolute.getBoundingClientRect().width).to.be.lessThan(2);

      part(banner, 'toggle')!.focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focusedPart(banner)).to.equal('time');
      expect(absolute.getBoundingClientRect().width).to.be.greaterThan(20);
    });

    it('shows a guest only its category’s incidents and the community-wide ones', async () => {
      // The demo's own outage is active in the network category.
      const forum = await mockForum();
      const [outage] = await activeIncidents();
      const network = await networkCategory(forum);
      expect(outage?.categoryId).to.equal(network.id);
      const billing = await pick<{ id: number }>(forum, `select id from categories where slug = 'facturation'`);
      await declareIncident(forum, { title: 'Réseau', categoryId: network.id });
      await declareIncident(forum, { title: 'Tout le service', categoryId: undefined, region: undefined });
      await declareIncident(forum, { title: 'Facturation', categoryId: billing.id });
      const banner = await mount<EntraideIncidentBanner>(html`<entraide-incident-banner category-id=${network.id}></entraide-incident-banner>`, { locale: 'fr' });
      await waitUntil(() => parts(banner, 'title').length === 3, `saw ${parts(banner, 'title').join(', ')}`);

      expect(parts(banner, 'title').sort()).to.deep.equal([outage!.title, 'Réseau', 'Tout le service'].sort());
    });

    it('never runs markup from the title or the banner text', async () => {
      const parsed = watchMarkupParsing();
      const forum = await quietForum();
      const title = '<img src=x onerror="window.__incidentXss=1">';
      const bannerText = '<script>window.__incidentXss=2</script><b>bold</b>';
      await declareIncident(forum, { title, bannerText });
      const banner = await mountBanner('fr');
      await waitUntil(() => part(banner, 'title'), 'the banner never appeared');

      expect(parts(banner, 'title')).to.deep.equal([title]);
      expect(parts(banner, 'text')).to.deep.equal([bannerText]);
      expect(banner.shadowRoot!.querySelectorAll('img, script, b').length).to.equal(0);
      expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
      expect((window as unknown as { __incidentXss?: number }).__incidentXss).to.equal(undefined);
    });
  });

  describe('live', () => {
    it('appears when an advisor declares an incident, and follows its updates', async () => {
      const forum = await quietForum();
      const banner = await mountBanner('en');
      await waitForLiveStream(forum);
      expect(part(banner, 'base')).to.equal(null);

      const incident = await declareIncident(forum);
      // Live delivery can take over a second on a loaded 2-core machine: the same 3 s as every other live wait.
      await waitUntil(() => parts(banner, 'title').length === 1, 'the declared incident never appeared', { timeout: 3000 });
      await updateIncident(forum, incident.id, { status: 'monitoring', text: 'Repaired, watching.' });

      await waitUntil(() => parts(banner, 'status')[0] === 'Monitoring', `status stayed ${parts(banner, 'status').join()}`, { timeout: 3000 });
      await expectAccessible(banner);
    });

    it('says "Resolved" for a moment, then disappears', async () => {
      const forum = await quietForum();
      const incident = await declareIncident(forum);
      const banner = await mountBanner('fr');
      await waitUntil(() => part(banner, 'base'), 'the banner never appeared');
      await waitForLiveStream(forum);

      await updateIncident(forum, incident.id, { status: 'resolved', text: 'Réseau rétabli.' }, DEMO_PEOPLE.commercialAdvisor);

      await waitUntil(() => parts(banner, 'status')[0] === 'Résolu', 'never said resolved', { timeout: 3000 });
      expect(part(banner, 'incident')!.dataset.status).to.equal('resolved');
      await waitUntil(() => part(banner, 'base') === null, 'the resolved incident never went away', { timeout: 3000 });
    });
  });
});
