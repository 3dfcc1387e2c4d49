/**
 * <entraide-advisor-composer>, colleague review (study §44, §52): the draft shared with a
 * colleague, their comments and approval, then the shared draft posted with its credits.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';
import '../../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideReplySentEvent } from '../../src/components/events/reply-sent.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { $, body, tick, type } from './advisor-composer-helpers.ts';
import { expectAccessible, MEMBERS, mockForum, mount, useMockWorker } from './helpers.ts';

declare global {
  interface Window {
    advisorReviewXss?: number;
  }
}

/** Pix37's answer on thread 1, which Julie may cite and credit. */
const COMMUNITY_REPLY = 2;

/** Julie (commercial advisor) answers thread 1, where Léa already wrote. */
async function mountAsJulie(failures: MockForumOptions['failures'] = {}) {
  const forum = mockForum({ failures });
  const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.julie) });
  const lea = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.lea) });
  const { thread, posts } = await client.threads.get(1);
  const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
    { client, locale: 'en', as: { forum, memberId: MEMBERS.julie } });
  return { el, lea, client, forum };
}

async function shareWithLea(el: EntraideAdvisorComposer): Promise<void> {
  await tick(el, `#share-${MEMBERS.lea}`);
  $(el, '[part="share"]').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part="reviewers"] li'), 'the draft was never shared', { timeout: 3000 });
}

/** Léa approves the draft shared with her; Julie refreshes the review. */
async function leaApproves(el: EntraideAdvisorComposer, lea: ReturnType<typeof createEntraideClient>): Promise<number> {
  const [draft] = (await lea.drafts.list({ scope: 'shared' })).items;
  await lea.drafts.approve(draft!.id);
  $(el, '[part="refresh-review"]').click();
  await waitUntil(() => $(el, '[part="reviewers"] li').textContent.includes('approved'), 'the approval never showed', { timeout: 3000 });
  return draft!.id;
}

describe('<entraide-advisor-composer> colleague review', () => {
  useMockWorker();
  beforeEach(() => localStorage.clear());

  it('saves the draft on the server and shares it with the chosen colleague', async () => {
    const { el, lea } = await mountAsJulie();
    await type(el, 'Hello everyone, @Nadia_B\nReset the network settings.');
    expect($<HTMLButtonElement>(el, '[part="share"]').disabled).to.equal(true);

    await shareWithLea(el);

    expect($(el, '[part="reviewers"] li').textContent).to.contain('review pending');
    expect($(el, '[part="posts-shared-draft"]').textContent).to.contain('publishes this shared draft');
    const { items } = await lea.drafts.list({ scope: 'shared' });
    expect(items.map((draft) => draft.body)).to.deep.equal(['Hello everyone, @Nadia_B\nReset the network settings.']);
  });

  it('offers every advisor of the team as a reviewer, even one who is off duty and not in the thread', async () => {
    const forum = mockForum();
    const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.julie) });
    // Thread 2: no advisor wrote there, and nobody has a weekly plan.
    const { thread, posts } = await client.threads.get(2);

    const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
      { client, locale: 'en', as: { forum, memberId: MEMBERS.julie } });
    await waitUntil(() => el.shadowRoot!.querySelector(`#share-${MEMBERS.lea}`), 'Léa is not offered as a reviewer', { timeout: 3000 });

    expect(el.shadowRoot!.querySelector(`#share-${MEMBERS.julie}`)).to.equal(null);
    expect(el.shadowRoot!.querySelector(`#assist-${MEMBERS.lea}`)).to.equal(null);
  });

  it('shows the colleague’s comments and approval after a refresh, never running their markup', async () => {
    const { el, lea } = await mountAsJulie();
    await shareWithLea(el);
    const [draft] = (await lea.drafts.list({ scope: 'shared' })).items;
    await lea.drafts.comment(draft!.id, 'Add the **FAQ** link <img src=x onerror="window.advisorReviewXss=3">');
    await lea.drafts.approve(draft!.id);

    $(el, '[part="refresh-review"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="comments"]'), 'the comments never showed', { timeout: 3000 });

    expect($(el, '[part="reviewers"] li').textContent).to.contain('approved');
    expect($(el, '.comment-body strong').textContent).to.equal('FAQ');
    expect(el.shadowRoot!.querySelectorAll('.comment-body img').length).to.equal(0);
    expect(window.advisorReviewXss).to.equal(undefined);
    await expectAccessible(el);
  });

  it('posts the approved draft as a confirmation crediting the approving colleague', async () => {
    const { el, lea } = await mountAsJulie();
    await tick(el, `#cite-${COMMUNITY_REPLY}`);
    await shareWithLea(el);
    const draftId = await leaApproves(el, lea);
    const sent: EntraideReplySentEvent[] = [];
    el.addEventListener('entraide-reply-sent', (event) => sent.push(event));

    expect($<HTMLInputElement>(el, '[part="credit-approvers"]').checked).to.equal(true);
    $(el, '[part="send"]').click();
    await waitUntil(() => sent.length === 1, 'the shared draft was never posted', { timeout: 3000 });

    const post = sent[0]!.detail.post;
    expect(post.confirmation?.cited.map((cited) => cited.postId)).to.deep.equal([COMMUNITY_REPLY]);
    expect(post.confirmation?.assistedBy.map((colleague) => colleague.id)).to.deep.equal([MEMBERS.lea]);
    expect((await lea.drafts.get(draftId)).postedPostId).to.equal(post.id);
    expect(el.shadowRoot!.querySelector('[part="reviewers"]')).to.equal(null);
  });

  it('leaves the approving colleague uncredited when the box is unticked', async () => {
    const { el, lea } = await mountAsJulie();
    await tick(el, `#cite-${COMMUNITY_REPLY}`);
    await shareWithLea(el);
    await leaApproves(el, lea);
    const sent: EntraideReplySentEvent[] = [];
    el.addEventListener('entraide-reply-sent', (event) => sent.push(event));

    await tick(el, '[part="credit-approvers"]');
    $(el, '[part="send"]').click();
    await waitUntil(() => sent.length === 1, 'the shared draft was never posted', { timeout: 3000 });

    expect(sent[0]!.detail.post.confirmation?.assistedBy).to.deep.equal([]);
  });

  it('saves an edit made after the approval before posting it, and credits no one for the new wording', async () => {
    const { el, lea } = await mountAsJulie();
    await tick(el, `#cite-${COMMUNITY_REPLY}`);
    await shareWithLea(el);
    const draftId = await leaApproves(el, lea);
    await type(el, `${body(el)}\nThen restart the phone.`);
    expect($(el, '[part="edited-since-shared"]').textContent).to.contain('Edited since it was shared');
    expect(el.shadowRoot!.querySelector('[part="credit-approvers"]')).to.equal(null);
    const sent: EntraideReplySentEvent[] = [];
    el.addEventListener('entraide-reply-sent', (event) => sent.push(event));

    $(el, '[part="send"]').click();
    await waitUntil(() => sent.length === 1, 'the edited draft was never posted', { timeout: 3000 });

    const draft = await lea.drafts.get(draftId);
    expect(draft.body).to.contain('Then restart the phone.');
    expect(draft.sharedWith.map((share) => share.approvedAt)).to.deep.equal([null]);
    expect(sent[0]!.detail.post.confirmation?.assistedBy).to.deep.equal([]);
  });

  it('keeps the text and the shared draft when posting fails, with the server’s message', async () => {
    const { el, lea } = await mountAsJulie({ postDraft: 409 });
    await type(el, 'Hello everyone, @Nadia_B\nReset the network settings.');
    await shareWithLea(el);

    $(el, '[part="send"]').click();
    await waitUntil(() => $(el, '[part="error"]').textContent.trim(), 'no error shown', { timeout: 3000 });

    expect(body(el)).to.equal('Hello everyone, @Nadia_B\nReset the network settings.');
    expect($<HTMLButtonElement>(el, '[part="send"]').disabled).to.equal(false);
    expect($(el, '[part="reviewers"] li').textContent).to.contain('review pending');
    expect((await lea.drafts.list({ scope: 'shared' })).items[0]!.postedAt).to.equal(null);
  });

  it('is not offered to moderators, who do not write drafts', async () => {
    const forum = mockForum();
    const client = createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(MEMBERS.modo) });
    const { thread, posts } = await client.threads.get(1);
    const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
      { client, locale: 'en', as: { forum, memberId: MEMBERS.modo } });
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="credit"]')).to.not.equal(null);
  });
});
