import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAdvisorTools } from '../../src/components/advisor-tools/advisor-tools.ts';
import '../../src/components/advisor-tools/advisor-tools.ts';
import type { EntraideThread } from '../../src/components/thread/thread.ts';
import '../../src/components/thread/thread.ts';
import type { MockForum } from '../../src/mocks/index.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { MEMBERS, describeNode, expectAccessible, mockForum, mount, queryAllDeep, queryDeep, textOf, useMockWorker, waitForDeep, waitForText } from './helpers.ts';

useMockWorker();

declare global {
  interface Window {
    xssRan?: boolean;
  }
}

const XSS = '<img src=x onerror="window.xssRan=true"><script>window.xssRan=true</script>';
/** Thread 3: "Double prélèvement ce mois-ci", open, asked by rosier, in category 2. */
const THREAD = 3;

async function mountTools(forum: MockForum, memberId: number, locale: 'fr' | 'en' = 'en', threadId = THREAD) {
  const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${forum.store.summary(threadId)}></entraide-advisor-tools>`, { locale, as: { forum, memberId } });
  await waitForText(tools, locale === 'en' ? 'Moderation log' : 'Journal de modération');
  return tools;
}

const clientAs = (forum: MockForum, memberId: number) => createEntraideClient({ baseUrl: '/api', token: forum.store.tokenFor(memberId), retry: false });

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
    const forum = mockForum();
    const member = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${forum.store.summary(THREAD)}></entraide-advisor-tools>`, { as: { forum, memberId: MEMBERS.sam } });
    const guest = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${forum.store.summary(THREAD)}></entraide-advisor-tools>`);

    expect(member.shadowRoot!.children.length).to.equal(0);
    expect(guest.shadowRoot!.children.length).to.equal(0);
    expect(textOf(member)).to.equal('');
  });

  it('shows every panel to an advisor, accessibly, in French', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea, 'fr');
    await waitForText(tools, 'Aucune conversation privée pour cette discussion.');
    await waitForText(tools, 'Aucune note interne.');

    for (const heading of ['Outils conseiller', 'Modération', 'Signalements', 'Conversations privées', 'Notes internes', 'Journal de modération']) {
      expect(textOf(tools)).to.include(heading);
    }
    expect(textOf(tools)).to.include('Statut : Ouvert');
    await expectAccessible(tools);
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    const forum = mockForum();
    const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${forum.store.summary(THREAD)}></entraide-advisor-tools>`, { as: { forum, memberId: MEMBERS.lea }, locale: 'en', width: '360px' });
    await waitForText(tools, 'No staff note yet.');

    const panels = queryAllDeep(tools, '.panel');
    expect(panels.length).to.equal(5);
    expect(panels.every((panel) => panel.scrollWidth <= panel.clientWidth + 1)).to.equal(true);
    expect(tools.getBoundingClientRect().width).to.be.at.most(360);
  });

  it('appears under a thread for staff only, loaded on demand', async () => {
    const forum = mockForum();
    const staff = await mount<EntraideThread>(html`<entraide-thread thread-id=${THREAD}></entraide-thread>`, { as: { forum, memberId: MEMBERS.lea }, locale: 'en' });
    const member = await mount<EntraideThread>(html`<entraide-thread thread-id=${THREAD}></entraide-thread>`, { as: { forum, memberId: MEMBERS.sam }, locale: 'en' });
    await waitForDeep(member, 'entraide-post');
    const tools = await waitForDeep(staff, 'entraide-advisor-tools');

    await waitForText(tools, 'Advisor tools');
    expect(staff.shadowRoot!.querySelector('[part="advisor-tools"] + [part="reply"]')).to.not.equal(null);
    expect(member.shadowRoot!.querySelector('entraide-advisor-tools')).to.equal(null);
  });

  it('closes the thread from the keyboard with a reason, then undoes it', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea);
    let moderated = 0;
    tools.addEventListener('entraide-thread-moderated', () => (moderated += 1));

    await confirmByKeyboard(tools, 'close', `Duplicate ${XSS}`);
    await waitForText(tools, 'Thread closed.');

    expect(forum.store.summary(THREAD).status).to.equal('closed');
    expect(textOf(tools)).to.include('Status: Closed');
    expect(moderated).to.equal(1);
    await waitForText(tools, 'closed the thread');
    await waitForText(tools, 'status: open → closed');
    expect(textOf(tools)).to.include(`Reason: Duplicate ${XSS}`);
    expect(queryAllDeep(tools, 'img').length).to.equal(0);
    await waitUntil(() => deepActive()?.getAttribute('part') === 'undo', `focus is on ${describeNode(deepActive())}, not on undo`);

    queryDeep<HTMLButtonElement>(tools, '[part="undo"]')!.click();
    await waitForText(tools, 'Thread reopened.');
    // Reopening gives the status the posts call for: the asker's question has a reply.
    expect(forum.store.summary(THREAD).status).to.equal('answered');
    expect(window.xssRan).to.equal(false);
  });

  it('keeps Tab inside the dialog, cancels with Escape: nothing is sent and focus returns to the button', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.modo);
    const status = forum.store.summary(THREAD).status;
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

    expect(forum.store.summary(THREAD).status).to.equal(status);
    expect(deepActive()?.getAttribute('data-action')).to.equal('archive');
  });

  it('shows the server’s message when it refuses', async () => {
    const forum = mockForum({ failures: { closeThread: 409 } });
    const tools = await mountTools(forum, MEMBERS.lea);

    await confirmByKeyboard(tools, 'close', '');

    await waitForText(tools, 'The server refused: Forced failure (HTTP 409).');
    expect(queryAllDeep(tools, '[role="alert"]').length).to.be.greaterThan(0);
    expect(forum.store.summary(THREAD).status).to.not.equal('closed');
  });

  it('moves the thread to the chosen category', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea);
    const select = await waitForDeep<HTMLSelectElement>(tools, '#move-category option[value="1"]').then(() => queryDeep<HTMLSelectElement>(tools, '#move-category')!);

    select.value = '1';
    await confirmByKeyboard(tools, 'move', 'Wrong category');

    await waitForText(tools, 'Thread moved to');
    expect(forum.store.summary(THREAD).categoryId).to.equal(1);
  });

  it('merges into a thread picked from the keyboard', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea);
    queryDeep<HTMLInputElement>(tools, '[role="combobox"]')!.focus();

    await sendKeys({ type: 'Carte SIM' });
    await waitForDeep(tools, '[role="option"]');
    const input = queryDeep<HTMLInputElement>(tools, '[role="combobox"]')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'Enter' });
    expect(input.value).to.equal('Carte SIM reçue mais toujours pas activée');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await confirmByKeyboard(tools, 'merge', '');

    await waitForText(tools, 'Merged into “Carte SIM reçue mais toujours pas activée”');
    expect(forum.store.threadRecord(THREAD).mergedIntoId).to.equal(4);
    await expectAccessible(tools);
  });

  it('lists this thread’s flagged posts with their weights, hides one with a reason and restores it', async () => {
    const forum = mockForum();
    await clientAs(forum, MEMBERS.sam).posts.flag(7, { reason: 'spam', note: `Pub ${XSS}` });
    const tools = await mountTools(forum, MEMBERS.modo);
    await waitForDeep(tools, '[part="flagged-post"]');

    expect(textOf(tools)).to.include('Post by rosier');
    expect(textOf(tools)).to.include('Spam (weight');
    expect(textOf(tools)).to.include(`Pub ${XSS}`);
    await confirmByKeyboard(tools, 'hide', 'Advertising');

    await waitForText(tools, 'Post hidden.');
    expect(forum.store.storedPost(7).hidden).to.equal(true);
    await waitUntil(() => !queryDeep(tools, '[part="flagged-post"]'), 'the decided post stayed in the queue');
    queryDeep<HTMLButtonElement>(tools, '[part="undo"]')!.click();
    await waitForText(tools, 'Post restored.');
    expect(forum.store.storedPost(7).hidden).to.equal(false);
    expect(window.xssRan).to.equal(false);
  });

  it('hides a post it was given by id even when nobody flagged it', async () => {
    const forum = mockForum();
    const tools = await mount<EntraideAdvisorTools>(html`<entraide-advisor-tools .thread=${forum.store.summary(THREAD)} post-id="7"></entraide-advisor-tools>`, { as: { forum, memberId: MEMBERS.modo }, locale: 'en' });
    await waitForDeep(tools, '[part="selected-post"]');

    expect(textOf(queryDeep(tools, '[part="selected-post"]')!)).to.include('Post #7');
    await confirmByKeyboard(tools, 'hide', 'Personal data');

    await waitForText(tools, 'Post hidden.');
    expect(forum.store.storedPost(7).hidden).to.equal(true);
  });

  it('continues in private, writes, and closes with a public outcome', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea);
    const before = forum.store.postsOf(THREAD).length;
    const open = await waitForDeep<HTMLButtonElement>(tools, '[part="open"]');

    open.focus();
    await sendKeys({ press: 'Enter' });
    await openDialog(tools);
    await sendKeys({ type: `Bonjour ${XSS}` });
    queryAllDeep<HTMLButtonElement>(tools, '[part="confirm"]').find((b) => b.closest('dialog')?.open)!.click();
    await waitForText(tools, 'Private conversation opened.');

    expect(forum.store.postsOf(THREAD).length).to.equal(before + 1);
    expect(forum.store.postsOf(THREAD).at(-1)!.kind).to.equal('trace');
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
    expect(forum.store.postsOf(THREAD).at(-1)!.body).to.include('Remboursement effectué');
    await waitForText(tools, 'With rosier — closed');
    expect(window.xssRan).to.equal(false);
  });

  it('refuses to close a private conversation without an outcome', async () => {
    const forum = mockForum();
    await clientAs(forum, MEMBERS.lea).private.open(THREAD);
    const tools = await mountTools(forum, MEMBERS.lea);
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
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.modo);
    await waitForText(tools, 'No staff note yet.');

    expect(textOf(tools)).to.not.include('Private conversations');
    expect(queryDeep(tools, '[data-action="handoff"]')).to.equal(undefined);
  });

  it('adds a staff note rendered by the server, scripts stripped', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea);
    await waitForText(tools, 'No staff note yet.');

    queryDeep<HTMLTextAreaElement>(tools, '#note-body')!.value = `Client **fâché** ${XSS}`;
    button(tools, 'add-note').click();
    await waitForText(tools, 'Note added.');

    expect(queryDeep(tools, '[part="note"] strong')?.textContent).to.equal('fâché');
    expect(queryAllDeep(tools, '[part="note"] img, [part="note"] script').length).to.equal(0);
    expect(window.xssRan).to.equal(false);
  });

  it('hands off to the back office and shows the case reference', async () => {
    const forum = mockForum();
    const tools = await mountTools(forum, MEMBERS.lea);

    await confirmByKeyboard(tools, 'handoff', 'Remboursement du double prélèvement', 'Control+Enter');

    await waitForText(tools, 'Case opened: BO-004201');
    await waitForText(tools, 'handed off to the back office');
    expect(forum.store.postsOf(THREAD).at(-1)!.kind).to.equal('trace');
  });

  it('lists the audit entries of the thread, newest first, in French', async () => {
    const forum = mockForum();
    const staff = clientAs(forum, MEMBERS.modo);
    await staff.threads.close(THREAD, { reason: 'Doublon' });
    await staff.threads.reopen(THREAD);
    const tools = await mountTools(forum, MEMBERS.lea, 'fr');
    await waitForDeep(tools, '[part="entry"]');

    const actions = queryAllDeep(tools, '[part="entry"]').map((entry) => entry.getAttribute('data-action'));
    expect(actions).to.deep.equal(['thread.reopen', 'thread.close']);
    expect(textOf(tools)).to.include('Motif : Doublon');
    expect(textOf(tools)).to.include('status: closed → answered');
    expect(queryDeep(tools, '[part="entry"] time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
  });
});
