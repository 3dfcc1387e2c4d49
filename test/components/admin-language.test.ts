/** The signature per language and the time zone in <entraide-admin-community>, on the demo community, as its admin. */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdminCommunity } from '../../src/components/admin-community/admin-community.ts';
import '../../src/components/admin-community/admin-community.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick } from './helpers.ts';

const part = <E extends Element = HTMLElement>(el: EntraideAdminCommunity, selector: string) => el.shadowRoot!.querySelector<E>(selector);

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

async function save(el: EntraideAdminCommunity): Promise<void> {
  await el.updateComplete;
  part<HTMLButtonElement>(el, '[part="save"]')!.click();
  await waitUntil(() => !part<HTMLButtonElement>(el, '[part="save"]')!.textContent.includes('…') && part(el, '[part="status"]')?.textContent !== '', 'never saved', { timeout: 5000 });
}

describe('<entraide-admin-community> languages and time zone', () => {
  it('edits the English signature and the time zone, and keeps a refused zone in the form', async () => {
    const forum = await mockForum();
    const admin = await forum.member(DEMO_PEOPLE.admin);
    const el = await mount<EntraideAdminCommunity>(html`<entraide-admin-community></entraide-admin-community>`, { locale: 'en', as: admin });
    await waitUntil(() => part(el, 'textarea[name="signature-en"]'), 'no English signature field', { timeout: 5000 });
    const english = part<HTMLTextAreaElement>(el, 'textarea[name="signature-en"]')!;
    expect(english.value).to.contain('The community is about sharing');
    expect(english.getAttribute('lang')).to.equal('en');
    expect(english.closest('label')!.textContent).to.contain('Advisor signature in English');
    expect(part(el, 'textarea[name="signature-fr"]')).to.equal(null);
    const zone = part<HTMLInputElement>(el, 'input[name="time-zone"]')!;
    expect(zone.value).to.equal('Europe/Paris');
    expect(part(el, '#time-zones option[value="Europe/Berlin"]')).to.not.equal(null);
    await expectAccessible(el);

    type(english, 'Sharing is caring.');
    type(zone, 'America/Montreal');
    await save(el);
    expect(part(el, '[part="status"]')!.textContent).to.equal('Saved.');
    const row = await pick<{ zone: string; en: string }>(forum, `select time_zone as zone, advisor_signature_translations->>'en' as en from communities where slug = 'volta'`);
    expect(row).to.deep.equal({ zone: 'America/Montreal', en: 'Sharing is caring.' });

    type(part<HTMLInputElement>(el, 'input[name="time-zone"]')!, 'Mars/Olympus');
    await save(el);
    expect(part(el, '[part="status"].failed')!.textContent).to.contain('Mars/Olympus');
    expect(part<HTMLInputElement>(el, 'input[name="time-zone"]')!.value).to.equal('Mars/Olympus');
  });

  it('speaks French', async () => {
    const forum = await mockForum();
    const el = await mount<EntraideAdminCommunity>(html`<entraide-admin-community></entraide-admin-community>`, { locale: 'fr', as: await forum.member(DEMO_PEOPLE.admin) });
    await waitUntil(() => part(el, 'textarea[name="signature-en"]'), 'no English signature field', { timeout: 5000 });
    expect(part(el, 'textarea[name="signature-en"]')!.closest('label')!.textContent).to.contain('Signature des conseillers en anglais');
    expect(part(el, 'input[name="time-zone"]')!.closest('label')!.textContent).to.contain('Fuseau horaire');
    await expectAccessible(el);
  });
});
