import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAdvisorTools } from '../../src/components/advisor-tools/advisor-tools.ts';
import '../../src/components/advisor-tools/advisor-tools.ts';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import type { ThreadSummary } from '../../src/sdk/types.ts';
import { DEMO_PEOPLE, describeNode, expectAccessible, mockForum, mount, pick, queryAllDeep, queryDeep, textOf, waitForDeep, waitForText, type MockForum, type MockMember } from './helpers.ts';

declare global {
  interface Window {
    xssRan?: boolean;
  }
}

const XSS = '<img src=x onerror="window.xssRan=true"><script>window.xssRan=true</script>';

interface ToolsThread {
  id: number;
  categoryId: number;
  /** The question's post and its author, the asker. */
  questionId: number;
  asker: string;
}

/**
 * A French thread a member answered and staff never touched: no private conversation, staff
 * note, moderation entry, flag or hand-off yet, so each panel starts empty. Not asked by the
 * member who flags in these tests.
 */
function toolsThread(forum: MockForum): Promise<ToolsThread> {
  return pick<ToolsThread>(
    forum,
    `select t.id, t.category_id as "categoryId", q.id as "questionId", m.pseudonym as asker
       from threads t join members m on m.id = t.author_id
       join posts q on q.thread_id = t.id and q.kind = 'question'
      where t.status = 'answered' and t.locale = 'fr' and t.merged_into_id is null and not t.needs_account
        and m.role = 'member' and lower(m.pseudonym) <> lower($1)
        and not exists (select 1 from private_conversations pc where pc.thread_id = t.id)
        and not exists (select 1 from staff_notes n where n.thread_id = t.id)
        and not exists (select 1 from audit_log a where a.target_type = 'thread' and a.target_id = t.id)
        and not exists (select 1 from post_flags f join posts p on p.id = f.post_id where p.thread_id = t.id)
        and not exists (select 1 from thread_handoffs h where h.thread_id = t.id)
      order by t.id limit 1`,
    [DEMO_PEOPLE.englishMember],
  );
}

const clientAs = (member: MockMember) => createEntraideClient({ baseUrl: '/api', token: member.token, retry: false });

/** The thread as its summary reads now (what the page would give the tools). */
async function summary(forum: MockForum, threadId: number): Promise<ThreadSummary> {
  return (await clientAs(await forum.member(DEMO_PEOPLE.moderator)).threads.get(threadId)).thread;
}

const postCount = async (forum: MockForum, threadId: number) =>
  (await pick<{ n: number }>(forum, 'select count(*)::int as n from posts where thread_id = $1', [threadId])).n;
const lastPost = (forum: MockForum, threadId: number) =>
  pick<{ kind: string; body: string }>(forum, 'select kind, body_md as body from posts where thread_id = $1 order by created_at desc, id desc limit 1', [threadId]);
const isHidden = async (forum: MockForum, postId: number) =>
  (await pick<{ hidden: boolean }>(forum, 'select hidden from posts where id = $1', [postId])).hidden;

async function mountTools(forum: MockForum, thread: ToolsThread, who: string, locale: 'fr' | 'en' = 'en') {
  const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${await summary(forum, thread.id)}></entraide-advisor-tools>`, { locale, as: await forum.member(who) });
  await waitForText(tools, locale === 'en' ? 'Moderation log' : 'Journal de modération');
  return tools;
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function openDialog(tools: Element): Promise<HTMLDialogElement> {
  await waitUntil(() => queryAllDeep<HTMLDialogElement>(tools, 'dialog').some((d) => d.open), 'no dialog opened', { timeout: 3000 });
  return queryAllDeep<HTMLDialogElement>(tools, 'dialog').find((d) => d.open)!;
}

const button = (tools: Element, action: string) => queryDeep<HTMLButtonElement>(tools, `button[data-action="${action}"]`)!;

/** Presses `action` from the keyboard, types `reason` in the dialog and confirms (Enter, or Ctrl+Enter in a multi-line field). */
async function confirmByKeyboard(tools: Element, action: string, reason: string, submit = 'Enter'): Promise<void> {
  button(tools, action).focus();
  await sendKeys({ press: 'Enter' });
  await openDialog(tools);
  if (reason) await sendKeys({ type: reason });
  const [modifier, key] = submit.includes('+') ? submit.split('+') : [undefined, submit];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  if (modifier) await sendKeys({ up: modifier });
  await waitUntil(() => !queryAllDeep<HTMLDialogElement>(tools, 'dialog').some((d) => d.open), 'the dialog stayed open');
}

describe('<entraide-advisor-tools>', () => {
  beforeEach(() => {
    window.xssRan = false;
  });

  it('renders nothing for a plain member or a guest', async () => {
    const forum = await mockForum();
    const thread = await summary(forum, (await toolsThread(forum)).id);
    const member = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${thread}></entraide-advisor-tools>`, { as: await forum.member(DEMO_PEOPLE.englishMember) });
    const guest = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${thread}></entraide-advisor-tools>`);

    expect(member.shadowRoot!.children.length).to.equal(0);
    expect(guest.shadowRoot!.children.length).to.equal(0);
    expect(textOf(member)).to.equal('');
  });

  it('shows every panel to an advisor, accessibly, in French', async () => {
    const forum = await mockForum();
    const tools = await mountTools(forum, await toolsThread(forum), DEMO_PEOPLE.technicalAdvisor, 'fr');
    await waitForText(tools, 'Aucune conversation privée pour cette discussion.');
    await waitForText(tools, 'Aucune note interne.');

    for (const heading of ['Outils conseiller', 'Modération', 'Signalements', 'Conversations privées', 'Notes internes', 'Journal de modération']) {
      expect(textOf(tools)).to.include(heading);
    }
    expect(textOf(tools)).to.include('Statut : Répondu');
    await expectAccessible(tools);
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    const forum = await mockForum();
    const thread = await summary(forum, (await toolsThread(forum)).id);
    const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${thread}></entraide-advisor-tools>`, { as: await forum.member(DEMO_PEOPLE.technicalAdvisor), locale: 'en', width: '360px' });
    await waitForText(tools, 'No staff note yet.');

    const panels = queryAllDeep(tools, '.panel');
    expect(panels.length).to.equal(5);
    expect(panels.every((panel) => panel.scrollWidth <= panel.clientWidth + 1)).to.equal(true);
    expect(tools.getBoundingClientRect().width).to.be.at.most(360);
  });

  it('appears under a thread for staff only, loaded on demand', async () => {
    const forum = await mockForum();
    const { id } = await toolsThread(forum);
    const staff = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { as: await forum.member(DEMO_PEOPLE.technicalAdvisor), locale: 'en' });
    const member = await mount<EntraideThread>(html`<entraide-thread thread-id=${id}></entraide-thread>`, { as: await forum.member(DEMO_PEOPLE.englishMember), locale: 'en' });
    await waitForDeep(member, 'entraide-post');
    const tools = await waitForDeep(staff, 'entraide-advisor-tools');

    await waitForText(tools, 'Advisor tools');
    expect(staff.shadowRoot!.querySelector('[part="advisor-tools"] + [part="reply"]')).to.not.equal(null);
    expect(member.shadowRoot!.querySelector('entraide-advisor-tools')).to.equal(null);
  });

  it('closes the thread from the keyboard with a reason, then undoes it', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);
    let moderated = 0;
    tools.addEventListener('entraide-thread-moderated', () => (moderated += 1));

    await confirmByKeyboard(tools, 'close', `Duplicate ${XSS}`);
    await waitForText(tools, 'Thread closed.');

    expect((await summary(forum, thread.id)).status).to.equal('closed');
    expect(textOf(tools)).to.include('Status: Closed');
    expect(moderated).to.equal(1);
    await waitForText(tools, 'closed the thread');
    await waitForText(tools, 'Status changed from “answered” to “closed”.');
    expect(textOf(tools)).to.include(`Reason: Duplicate ${XSS}`);
    expect(queryAllDeep(tools, 'img').length).to.equal(0);
    await waitUntil(() => deepActive()?.getAttribute('part') === 'undo', `focus is on ${describeNode(deepActive())}, not on undo`);

    queryDeep<HTMLButtonElement>(tools, '[part="undo"]')!.click();
    await waitForText(tools, 'Thread reopened.');
    // Reopening gives the status the posts call for: the asker's question has a reply.
    expect((await summary(forum, thread.id)).status).to.equal('answered');
    expect(window.xssRan).to.equal(false);
  });

  it('keeps Tab inside the dialog, cancels with Escape: nothing is sent and focus returns to the button', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.moderator);
    const { status } = await summary(forum, thread.id);
    button(tools, 'archive').focus();

    await sendKeys({ press: 'Enter' });
    const dialog = await openDialog(tools);
    expect(dialog.contains(deepActive())).to.equal(true);
    expect(deepActive()?.getAttribute('part')).to.equal('field');
    await expectAccessible(tools);
    for (const expected of ['confirm', 'cancel', 'field']) {
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('part')).to.equal(expected);
    }
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()?.getAttribute('part')).to.equal('cancel');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');

    expect((await summary(forum, thread.id)).status).to.equal(status);
    expect(deepActive()?.getAttribute('data-action')).to.equal('archive');
  });

  it('says why the server refused in a sentence of its own, with the server’s words as a detail', async () => {
    const forum = await mockForum({ failures: { closeThread: 409 } });
    const thread = await toolsThread(forum);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);

    await confirmByKeyboard(tools, 'close', '');

    await waitForText(tools, 'This action is not possible in the thread’s current state: reload it to see the latest changes.');
    const alert = queryAllDeep(tools, '[role="alert"]').find((node) => node.textContent.includes('current state'))!;
    expect(alert.querySelector('.detail')!.textContent).to.equal('Technical detail: Failure forced by the mocks (HTTP 409).');
    expect((await summary(forum, thread.id)).status).to.not.equal('closed');
  });

  it('moves the thread to the chosen category', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const target = await pick<{ id: number }>(forum, 'select id from categories where id <> $1 order by position, id limit 1', [thread.categoryId]);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);
    const select = await waitForDeep<HTMLSelectElement>(tools, `#move-category option[value="${target.id}"]`).then(() => queryDeep<HTMLSelectElement>(tools, '#move-category')!);

    select.value = String(target.id);
    await confirmByKeyboard(tools, 'move', 'Wrong category');

    await waitForText(tools, 'Thread moved to');
    expect((await summary(forum, thread.id)).categoryId).to.equal(target.id);
    // The log names the categories, not their ids.
    const names = await forum.db.query<{ id: number; name: string }>(`select id, name->>'en' as name from categories where id = any($1::int[])`, [[thread.categoryId, target.id]]);
    const name = (id: number) => names.find((row) => row.id === id)!.name;
    await waitForText(tools, `Moved from “${name(thread.categoryId)}” to “${name(target.id)}”.`);
  });

  it('merges into a thread picked from the keyboard', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const advisor = await forum.member(DEMO_PEOPLE.technicalAdvisor);
    // The thread the picker must offer first: the search's best hit that can take a merge.
    const { items } = await clientAs(advisor).search.forum({ q: 'Carte SIM', limit: 8 });
    const into = items.map((hit) => hit.thread).find((t) => t.id !== thread.id && t.mergedIntoId === undefined && t.status !== 'archived')!;
    expect(into, 'the demo has a thread about SIM cards to merge into').to.not.equal(undefined);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);
    queryDeep<HTMLInputElement>(tools, '[role="combobox"]')!.focus();

    await sendKeys({ type: 'Carte SIM' });
    await waitForDeep(tools, '[role="option"]');
    const input = queryDeep<HTMLInputElement>(tools, '[role="combobox"]')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal(into.title);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await confirmByKeyboard(tools, 'merge', '');

    await waitForText(tools, `Merged into “${into.title}”`);
    expect((await pick<{ into: number | null }>(forum, 'select merged_into_id as into from threads where id = $1', [thread.id])).into).to.equal(into.id);
    await expectAccessible(tools);
  });

  it('lists this thread’s flagged posts with their weights, hides one with a reason and restores it', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    await clientAs(await forum.member(DEMO_PEOPLE.englishMember)).posts.flag(thread.questionId, { reason: 'spam', note: `Pub ${XSS}` });
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.moderator);
    await waitForDeep(tools, '[part="flagged-post"]');

    expect(textOf(tools)).to.include(`Post by ${thread.asker}`);
    expect(textOf(tools)).to.include('Spam (weight');
    expect(textOf(tools)).to.include(`Pub ${XSS}`);
    await confirmByKeyboard(tools, 'hide', 'Advertising');

    await waitForText(tools, 'Post hidden.');
    expect(await isHidden(forum, thread.questionId)).to.equal(true);
    await waitUntil(() => !queryDeep(tools, '[part="flagged-post"]'), 'the decided post stayed in the queue');
    queryDeep<HTMLButtonElement>(tools, '[part="undo"]')!.click();
    await waitForText(tools, 'Post restored.');
    expect(await isHidden(forum, thread.questionId)).to.equal(false);
    expect(window.xssRan).to.equal(false);
  });

  it('hides a post it was given by id even when nobody flagged it', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${await summary(forum, thread.id)} post-id=${thread.questionId}></entraide-advisor-tools>`, { as: await forum.member(DEMO_PEOPLE.moderator), locale: 'en' });
    await waitForDeep(tools, '[part="selected-post"]');

    expect(textOf(queryDeep(tools, '[part="selected-post"]')!)).to.include(`Post #${thread.questionId}`);
    await confirmByKeyboard(tools, 'hide', 'Personal data');

    await waitForText(tools, 'Post hidden.');
    expect(await isHidden(forum, thread.questionId)).to.equal(true);
  });

  it('continues in private, writes, and closes with a public outcome', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);
    const before = await postCount(forum, thread.id);
    const open = await waitForDeep<HTMLButtonElement>(tools, '[part="open"]');

    open.focus();
    await sendKeys({ press: 'Enter' });
    await openDialog(tools);
    await sendKeys({ type: `Bonjour ${XSS}` });
    queryAllDeep<HTMLButtonElement>(tools, '[part="confirm"]').find((b) => b.closest('dialog')?.open)!.click();
    await waitForText(tools, 'Private conversation opened.');

    expect(await postCount(forum, thread.id)).to.equal(before + 1);
    expect((await lastPost(forum, thread.id)).kind).to.equal('trace');
    await waitForDeep(tools, '[part="messages"] li');
    expect(queryAllDeep(tools, '[part="messages"] img').length).to.equal(0);
    queryDeep<HTMLTextAreaElement>(tools, '#private-message')!.value = 'Pouvez-vous confirmer votre IBAN ?';
    button(tools, 'send').click();
    await waitForText(tools, 'Pouvez-vous confirmer votre IBAN ?');

    button(tools, 'close-private').click();
    await openDialog(tools);
    await sendKeys({ type: 'Remboursement effectué' });
    queryAllDeep<HTMLButtonElement>(tools, '[part="confirm"]').find((b) => b.closest('dialog')?.open)!.click();
    await waitForText(tools, 'Conversation closed; the outcome is posted.');
    expect((await lastPost(forum, thread.id)).body).to.include('Remboursement effectué');
    await waitForText(tools, `With ${thread.asker} — closed`);
    expect(window.xssRan).to.equal(false);
  });

  it('refuses to close a private conversation without an outcome', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    await clientAs(await forum.member(DEMO_PEOPLE.technicalAdvisor)).private.open(thread.id);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);
    (await waitForDeep<HTMLButtonElement>(tools, 'button[data-conversation]')).click();
    await waitForDeep(tools, '[data-action="close-private"]');

    button(tools, 'close-private').click();
    const dialog = await openDialog(tools);
    queryAllDeep<HTMLButtonElement>(tools, '[part="confirm"]').find((b) => b.closest('dialog') === dialog)!.click();
    await waitForText(tools, 'This field is required');

    expect(dialog.open).to.equal(true);
    expect(queryDeep(tools, '[part="field"][aria-invalid="true"]')).to.not.equal(undefined);
  });

  it('keeps private conversations from moderators but gives them notes', async () => {
    const forum = await mockForum();
    const tools = await mountTools(forum, await toolsThread(forum), DEMO_PEOPLE.moderator);
    await waitForText(tools, 'No staff note yet.');

    expect(textOf(tools)).to.not.include('Private conversations');
    expect(queryDeep(tools, '[data-action="handoff"]')).to.equal(undefined);
  });

  it('adds a staff note rendered by the server, scripts stripped', async () => {
    const forum = await mockForum();
    const tools = await mountTools(forum, await toolsThread(forum), DEMO_PEOPLE.technicalAdvisor);
    await waitForText(tools, 'No staff note yet.');

    queryDeep<HTMLTextAreaElement>(tools, '#note-body')!.value = `Client **fâché** ${XSS}`;
    button(tools, 'add-note').click();
    await waitForText(tools, 'Note added.');

    expect(queryDeep(tools, '[part="note"] strong')?.textContent).to.equal('fâché');
    expect(queryAllDeep(tools, '[part="note"] img, [part="note"] script').length).to.equal(0);
    expect(window.xssRan).to.equal(false);
  });

  // The mock forum has no back office to call (the server refuses a hand-off unless
  // ENTRAIDE_HANDOFF_WEBHOOK_URL is set): the element shows that refusal, and a case recorded
  // earlier shows its reference.
  it('hands off to the back office and shows the case reference, with a public trace', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor);

    await confirmByKeyboard(tools, 'handoff', 'Remboursement du double prélèvement', 'Control+Enter');

    await waitForText(tools, 'Case opened: BO-004201');
    await waitForText(tools, 'handed off to the back office');
    const [last] = await forum.db.query<{ kind: string }>('select kind from posts where thread_id = $1 order by id desc limit 1', [thread.id]);
    expect(last!.kind).to.equal('trace');
  });

  it('says in French that no back office is connected, the configuration only as a detail, and writes nothing', async () => {
    const forum = await mockForum({ backOffice: false });
    const thread = await toolsThread(forum);
    const before = await postCount(forum, thread.id);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor, 'fr');

    await confirmByKeyboard(tools, 'handoff', 'Remboursement du double prélèvement', 'Control+Enter');

    await waitForText(tools, 'Aucun back-office n’est relié à ce forum : demandez à l’administrateur technique de le configurer.');
    const alert = queryAllDeep(tools, '[role="alert"]').find((node) => node.textContent.includes('back-office'))!;
    const detail = alert.querySelector('.detail')!.textContent;
    expect(detail).to.match(/^Détail technique : No back office is configured: set ENTRAIDE_HANDOFF_WEBHOOK_URL/);
    expect(alert.textContent.replace(detail, '')).to.not.contain('ENTRAIDE_');
    expect(await postCount(forum, thread.id)).to.equal(before);
    expect(queryDeep(tools, '[part="handoff"] .chip')).to.equal(undefined);
  });

  it('lists the audit entries of the thread, newest first, in French', async () => {
    const forum = await mockForum();
    const thread = await toolsThread(forum);
    const staff = clientAs(await forum.member(DEMO_PEOPLE.moderator));
    await staff.threads.close(thread.id, { reason: 'Doublon' });
    await staff.threads.reopen(thread.id);
    const tools = await mountTools(forum, thread, DEMO_PEOPLE.technicalAdvisor, 'fr');
    await waitForDeep(tools, '[part="entry"]');

    const actions = queryAllDeep(tools, '[part="entry"]').map((entry) => entry.getAttribute('data-action'));
    expect(actions).to.deep.equal(['thread.reopen', 'thread.close']);
    expect(textOf(tools)).to.include('Motif : Doublon');
    expect(textOf(tools)).to.include('Statut passé de « fermée » à « répondue ».');
    expect(textOf(tools)).to.not.include('status:');
    await expectAccessible(tools);
    expect(queryDeep(tools, '[part="entry"] time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
  });
});
