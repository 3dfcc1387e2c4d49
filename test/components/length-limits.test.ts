/**
 * Issue 15, item 12 beyond the composer: the fields that had a native `maxlength` (which cut
 * a paste without a word) keep the text as typed, show the count and the limit, disable
 * sending with the reason and say it once — the advisors' confirm dialog, their private
 * message to a customer, and a report's note.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdvisorConfirm } from '../../src/components/advisor-tools/advisor-confirm.ts';
import '../../src/components/advisor-tools/advisor-confirm.ts';
import type { EntraideAdvisorTools } from '../../src/components/advisor-tools/advisor-tools.ts';
import '../../src/components/advisor-tools/advisor-tools.ts';
import type { EntraideFlagFormElement } from '../../src/components/post-actions/flag-form.ts';
import '../../src/components/post-actions/flag-form.ts';
import { LIMITS } from '../../src/core/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, queryDeep, waitForDeep, waitForText } from './helpers.ts';

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
}
/** What the polite regions of `root` say now (each crossing of the limit is said once). */
const spoken = (root: ShadowRoot) => [...root.querySelectorAll('[role="status"]')].map((r) => r.textContent.trim()).filter(Boolean);

describe('fields with a length limit', () => {
  it('the confirm dialog keeps an over-long reason, waits with the reason, and confirms once it fits (en)', async () => {
    const dialog = await mount<EntraideAdvisorConfirm>(html`<entraide-advisor-confirm></entraide-advisor-confirm>`, { locale: 'en' });
    const answer = dialog.ask({ title: 'Close the thread', message: 'Why?', confirmLabel: 'Close', field: { label: 'Reason', required: true, maxLength: 20, multiline: true } });
    await waitUntil(() => dialog.open, 'the dialog did not open');
    const root = dialog.shadowRoot!;
    const field = root.querySelector<HTMLTextAreaElement>('[part="field"]')!;
    expect(field.hasAttribute('maxlength'), 'no native maxlength').to.equal(false);

    type(field, 'x'.repeat(25));
    await dialog.updateComplete;
    expect(field.value).to.have.length(25);
    expect(root.querySelector('[part="count"]')!.textContent).to.equal('25 / 20 characters');
    const confirm = root.querySelector<HTMLButtonElement>('[part="confirm"]')!;
    expect(confirm.disabled).to.equal(true);
    expect(root.querySelector('[part="limit"]')!.textContent).to.contain('5 characters too long');
    expect(spoken(root)).to.deep.equal(['The text is 5 characters too long (20 at most): shorten it to send it.']);
    type(field, 'x'.repeat(26));
    await dialog.updateComplete;
    expect(spoken(root), 'said once, not at every key').to.have.length(1);
    await expectAccessible(dialog);

    type(field, 'Numéro retiré.');
    await dialog.updateComplete;
    expect(confirm.disabled).to.equal(false);
    expect(spoken(root)).to.deep.equal([]);
    confirm.click();
    expect(await answer).to.equal('Numéro retiré.');
  });

  it('a report’s note keeps an over-long paste and waits (fr)', async () => {
    const form = await mount<EntraideFlagFormElement>(html`<entraide-flag-form .postId=${1}></entraide-flag-form>`, { locale: 'fr' });
    const root = form.shadowRoot!;
    const note = root.querySelector<HTMLTextAreaElement>('[part="note"]')!;
    expect(note.hasAttribute('maxlength')).to.equal(false);
    type(note, 'y'.repeat(1005));
    await form.updateComplete;
    expect(note.value).to.have.length(1005);
    expect(root.querySelector('[part="count"]')!.textContent).to.match(/^1\s005 \/ 1\s000 caractères$/);
    expect(root.querySelector<HTMLButtonElement>('[part="send"]')!.disabled).to.equal(true);
    expect(root.querySelector('[part="limit"]')!.textContent).to.match(/trop long de 5 caractères/);
    await expectAccessible(form);
  });

  it('an advisor’s private message to the customer keeps a 20,005-character paste, and sends once shortened', async () => {
    const forum = await mockForum();
    const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
    const asker = createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.asker)).token });
    const categoryId = (await asker.community.get()).categories[0]!.id;
    const { thread } = await asker.threads.create({ categoryId, title: 'Mon compte est bloqué', body: 'Je ne peux plus me connecter.' });
    const advisorClient = createEntraideClient({ baseUrl: '/api', token: advisor.token });
    const { conversation } = await advisorClient.private.open(thread.id, {});
    const summary = (await advisorClient.threads.get(thread.id)).thread;
    const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${summary}></entraide-advisor-tools>`, { locale: 'en', as: advisor, width: '360px' });
    (await waitForDeep<HTMLButtonElement>(tools, `button[data-conversation="${conversation.id}"]`)).click();
    const field = await waitForDeep<HTMLTextAreaElement>(tools, '#private-message');
    expect(field.hasAttribute('maxlength')).to.equal(false);

    type(field, 'z'.repeat(LIMITS.bodyMax + 5));
    await waitUntil(() => queryDeep(tools, '#private-count')?.textContent === '20,005 / 20,000 characters', 'the count did not show');
    expect(field.value).to.have.length(LIMITS.bodyMax + 5);
    const send = queryDeep<HTMLButtonElement>(tools, 'button[data-action="send"]')!;
    expect(send.disabled).to.equal(true);
    expect(queryDeep(tools, '#private-limit')!.textContent).to.contain('5 characters too long');

    type(field, 'Pouvez-vous confirmer votre IBAN ?');
    await waitUntil(() => !send.disabled, 'send stayed disabled');
    send.click();
    await waitForText(tools, 'Pouvez-vous confirmer votre IBAN ?');
    await waitUntil(() => queryDeep(tools, '#private-count')?.textContent === '0 / 20,000 characters', 'the count was not reset');
  });
});
