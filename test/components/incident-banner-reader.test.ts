/**
 * <entraide-incident-banner> for one reader (issue 15, item 11): only the incidents of the page's
 * category and of the reader's region, dismissible (a member's kept by the server, a guest's by
 * the browser) until the incident's next update, and one line per incident on a phone.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideIncidentBanner } from '../../src/components/incident-banner/incident-banner.ts';
import '../../src/components/incident-banner/incident-banner.ts';
import { declareIncident, networkCategory, resolveActiveIncidents, updateIncident } from './demo-incidents.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, type MockForum, type MockMember } from './helpers.ts';

const titles = (banner: EntraideIncidentBanner) => [...banner.shadowRoot!.querySelectorAll('[part="title"]')].map((el) => el.textContent.trim());
const part = (banner: EntraideIncidentBanner, name: string) => banner.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

async function quietForum(): Promise<MockForum> {
  const forum = await mockForum();
  await resolveActiveIncidents(forum);
  return forum;
}

async function mountBanner(options: { categoryId?: number; as?: MockMember; locale?: 'fr' | 'en'; width?: string } = {}) {
  return mount<EntraideIncidentBanner>(
    html`<entraide-incident-banner category-id=${options.categoryId ?? 0}></entraide-incident-banner>`,
    { locale: options.locale ?? 'fr', ...(options.as ? { as: options.as } : {}), ...(options.width ? { width: options.width } : {}) },
  );
}

/** A demo member with a region (the demo's tokens carry it), and that region. */
async function memberWithRegion(forum: MockForum): Promise<{ member: MockMember; region: string }> {
  const row = await pick<{ pseudonym: string; region: string }>(
    forum, `select pseudonym, region from members where region is not null and role = 'member' and external_id like 'demo:%' order by id limit 1`,
  );
  return { member: await forum.member(row.pseudonym), region: row.region };
}

describe('<entraide-incident-banner> for a reader', () => {
  beforeEach(() => localStorage.clear());

  describe('scope', () => {
    it('shows a category’s incident only in that category, and a regional one only to its region', async () => {
      const forum = await quietForum();
      const network = await networkCategory(forum);
      const { member, region } = await memberWithRegion(forum);
      await declareIncident(forum, { title: 'Réseau à Toulouse', region: 'Occitanie-ailleurs' });
      await declareIncident(forum, { title: 'Tout le service', categoryId: undefined, region: undefined });
      await declareIncident(forum, { title: 'Dans ma région', categoryId: undefined, region });

      const home = await mountBanner();
      await waitUntil(() => titles(home).length === 1, `a guest at home saw ${titles(home).join(', ')}`);
      expect(titles(home)).to.deep.equal(['Tout le service']);

      const guestInNetwork = await mountBanner({ categoryId: network.id });
      await waitUntil(() => titles(guestInNetwork).length === 2, `a guest in the category saw ${titles(guestInNetwork).join(', ')}`);
      expect(titles(guestInNetwork).sort()).to.deep.equal(['Réseau à Toulouse', 'Tout le service']);

      const memberAtHome = await mountBanner({ as: member });
      await waitUntil(() => titles(memberAtHome).length === 2, `the member saw ${titles(memberAtHome).join(', ')}`);
      expect(titles(memberAtHome).sort()).to.deep.equal(['Dans ma région', 'Tout le service']);
    });
  });

  describe('dismissing', () => {
    it('hides a guest’s banner in this browser until the incident’s next update', async () => {
      const forum = await quietForum();
      const incident = await declareIncident(forum, { categoryId: undefined, region: undefined, title: 'Panne générale' });
      const banner = await mountBanner({ locale: 'en' });
      await waitUntil(() => part(banner, 'dismiss'), 'no dismiss button');
      expect(part(banner, 'dismiss')!.getAttribute('aria-label')).to.equal('Hide the incident “Panne générale”');

      part(banner, 'dismiss')!.click();
      await banner.updateComplete;
      expect(part(banner, 'base')).to.equal(null);
      expect(banner.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Banner hidden: it comes back at the incident’s next update.');

      const reloaded = await mountBanner({ locale: 'en' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(part(reloaded, 'base')).to.equal(null);

      await updateIncident(forum, incident.id, { status: 'identified', text: 'Cause trouvée.' });
      const afterUpdate = await mountBanner({ locale: 'en' });
      await waitUntil(() => titles(afterUpdate).length === 1, 'the update did not bring the banner back');
    });

    it('keeps a member’s dismissal on the server, for this member only', async () => {
      const forum = await quietForum();
      const incident = await declareIncident(forum, { categoryId: undefined, region: undefined, title: 'Panne générale' });
      const member = await forum.member(DEMO_PEOPLE.asker);
      const banner = await mountBanner({ as: member });
      await waitUntil(() => part(banner, 'dismiss'), 'no dismiss button');

      part(banner, 'dismiss')!.click();
      await waitUntil(async () => (await forum.db.query('select 1 from incident_dismissals where incident_id = $1', [incident.id])).length === 1, 'not kept');
      expect(localStorage.length).to.equal(0);

      const again = await mountBanner({ as: member });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(part(again, 'base')).to.equal(null);
      const other = await mountBanner({ as: await forum.member(DEMO_PEOPLE.topHelper) });
      await waitUntil(() => titles(other).length === 1, 'another member lost the banner too');

      await updateIncident(forum, incident.id, { status: 'monitoring', text: 'Sous surveillance.' });
      await waitUntil(() => titles(again).length === 1, 'the live update did not bring it back', { timeout: 3000 });
    });
  });

  describe('on a 360 px phone', () => {
    it('takes one line per incident, the text behind the toggle, and passes axe', async () => {
      const forum = await quietForum();
      await declareIncident(forum, { categoryId: undefined, region: undefined, title: 'Panne du réseau mobile dans tout le Sud-Ouest depuis ce matin' });
      const banner = await mountBanner({ width: '360px' });
      await waitUntil(() => part(banner, 'incident'), 'no incident');

      const line = part(banner, 'incident')!.getBoundingClientRect().height;
      expect(line).to.be.at.most(50);
      expect(part(banner, 'text')!.getBoundingClientRect().height).to.equal(0);
      await expectAccessible(banner);

      part(banner, 'toggle')!.click();
      await banner.updateComplete;
      expect(part(banner, 'text')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(part(banner, 'details')!.hidden).to.equal(false);
      await expectAccessible(banner);
    });

    it('shows the text at once on a wide screen', async () => {
      const forum = await quietForum();
      await declareIncident(forum, { categoryId: undefined, region: undefined });
      const banner = await mountBanner({ width: '900px' });
      await waitUntil(() => part(banner, 'text'), 'no incident');
      expect(part(banner, 'text')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });
  });
});
