/** <entraide-agent-quality>: the managers' monthly sample of advisor posts, scored on a rubric. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { EntraideAgentQuality } from '../../src/components/agent-quality/agent-quality.ts';
import '../../src/components/agent-quality/agent-quality.ts';
import { hashLinks } from '../../src/components/internal/context.ts';
import { defaultFixtures, type MockForum, type MockForumOptions } from '../../src/mocks/index.ts';
import { expectAccessible, MEMBERS, mockForum, mount, textOf, useMockWorker, worker, watchMarkupParsing } from './helpers.ts';

declare global {
  interface Window {
    qualityXss?: number;
  }
}

const NOW = new Date('2026-11-24T10:00:00Z');
const XSS = '<img src=x onerror="window.qualityXss=1">';
/** Léa's only public reply of November 2026 in the fixtures (thread 1). */
const LEA_POST = 3;

const $ = <E extends Element = HTMLElement>(el: EntraideAgentQuality, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAgentQuality, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const item = (el: EntraideAgentQuality, postId: number) => $(el, `[part="item"][data-post="${postId}"]`)!;

function forumWith(options: { julie?: string; failures?: MockForumOptions['failures'] } = {}): MockForum {
  const fixtures = defaultFixtures();
  if (options.julie) fixtures.members.find((member) => member.id === MEMBERS.julie)!.pseudonym = options.julie;
  return mockForum({ fixtures, now: () => NOW, failures: options.failures });
}

async function mountQuality(forum: MockForum, memberId: number, locale: 'fr' | 'en' = 'en') {
  const el = await mount<EntraideAgentQuality>(html`<entraide-agent-quality month="2026-11"></entraide-agent-quality>`, { locale, as: { forum, memberId } });
  await waitUntil(() => $(el, '[part="advisor"], [part="error"], [part="refused"], [part="empty"]'), 'the review never loaded', { timeout: 3000 });
  return el;
}

function score(el: EntraideAgentQuality, postId: number, criterion: string, value: number): void {
  item(el, postId).querySelector<HTMLInputElement>(`input[name="${criterion}-${postId}"][value="${value}"]`)!.click();
}

describe('<entraide-agent-quality>', () => {
  useMockWorker();

  it('shows each advisor’s sampled posts with their thread and an empty rubric', async () => {
    const el = await mountQuality(forumWith(), MEMBERS.modo);

    const sections = $$(el, '[part="advisor"]').map((section) => section.querySelector('h3')!.textContent);
    expect(sections).to.have.length(2);
    expect(textOf(item(el, LEA_POST))).to.contain('réinitialisation des paramètres réseau');
    expect(item(el, LEA_POST).querySelector('h4 a')!.getAttribute('href')).to.equal(hashLinks.href({ name: 'thread', threadId: 1, postId: LEA_POST }));
    expect(item(el, LEA_POST).querySelector('[part="average"]')!.textContent).to.equal('Not scored yet.');
    expect(item(el, LEA_POST).querySelectorAll('[part="criterion"]')).to.have.length(4);
    expect(textOf(el)).to.contain('No public reply this month.');
    await expectAccessible(el);
  });

  it('saves a rubric from the keyboard and shows its average, kept on the next load', async () => {
    const forum = forumWith();
    const el = await mountQuality(forum, MEMBERS.modo);
    const first = item(el, LEA_POST).querySelector<HTMLInputElement>(`input[name="accuracy-${LEA_POST}"][value="1"]`)!;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    score(el, LEA_POST, 'clarity', 3);
    score(el, LEA_POST, 'tone', 4);
    score(el, LEA_POST, 'involvement', 2);
    await el.updateComplete;
    const save = item(el, LEA_POST).querySelector<HTMLButtonElement>('[part="save"]')!;
    expect(save.disabled).to.equal(false);
    save.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => item(el, LEA_POST).querySelector('[part="average"]')!.textContent.startsWith('Average'), 'no average was shown');
    expect(item(el, LEA_POST).querySelector('[part="average"]')!.textContent).to.equal(`Average: 3.3 / 4 (scored by ${forum.store.author(MEMBERS.modo).pseudonym})`);

    const again = await mountQuality(forum, MEMBERS.modo, 'fr');
    expect(item(again, LEA_POST).querySelector('[part="average"]')!.textContent).to.contain('Moyenne : 3,3 / 4');
    expect(item(again, LEA_POST).querySelector<HTMLInputElement>(`input[name="accuracy-${LEA_POST}"][value="4"]`)!.checked).to.equal(true);
  });

  it('shows a refused save at its rubric', async () => {
    const el = await mountQuality(forumWith(), MEMBERS.modo);
    worker.use(http.put('/api/agent/review-sample/:postId/rubric', () =>
      HttpResponse.json({ error: { code: 'validation_failed', message: 'Only advisors’ public replies are reviewed.' } }, { status: 400 })));
    for (const criterion of ['accuracy', 'clarity', 'tone', 'involvement']) score(el, LEA_POST, criterion, 2);
    await el.updateComplete;
    item(el, LEA_POST).querySelector<HTMLButtonElement>('[part="save"]')!.click();

    await waitUntil(() => item(el, LEA_POST).querySelector('[part="rubric-error"]'), 'the refusal was not shown');
    expect(item(el, LEA_POST).querySelector('[part="rubric-error"]')!.textContent).to.contain('Only advisors’ public replies are reviewed.');
    expect(item(el, LEA_POST).querySelector('[part="average"]')!.textContent).to.equal('Not scored yet.');
  });

  it('tells advisors the review is for managers, in their language', async () => {
    const forum = forumWith();
    const en = await mountQuality(forum, MEMBERS.lea);
    expect($(en, '[part="refused"]')!.textContent).to.equal('The quality review is for managers only.');
    const fr = await mountQuality(forum, MEMBERS.julie, 'fr');
    expect($(fr, '[part="refused"]')!.textContent).to.equal('La revue qualité est réservée aux managers.');
    await expectAccessible(fr);
  });

  it('offers a retry when loading fails, and an empty month says so', async () => {
    const forum = forumWith({ failures: { getReviewSample: 500 } });
    const el = await mountQuality(forum, MEMBERS.modo, 'fr');
    expect($(el, '[part="error"]')!.textContent).to.contain('Le chargement a échoué.');

    delete forum.failures.getReviewSample;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, '[part="advisor"]'), 'the retry did not load the sample');
    el.month = '2026-01';
    await waitUntil(() => $$(el, '[part="item"]').length === 0 && $(el, '[part="advisor"]'), 'the other month did not load');
    expect(textOf(el)).to.contain('Aucune réponse publique ce mois-ci.');
  });

  it('never runs markup from post bodies or pseudonyms', async () => {
    const parsed = watchMarkupParsing();
    const forum = forumWith({ julie: XSS });
    forum.store.addPost(1, MEMBERS.julie, `Bonjour ${XSS} <script>window.qualityXss=2</script>`, 'reply');
    const el = await mountQuality(forum, MEMBERS.modo);

    expect(textOf(el)).to.contain(XSS);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect(window.qualityXss).to.equal(undefined);
  });
});
