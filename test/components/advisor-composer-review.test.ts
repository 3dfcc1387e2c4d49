/**
 * <entraide-advisor-composer>, colleague review (study §44, §52): the draft shared with a
 * colleague, their comments and approval, then the shared draft posted with its credits.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';
import '../../src/components/advisor-composer/advisor-composer.ts';
import type { EntraideReplySentEvent } from '../../src/components/events/reply-sent.ts';
import { createEntraideClient, type EntraideClient } from '../../src/sdk/index.ts';
import { $, body, tick, type } from './advisor-composer-helpers.ts';
import type { MockForumOptions } from '../../src/mocks/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, type MockForum, type MockMember } from './helpers.ts';

declare global {
  interface Window {
    advisorReviewXss?: number;
  }
}

interface AdvisedThread {
  id: number;
  asker: string;
  /** A member's answer there, which the commercial advisor may cite and credit. */
  replyId: number;
}

/** A thread still taking replies where the technical advisor already wrote, next to a member's answer. */
const advisedThread = (forum: MockForum, technical: MockMember) => pick<AdvisedThread>(
  forum,
  `select t.id, a.pseudonym as asker, min(p.id) as "replyId"
     from threads t join members a on a.id = t.author_id
     join posts p on p.thread_id = t.id and p.kind = 'reply' and not p.hidden join members h on h.id = p.author_id and h.role = 'member'
    where t.status in ('answered', 'solved') and t.merged_into_id is null
      and exists (select 1 from posts x where x.thread_id = t.id and x.author_id = $1)
      and not exists (select 1 from posts x join members m on m.id = x.author_id where x.thread_id = t.id and m.role = 'advisor' and m.id <> $1)
    group by t.id, a.pseudonym order by t.id limit 1`,
  [technical.id],
);

const clientOf = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token });

/** The commercial advisor answers a thread where the technical advisor (the colleague) already wrote. */
async function mountAsJulie(failures: MockForumOptions['failures'] = {}) {
  const forum = await mockForum({ failures });
  const julie = await forum.member(DEMO_PEOPLE.commercialAdvisor);
  const colleague = await forum.member(DEMO_PEOPLE.technicalAdvisor);
  const advised = await advisedThread(forum, colleague);
  const client = clientOf(julie);
  const { thread, posts } = await client.threads.get(advised.id);
  const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
    { client, locale: 'en', as: julie });
  return { el, colleague, reviewer: clientOf(colleague), client, forum, advised };
}

async function shareWith(el: EntraideAdvisorComposer, colleague: MockMember): Promise<void> {
  await tick(el, `#share-${colleague.id}`);
  $(el, '[part="share"]').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part="reviewers"] li'), 'the draft was never shared', { timeout: 3000 });
}

/** The colleague approves the draft shared with them; the author refreshes the review. */
async function colleagueApproves(el: EntraideAdvisorComposer, reviewer: EntraideClient): Promise<number> {
  const [draft] = (await reviewer.drafts.list({ scope: 'shared' })).items;
  await reviewer.drafts.approve(draft!.id);
  $(el, '[part="refresh-review"]').click();
  await waitUntil(() => $(el, '[part="reviewers"] li').textContent.includes('approved'), 'the approval never showed', { timeout: 3000 });
  return draft!.id;
}

describe('<entraide-advisor-composer> colleague review', () => {
  beforeEach(() => localStorage.clear());

  it('saves the draft on the server and shares it with the chosen colleague', async () => {
    const { el, reviewer, colleague, advised } = await mountAsJulie();
    await type(el, `Hello everyone, @${advised.asker}\nReset the network settings.`);
    expect($<HTMLButtonElement>(el, '[part="share"]').disabled).to.equal(true);

    await shareWith(el, colleague);

    expect($(el, '[part="reviewers"] li').textContent).to.contain('review pending');
    expect($(el, '[part="posts-shared-draft"]').textContent).to.contain('publishes this shared draft');
    const { items } = await reviewer.drafts.list({ scope: 'shared' });
    expect(items.map((draft) => draft.body)).to.deep.equal([`Hello everyone, @${advised.asker}\nReset the network settings.`]);
  });

  it('offers every advisor of the team as a reviewer, even one who is off duty and not in the thread', async () => {
    const forum = await mockForum();
    const julie = await forum.member(DEMO_PEOPLE.commercialAdvisor);
    const colleague = await forum.member(DEMO_PEOPLE.technicalAdvisor);
    // The colleague keeps no weekly plan (off duty whatever the hour), and no advisor wrote in the thread.
    await clientOf(colleague).agent.setPlan({ slots: [] });
    const untouched = await pick<{ id: number }>(forum, `select t.id from threads t where t.merged_into_id is null and t.status in ('open', 'answered')
        and not exists (select 1 from posts p join members m on m.id = p.author_id where p.thread_id = t.id and m.role = 'advisor') order by t.id limit 1`);
    const client = clientOf(julie);
    const { thread, posts } = await client.threads.get(untouched.id);

    const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
      { client, locale: 'en', as: julie });
    await waitUntil(() => el.shadowRoot!.querySelector(`#share-${colleague.id}`), `${colleague.pseudonym} is not offered as a reviewer`, { timeout: 3000 });

    expect(el.shadowRoot!.querySelector(`#share-${julie.id}`)).to.equal(null);
    expect(el.shadowRoot!.querySelector(`#assist-${colleague.id}`)).to.equal(null);
  });

  it('shows the colleague’s comments and approval after a refresh, never running their markup', async () => {
    const { el, reviewer, colleague } = await mountAsJulie();
    await shareWith(el, colleague);
    const [draft] = (await reviewer.drafts.list({ scope: 'shared' })).items;
    await reviewer.drafts.comment(draft!.id, 'Add the **FAQ** link <img src=x onerror="window.advisorReviewXss=3">');
    await reviewer.drafts.approve(draft!.id);

    $(el, '[part="refresh-review"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="comments"]'), 'the comments never showed', { timeout: 3000 });

    expect($(el, '[part="reviewers"] li').textContent).to.contain('approved');
    expect($(el, '.comment-body strong').textContent).to.equal('FAQ');
    expect(el.shadowRoot!.querySelectorAll('.comment-body img').length).to.equal(0);
    expect(window.advisorReviewXss).to.equal(undefined);
    await expectAccessible(el);
  });

  it('posts the approved draft as a confirmation crediting the approving colleague', async () => {
    const { el, reviewer, colleague, advised } = await mountAsJulie();
    await tick(el, `#cite-${advised.replyId}`);
    await shareWith(el, colleague);
    const draftId = await colleagueApproves(el, reviewer);
    const sent: EntraideReplySentEvent[] = [];
    el.addEventListener('entraide-reply-sent', (event) => sent.push(event));

    expect($<HTMLInputElement>(el, '[part="credit-approvers"]').checked).to.equal(true);
    $(el, '[part="send"]').click();
    await waitUntil(() => sent.length === 1, 'the shared draft was never posted', { timeout: 3000 });

    const post = sent[0]!.detail.post;
    expect(post.confirmation?.cited.map((cited) => cited.postId)).to.deep.equal([advised.replyId]);
    expect(post.confirmation?.assistedBy.map((assistant) => assistant.id)).to.deep.equal([colleague.id]);
    expect((await reviewer.drafts.get(draftId)).postedPostId).to.equal(post.id);
    expect(el.shadowRoot!.querySelector('[part="reviewers"]')).to.equal(null);
  });

  it('leaves the approving colleague uncredited when the box is unticked', async () => {
    const { el, reviewer, colleague, advised } = await mountAsJulie();
    await tick(el, `#cite-${advised.replyId}`);
    await shareWith(el, colleague);
    await colleagueApproves(el, reviewer);
    const sent: EntraideReplySentEvent[] = [];
    el.addEventListener('entraide-reply-sent', (event) => sent.push(event));

    await tick(el, '[part="credit-approvers"]');
    $(el, '[part="send"]').click();
    await waitUntil(() => sent.length === 1, 'the shared draft was never posted', { timeout: 3000 });

    expect(sent[0]!.detail.post.confirmation?.assistedBy).to.deep.equal([]);
  });

  it('saves an edit made after the approval before posting it, and credits no one for the new wording', async () => {
    const { el, reviewer, colleague, advised } = await mountAsJulie();
    await tick(el, `#cite-${advised.replyId}`);
    await shareWith(el, colleague);
    const draftId = await colleagueApproves(el, reviewer);
    await type(el, `${body(el)}\nThen restart the phone.`);
    expect($(el, '[part="edited-since-shared"]').textContent).to.contain('Edited since it was shared');
    expect(el.shadowRoot!.querySelector('[part="credit-approvers"]')).to.equal(null);
    const sent: EntraideReplySentEvent[] = [];
    el.addEventListener('entraide-reply-sent', (event) => sent.push(event));

    $(el, '[part="send"]').click();
    await waitUntil(() => sent.length === 1, 'the edited draft was never posted', { timeout: 3000 });

    const draft = await reviewer.drafts.get(draftId);
    expect(draft.body).to.contain('Then restart the phone.');
    expect(draft.sharedWith.map((share) => share.approvedAt)).to.deep.equal([null]);
    expect(sent[0]!.detail.post.confirmation?.assistedBy).to.deep.equal([]);
  });

  it('keeps the text and the shared draft when posting fails, with the server’s message', async () => {
    const { el, reviewer, colleague, advised } = await mountAsJulie({ postDraft: 409 });
    await type(el, `Hello everyone, @${advised.asker}\nReset the network settings.`);
    await shareWith(el, colleague);

    $(el, '[part="send"]').click();
    await waitUntil(() => $(el, '[part="error"]').textContent.trim(), 'no error shown', { timeout: 3000 });

    expect(body(el)).to.equal(`Hello everyone, @${advised.asker}\nReset the network settings.`);
    expect($<HTMLButtonElement>(el, '[part="send"]').disabled).to.equal(false);
    expect($(el, '[part="reviewers"] li').textContent).to.contain('review pending');
    expect((await reviewer.drafts.list({ scope: 'shared' })).items[0]!.postedAt).to.equal(null);
  });

  it('is not offered to moderators, who do not write drafts', async () => {
    const forum = await mockForum();
    const moderator = await forum.member(DEMO_PEOPLE.moderator);
    const client = clientOf(moderator);
    const { thread, posts } = await client.threads.get((await advisedThread(forum, await forum.member(DEMO_PEOPLE.technicalAdvisor))).id);
    const el = await mount<EntraideAdvisorComposer>(html`<entraide-advisor-composer .thread=${thread} .posts=${posts}></entraide-advisor-composer>`,
      { client, locale: 'en', as: moderator });
    expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="credit"]')).to.not.equal(null);
  });
});
