/**
 * Issue 15, item 12 in the staff views: the last long-text fields that had a native
 * `maxlength` (a colleague's comment on a draft, an incident's title, banner and update, a
 * rubric's comment, the advisor signature in each language) keep a paste over the limit as
 * typed, show the count and the limit, and refuse to send with the reason.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdminCommunity } from '../../src/components/admin-community/admin-community.ts';
import '../../src/components/admin-community/admin-community.ts';
import type { EntraideAgentIncidents } from '../../src/components/agent-incidents/agent-incidents.ts';
import '../../src/components/agent-incidents/agent-incidents.ts';
import type { EntraideAgentQuality } from '../../src/components/agent-quality/agent-quality.ts';
import '../../src/components/agent-quality/agent-quality.ts';
import type { EntraideAgentReviews } from '../../src/components/agent-reviews/agent-reviews.ts';
import '../../src/components/agent-reviews/agent-reviews.ts';
import { ADMIN_LIMITS, INCIDENT_LIMITS, REVIEW_LIMITS } from '../../src/core/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick } from './helpers.ts';

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
const $ = <E extends Element = HTMLElement>(host: HTMLElement, selector: string) => host.shadowRoot!.querySelector<E>(selector);
/** What the polite regions say now (each crossing of a limit is said once). */
const spoken = (host: HTMLElement) => [...host.shadowRoot!.querySelectorAll('[role="status"]')].map((r) => r.textContent.trim()).filter(Boolean);

describe('staff fields with a length limit', () => {
  it('a comment on a colleague’s draft keeps a paste over 4,000 characters and waits (en)', async () => {
    const forum = await mockForum();
    const author = createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.commercialAdvisor)).token });
    const reviewer = await forum.member(DEMO_PEOPLE.technicalAdvisor);
    const { id: threadId } = await pick<{ id: number }>(forum, `select id from threads where status in ('open', 'answered') and merged_into_id is null order by id limit 1`);
    const draft = await author.drafts.share((await author.drafts.create({ threadId, body: 'Bonjour à tous, je regarde.' })).id, [reviewer.id]);
    const el = await mount<EntraideAgentReviews>(html`<entraide-agent-reviews></entraide-agent-reviews>`, { locale: 'en', as: reviewer });
    await waitUntil(() => $(el, `#comment-${draft.id}`), 'no comment field', { timeout: 3000 });
    const field = $<HTMLTextAreaElement>(el, `#comment-${draft.id}`)!;
    expect(field.hasAttribute('maxlength'), 'no native maxlength').to.equal(false);

    type(field, 'c'.repeat(REVIEW_LIMITS.commentMax + 12));
    await el.updateComplete;
    expect(field.value).to.have.length(REVIEW_LIMITS.commentMax + 12);
    expect($(el, `#comment-count-${draft.id}`)!.textContent).to.equal('4,012 / 4,000 characters');
    const send = $<HTMLButtonElement>(el, `[data-draft="${draft.id}"] .comment-form button[type="submit"]`)!;
    expect(send.disabled).to.equal(true);
    expect($(el, `#comment-limit-${draft.id}`)!.textContent).to.contain('12 characters too long');
    expect(spoken(el)).to.deep.equal(['The text is 12 characters too long (4,000 at most): shorten it to send it.']);
    await expectAccessible(el);

    type(field, 'Relu, c’est clair.');
    await el.updateComplete;
    expect(send.disabled).to.equal(false);
    expect(spoken(el)).to.deep.equal([]);
  });

  it('the incident forms keep over-long titles, banners and updates, with their counts, and wait (fr)', async () => {
    const forum = await mockForum();
    const view = await mount<EntraideAgentIncidents>(html`<entraide-agent-incidents></entraide-agent-incidents>`, { as: await forum.member(DEMO_PEOPLE.technicalAdvisor), locale: 'fr' });
    await waitUntil(() => $(view, '[part="post-update"]'), 'no active incident', { timeout: 3000 });
    $(view, '[part="post-update"]')!.click();
    await waitUntil(() => $(view, '[part="update-form"]'), 'no update form');
    const text = $<HTMLTextAreaElement>(view, '[part="update-form"] textarea[name="text"]')!;
    expect(text.hasAttribute('maxlength')).to.equal(false);
    type(text, 'u'.repeat(INCIDENT_LIMITS.updateMax + 3));
    await view.updateComplete;
    expect(text.value).to.have.length(INCIDENT_LIMITS.updateMax + 3);
    expect($(view, '#incident-text-count')!.textContent).to.match(/^5\s003 \/ 5\s000 caractères$/);
    expect($<HTMLButtonElement>(view, '[part="submit-update"]')!.disabled).to.equal(true);
    expect($(view, '[part="update-form"] [part="limit"]')!.textContent).to.match(/trop long de 3 caractères/);
    await expectAccessible(view);
    type(text, 'Réparé.');
    await view.updateComplete;
    expect($<HTMLButtonElement>(view, '[part="submit-update"]')!.disabled).to.equal(false);
  });

  it('the incident declaration keeps an over-long title in either language (en)', async () => {
    const forum = await mockForum();
    const categoryId = (await pick<{ id: number }>(forum, `select id from categories where slug = 'assistance-technique'`)).id;
    const askers = await forum.db.query<{ id: number }>(`select distinct on (region) id from members where role = 'member' and region is not null order by region, id limit 5`);
    for (const [i, asker] of askers.entries()) {
      const client = createEntraideClient({ baseUrl: '/api', token: forum.tokenFor(asker.id), retry: false });
      await client.threads.create({ categoryId, title: `Plus de réseau mobile ce matin ${i}`, body: 'Bonjour, plus de réseau ?' });
    }
    const view = await mount<EntraideAgentIncidents>(html`<entraide-agent-incidents></entraide-agent-incidents>`, { as: await forum.member(DEMO_PEOPLE.technicalAdvisor), locale: 'en' });
    await waitUntil(() => $(view, '[part="declare"]'), 'no alert to declare', { timeout: 5000 });
    $(view, '[part="declare"]')!.click();
    await waitUntil(() => $(view, '[part="declare-form"]'), 'no declaration form');
    const form = $<HTMLFormElement>(view, '[part="declare-form"]')!;
    for (const name of ['title', 'bannerText', 'otherTitle', 'otherBannerText']) expect(form.querySelector(`[name="${name}"]`)!.hasAttribute('maxlength'), name).to.equal(false);
    const submit = $<HTMLButtonElement>(view, '[part="submit-declare"]')!;
    expect(submit.disabled, 'the prefilled draft fits').to.equal(false);

    const other = form.querySelector<HTMLInputElement>('[name="otherTitle"]')!;
    type(other, 't'.repeat(INCIDENT_LIMITS.titleMax + 1));
    await view.updateComplete;
    expect(other.value).to.have.length(INCIDENT_LIMITS.titleMax + 1);
    expect($(view, '#incident-otherTitle-count')!.textContent).to.equal('201 / 200 characters');
    expect(submit.disabled).to.equal(true);
    expect($(view, '#declare-limit')!.textContent).to.contain('1 characters too long');
    const banner = form.querySelector<HTMLTextAreaElement>('[name="bannerText"]')!;
    type(banner, 'b'.repeat(INCIDENT_LIMITS.bannerMax + 40));
    await view.updateComplete;
    expect($(view, '#incident-bannerText-count')!.textContent).to.equal('540 / 500 characters');
    await expectAccessible(view);

    type(other, 'No mobile network this morning');
    type(banner, 'We are on it.');
    await view.updateComplete;
    expect(submit.disabled).to.equal(false);
  });

  it('a rubric’s comment keeps a paste over 2,000 characters and the save waits (en)', async () => {
    const forum = await mockForum();
    const { month } = await pick<{ month: string }>(
      forum,
      `select to_char(p.created_at at time zone 'UTC', 'YYYY-MM') as month from posts p join members m on m.id = p.author_id
        where m.role = 'advisor' and p.kind = 'reply' and not p.hidden group by 1 order by 1 desc limit 1`,
    );
    const el = await mount<EntraideAgentQuality>(html`<entraide-agent-quality month=${month}></entraide-agent-quality>`, { locale: 'en', as: await forum.member(DEMO_PEOPLE.moderator) });
    await waitUntil(() => $(el, '[part="rubric"]'), 'no rubric', { timeout: 3000 });
    const rubric = $<HTMLFormElement>(el, '[part="rubric"]')!;
    for (const criterion of rubric.querySelectorAll('fieldset')) criterion.querySelector<HTMLInputElement>('input[value="3"]')!.click();
    await el.updateComplete;
    const save = rubric.querySelector<HTMLButtonElement>('[part="save"]')!;
    expect(save.disabled, 'a full rubric may be saved').to.equal(false);
    const comment = rubric.querySelector<HTMLTextAreaElement>('textarea[name="comment"]')!;
    expect(comment.hasAttribute('maxlength')).to.equal(false);

    type(comment, 'r'.repeat(REVIEW_LIMITS.rubricCommentMax + 8));
    await el.updateComplete;
    expect(comment.value).to.have.length(REVIEW_LIMITS.rubricCommentMax + 8);
    expect(rubric.querySelector('.count')!.textContent).to.equal('2,008 / 2,000 characters');
    expect(save.disabled).to.equal(true);
    expect(rubric.querySelector('[part="limit"]')!.textContent).to.contain('8 characters too long');
    await expectAccessible(el);
  });

  it('the advisor signature and its English version keep a paste over 1,000 characters and the save waits (fr)', async () => {
    const forum = await mockForum();
    const el = await mount<EntraideAdminCommunity>(html`<entraide-admin-community></entraide-admin-community>`, { locale: 'fr', as: await forum.member(DEMO_PEOPLE.admin) });
    await waitUntil(() => $(el, 'textarea[name="signature-en"]'), 'no English signature field', { timeout: 5000 });
    const english = $<HTMLTextAreaElement>(el, 'textarea[name="signature-en"]')!;
    const signature = $<HTMLTextAreaElement>(el, 'textarea[name="signature"]')!;
    expect(english.hasAttribute('maxlength')).to.equal(false);
    expect(signature.hasAttribute('maxlength')).to.equal(false);

    type(english, 'e'.repeat(ADMIN_LIMITS.signatureMax + 2));
    await el.updateComplete;
    expect(english.value).to.have.length(ADMIN_LIMITS.signatureMax + 2);
    expect($(el, '#signature-en-count')!.textContent).to.match(/^1\s002 \/ 1\s000 caractères$/);
    const save = $<HTMLButtonElement>(el, '[part="save"]')!;
    expect(save.disabled).to.equal(true);
    expect($(el, '#signature-limit')!.textContent).to.match(/trop long de 2 caractères/);
    await expectAccessible(el);

    type(english, 'The community is about sharing.');
    type(signature, 's'.repeat(ADMIN_LIMITS.signatureMax + 1));
    await el.updateComplete;
    expect($(el, '#signature-count')!.textContent).to.match(/^1\s001 \/ 1\s000 caractères$/);
    expect(save.disabled).to.equal(true);
    type(signature, 'La communauté, c’est le partage.');
    await el.updateComplete;
    expect(save.disabled).to.equal(false);
  });
});
