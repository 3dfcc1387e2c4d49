/** <entraide-admin> and its Community and Categories tabs, on the demo community, as its admin. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAdmin } from '../../src/components/admin/admin.ts';
import '../../src/components/admin/admin.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, textOf, type MockForum } from './helpers.ts';

declare global {
  interface Window {
    adminXss?: number;
  }
}

const XSS = '<img src=x onerror="window.adminXss=1">';

const inner = <E extends Element = HTMLElement>(admin: EntraideAdmin, tag: string, selector: string): E | null =>
  admin.shadowRoot!.querySelector(tag)?.shadowRoot?.querySelector<E>(selector) ?? null;

async function mountAdmin(forum: MockForum, pseudonym: string, view = 'community', width?: string): Promise<EntraideAdmin> {
  const el = await mount<EntraideAdmin>(html`<entraide-admin view=${view}></entraide-admin>`, { locale: 'en', as: await forum.member(pseudonym), width });
  return el;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<entraide-admin>', () => {
  let forum: MockForum;
  beforeEach(async () => {
    forum = await mockForum();
  });

  it('refuses a moderator and shows an admin six tabs that the arrow keys move through', async () => {
    const refused = await mountAdmin(forum, DEMO_PEOPLE.moderator);
    expect(refused.shadowRoot!.querySelector('[part="refused"]')).to.not.equal(null);
    expect(refused.shadowRoot!.querySelector('[role="tab"]')).to.equal(null);

    const el = await mountAdmin(forum, DEMO_PEOPLE.admin);
    const tabs = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent?.trim())).to.deep.equal(['Community', 'Categories', 'Ranks', 'Team', 'Trusted members', 'Webhooks']);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('categories');
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-categories');
  });

  it('saves only what changed in the community settings, and keeps the form when the server refuses', async () => {
    const el = await mountAdmin(forum, DEMO_PEOPLE.admin);
    const tag = 'entraide-admin-community';
    await waitUntil(() => inner(el, tag, 'form'), 'the settings never loaded', { timeout: 3000 });
    const save = inner<HTMLButtonElement>(el, tag, '[part="save"]')!;
    expect(save.disabled, 'nothing changed yet').to.equal(true);
    type(inner<HTMLInputElement>(el, tag, 'input[name="name"]')!, 'Volta Entraide');
    type(inner<HTMLInputElement>(el, tag, 'input[name="threshold"]')!, '3');
    await el.updateComplete;
    inner<HTMLButtonElement>(el, tag, '[part="save"]')!.click();
    await waitUntil(() => inner(el, tag, '[part="status"]')?.textContent?.includes('Saved'), 'never saved', { timeout: 3000 });
    const row = await pick<{ name: string; collective_threshold: number; collective_window_minutes: number; jargon: unknown }>(
      forum, `select name, collective_threshold, collective_window_minutes, jargon from communities where slug = 'volta'`);
    expect(row).to.deep.equal({ name: 'Volta Entraide', collective_threshold: 3, collective_window_minutes: 120, jargon: null });

    // English only while French stays the default: refused, and what was typed stays.
    const french = inner<HTMLInputElement>(el, tag, 'input[name="locales"][value="fr"]')!;
    french.click();
    type(inner<HTMLTextAreaElement>(el, tag, 'textarea[name="signature"]')!, 'Kept after a refusal');
    await el.updateComplete;
    inner<HTMLButtonElement>(el, tag, '[part="save"]')!.click();
    await waitUntil(() => inner(el, tag, '[part="status"].failed'), 'the refusal was never shown', { timeout: 3000 });
    expect(inner(el, tag, '[part="status"]')!.textContent).to.contain('default locale');
    expect(inner<HTMLTextAreaElement>(el, tag, 'textarea[name="signature"]')!.value).to.equal('Kept after a refusal');
    expect((await pick<{ locales: string[] }>(forum, `select locales from communities where slug = 'volta'`)).locales).to.deep.equal(['fr', 'en']);
    await expectAccessible(el);
  });

  it('creates a category whose name is shown as text, edits its holdback, moves it up and archives it; the forum data follows', async () => {
    const el = await mountAdmin(forum, DEMO_PEOPLE.admin, 'categories', '360px');
    const tag = 'entraide-admin-categories';
    await waitUntil(() => inner(el, tag, '[part="category"]'), 'the categories never loaded', { timeout: 3000 });
    const before = el.shadowRoot!.querySelector(tag)!.shadowRoot!.querySelectorAll('[part="category"]').length;

    // A refusal (no French name) keeps the typed English name.
    type(inner<HTMLInputElement>(el, tag, '[data-key="new"] input[name="name-en"]')!, `Fibre ${XSS}`);
    await el.updateComplete;
    inner<HTMLButtonElement>(el, tag, '[data-key="new"] [name="submit"]')!.click();
    await waitUntil(() => inner(el, tag, '[data-key="new"] .status.failed'), 'the refusal was never shown', { timeout: 3000 });
    expect(inner<HTMLInputElement>(el, tag, '[data-key="new"] input[name="name-en"]')!.value).to.equal(`Fibre ${XSS}`);

    type(inner<HTMLInputElement>(el, tag, '[data-key="new"] input[name="name-fr"]')!, `Fibre ${XSS}`);
    await el.updateComplete;
    inner<HTMLButtonElement>(el, tag, '[data-key="new"] [name="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector(tag)!.shadowRoot!.querySelectorAll('[part="category"]').length === before + 1, 'never created', { timeout: 3000 });
    const created = await pick<{ id: number; slug: string }>(forum, `select id, slug from categories where slug like 'fibre%'`);
    const placeOf = async () => (await pick<{ place: number }>(forum, `select array_position(array_agg(id order by position, id), ${created.id}) as place from categories`)).place;
    expect(await placeOf(), 'created last').to.equal(before + 1);
    expect(created.slug).to.equal('fibre-img-src-x-onerror-window-adminxss-1');
    const item = inner(el, tag, `[part="category"][data-id="${created.id}"]`)!;
    expect(textOf(item)).to.contain(`Fibre ${XSS}`);
    expect(item.querySelector('img')).to.equal(null);
    expect(window.adminXss).to.equal(undefined);

    (item.querySelector<HTMLButtonElement>('[name="edit"]'))!.click();
    await el.updateComplete;
    const form = () => inner(el, tag, `[data-key="${created.id}"]`)!;
    await waitUntil(() => form(), 'the edit form never opened');
    type(form().querySelector<HTMLInputElement>('input[name="holdback"]')!, '45');
    form().querySelector<HTMLButtonElement>('[name="submit"]')!.click();
    await waitUntil(async () => (await pick<{ holdback_minutes: number }>(forum, `select holdback_minutes from categories where id = ${created.id}`)).holdback_minutes === 45, 'holdback never saved', { timeout: 3000 });

    inner<HTMLButtonElement>(el, tag, `[part="category"][data-id="${created.id}"] [name="up"]`)!.click();
    await waitUntil(async () => (await placeOf()) === before, 'never moved', { timeout: 3000 });
    await waitUntil(() => el.shadowRoot!.querySelector(tag)!.shadowRoot!.activeElement?.getAttribute('name') === 'up', 'the moved button lost the focus');

    inner<HTMLButtonElement>(el, tag, `[part="category"][data-id="${created.id}"] [name="archive"]`)!.click();
    await waitUntil(() => inner(el, tag, `[part="category"][data-id="${created.id}"][data-archived]`), 'never archived', { timeout: 3000 });
    expect((await pick<{ archived: boolean }>(forum, `select archived_at is not null as archived from categories where id = ${created.id}`)).archived).to.equal(true);
    await expectAccessible(el);
  });
});
