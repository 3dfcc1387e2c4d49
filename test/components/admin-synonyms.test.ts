/** The synonyms section of <entraide-admin-community>, on the demo community, as its admin. */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdminCommunity } from '../../src/components/admin-community/admin-community.ts';
import '../../src/components/admin-community/admin-community.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick } from './helpers.ts';

const part = <E extends Element = HTMLElement>(el: EntraideAdminCommunity, selector: string) => el.shadowRoot!.querySelector<E>(selector);

function type(field: HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<entraide-admin-community> synonyms', () => {
  it('shows the demo\'s groups one per line, saves an edited list that search then uses, and keeps a refused one', async () => {
    const forum = await mockForum();
    const admin = await forum.member(DEMO_PEOPLE.admin);
    const el = await mount<EntraideAdminCommunity>(html`<entraide-admin-community></entraide-admin-community>`, { locale: 'fr', as: admin });
    await waitUntil(() => part(el, 'textarea[name="synonyms"]'), 'the settings never loaded', { timeout: 5000 });
    const field = part<HTMLTextAreaElement>(el, 'textarea[name="synonyms"]')!;
    expect(field.value.split('\n')[0]).to.equal('roaming, itinérance');
    expect(part(el, '#synonyms-help')!.textContent).to.contain('100 groupes');

    type(field, `${field.value}\nzorglub, pangolin`);
    await el.updateComplete;
    part<HTMLButtonElement>(el, '[part="save"]')!.click();
    await waitUntil(() => part(el, '[part="status"]')?.textContent?.includes('Enregistré'), `status: ${part(el, '[part="status"]')?.textContent}`, { timeout: 5000 });
    const row = await pick<{ groups: string[][] }>(forum, `select search_synonyms as groups from communities where slug = 'volta'`);
    expect(row.groups.at(-1)).to.deep.equal(['zorglub', 'pangolin']);
    // The demo's own pair at work: "roaming" finds the French article on itinérance.
    const faq = await createEntraideClient({ baseUrl: '/api' }).faq.search({ q: 'roaming', locale: 'fr' });
    expect(faq.items.map((hit) => hit.slug)).to.include('activer-l-itinerance');

    type(part<HTMLTextAreaElement>(el, 'textarea[name="synonyms"]')!, 'carte sim, puce');
    await el.updateComplete;
    part<HTMLButtonElement>(el, '[part="save"]')!.click();
    await waitUntil(() => part(el, '[part="status"].failed'), 'the refusal was never shown', { timeout: 5000 });
    expect(part(el, '[part="status"]')!.textContent).to.contain('carte sim');
    expect(part<HTMLTextAreaElement>(el, 'textarea[name="synonyms"]')!.value).to.equal('carte sim, puce');
    await expectAccessible(el);
  });
});
