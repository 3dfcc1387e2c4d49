/** <entraide-agent-quality>: the managers' monthly sample of advisor posts, scored on a rubric. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EntraideAgentQuality } from '../../src/components/agent-quality/agent-quality.ts';
import '../../src/components/agent-quality/agent-quality.ts';
import { hashLinks } from '../../src/components/internal/context.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import { DEMO_PEOPLE, expectAccessible, mockForum, mount, pick, textOf, watchMarkupParsing, type MockForum } from './helpers.ts';

declare global {
  interface Window {
    qualityXss?: number;
  }
}

const XSS = '<img src=x onerror="window.qualityXss=1">';

const $ = <E extends Element = HTMLElement>(el: EntraideAgentQuality, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: EntraideAgentQuality, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const item = (el: EntraideAgentQuality, postId: number) => $(el, `[part="item"][data-post="${postId}"]`)!;

const monthBounds = (month: string) => {
  const start = new Date(`${month}-01T00:00:00Z`);
  return [start, new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))] as const;
};

/** The latest month in which both demo advisors replied publicly at least three times. */
async function reviewedMonth(forum: MockForum): Promise<string> {
  const { month } = await pick<{ month: string }>(
    forum,
    `select to_char(p.created_at at time zone 'UTC', 'YYYY-MM') as month from posts p join members m on m.id = p.author_id
      where m.role = 'advisor' and p.kind = 'reply' and not p.hidden
      group by 1 having count(*) filter (where m.pseudonym = $1) >= 3 and count(*) filter (where m.pseudonym = $2) >= 3
      order by 1 desc limit 1`,
    [DEMO_PEOPLE.technicalAdvisor, DEMO_PEOPLE.commercialAdvisor],
  );
  return month;
}

/** The month before the demo's first post: no advisor replied in it. */
async function monthBeforeTheDemo(forum: MockForum): Promise<string> {
  const { month } = await pick<{ month: string }>(forum, `select to_char((min(created_at) at time zone 'UTC') - interval '1 month', 'YYYY-MM') as month from posts`);
  return month;
}

interface Sampled {
  month: string;
  postId: number;
  threadId: number;
  threadTitle: string;
  /** The reply's text as a reader sees it. */
  text: string;
}

/** The technical advisor's first reply in the month's sample, as the server draws it for a manager. */
async function sampledReply(forum: MockForum, month: string): Promise<Sampled> {
  const manager = createEntraideClient({ baseUrl: '/api', token: (await forum.member(DEMO_PEOPLE.moderator)).token, retry: false });
  const sample = await manager.qualityReview.sample(month);
  const first = sample.advisors.find((entry) => entry.advisor.pseudonym === DEMO_PEOPLE.technicalAdvisor)?.items[0];
  if (!first) throw new Error(`no sampled reply of ${DEMO_PEOPLE.technicalAdvisor} in ${month}`);
  const body = document.createElement('template');
  body.innerHTML = first.post.bodyHtml;
  return { month, postId: first.post.id, threadId: first.threadId, threadTitle: first.threadTitle, text: body.content.textContent.replace(/\s+/g, ' ').trim() };
}

async function mountQuality(forum: MockForum, pseudonym: string, month: string, locale: 'fr' | 'en' = 'en') {
  const el = await mount<EntraideAgentQuality>(html`<entraide-agent-quality month=${month}></entraide-agent-quality>`, { locale, as: await forum.member(pseudonym) });
  await waitUntil(() => $(el, '[part="advisor"], [part="error"], [part="refused"], [part="empty"]'), 'the review never loaded', { timeout: 3000 });
  return el;
}

function score(el: EntraideAgentQuality, postId: number, criterion: string, value: number): void {
  item(el, postId).querySelector<HTMLInputElement>(`input[name="${criterion}-${postId}"][value="${value}"]`)!.click();
}

describe('<entraide-agent-quality>', () => {
  it('shows each advisor’s sampled posts with their thread and an empty rubric', async () => {
    const forum = await mockForum();
    const month = await reviewedMonth(forum);
    const reply = await sampledReply(forum, month);
    // A member who joined the advisors and has not replied publicly in the month yet.
    const [start, end] = monthBounds(month);
    const newcomer = await pick<{ id: number }>(
      forum,
      `select m.id from members m where m.role = 'member' and not exists (
         select 1 from posts p where p.author_id = m.id and p.kind = 'reply' and p.created_at >= $1 and p.created_at < $2) order by m.id limit 1`,
      [start, end],
    );
    await forum.db.query(`update members set role = 'advisor', team = 'technical' where id = $1`, [newcomer.id]);
    const advisors = await forum.db.query<{ pseudonym: string }>(`select pseudonym from members where role = 'advisor' order by pseudonym, id`);
    const el = await mountQuality(forum, DEMO_PEOPLE.moderator, month);

    const sections = $$(el, '[part="advisor"]').map((section) => section.querySelector('h3')!.textContent);
    expect(sections).to.deep.equal(advisors.map((advisor) => advisor.pseudonym));
    expect(sections).to.have.length(3);
    expect(textOf(item(el, reply.postId))).to.contain(reply.threadTitle);
    expect(item(el, reply.postId).querySelector('[part="body"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(reply.text);
    expect(item(el, reply.postId).querySelector('h4 a')!.getAttribute('href')).to.equal(hashLinks.href({ name: 'thread', threadId: reply.threadId, postId: reply.postId }));
    expect(item(el, reply.postId).querySelector('[part="average"]')!.textContent).to.equal('Not scored yet.');
    expect(item(el, reply.postId).querySelectorAll('[part="criterion"]')).to.have.length(4);
    expect(textOf(el)).to.contain('No public reply this month.');
    await expectAccessible(el);
  });

  it('saves a rubric from the keyboard and shows its average, kept on the next load', async () => {
    const forum = await mockForum();
    const { month, postId } = await sampledReply(forum, await reviewedMonth(forum));
    const el = await mountQuality(forum, DEMO_PEOPLE.moderator, month);
    const first = item(el, postId).querySelector<HTMLInputElement>(`input[name="accuracy-${postId}"][value="1"]`)!;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    score(el, postId, 'clarity', 3);
    score(el, postId, 'tone', 4);
    score(el, postId, 'involvement', 2);
    await el.updateComplete;
    const save = item(el, postId).querySelector<HTMLButtonElement>('[part="save"]')!;
    expect(save.disabled).to.equal(false);
    save.focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => item(el, postId).querySelector('[part="average"]')!.textContent.startsWith('Average'), 'no average was shown', { timeout: 3000 });
    expect(item(el, postId).querySelector('[part="average"]')!.textContent).to.equal(`Average: 3.3 / 4 (scored by ${DEMO_PEOPLE.moderator})`);

    const again = await mountQuality(forum, DEMO_PEOPLE.moderator, month, 'fr');
    expect(item(again, postId).querySelector('[part="average"]')!.textContent).to.contain('Moyenne : 3,3 / 4');
    expect(item(again, postId).querySelector<HTMLInputElement>(`input[name="accuracy-${postId}"][value="4"]`)!.checked).to.equal(true);
  });

  it('shows a refused save at its rubric', async () => {
    const forum = await mockForum();
    const { month, postId } = await sampledReply(forum, await reviewedMonth(forum));
    const el = await mountQuality(forum, DEMO_PEOPLE.moderator, month);
    // The advisor left the team after the sample loaded: the server no longer reviews their replies.
    await forum.db.query(`update members set role = 'member', team = null where pseudonym = $1`, [DEMO_PEOPLE.technicalAdvisor]);
    for (const criterion of ['accuracy', 'clarity', 'tone', 'involvement']) score(el, postId, criterion, 2);
    await el.updateComplete;
    item(el, postId).querySelector<HTMLButtonElement>('[part="save"]')!.click();

    await waitUntil(() => item(el, postId).querySelector('[part="rubric-error"]'), 'the refusal was not shown', { timeout: 3000 });
    expect(item(el, postId).querySelector('[part="rubric-error"]')!.textContent).to.contain('Only advisors’ public replies are reviewed.');
    expect(item(el, postId).querySelector('[part="average"]')!.textContent).to.equal('Not scored yet.');
  });

  it('tells advisors the review is for managers, in their language', async () => {
    const forum = await mockForum();
    const month = await reviewedMonth(forum);
    const en = await mountQuality(forum, DEMO_PEOPLE.technicalAdvisor, month);
    expect($(en, '[part="refused"]')!.textContent).to.equal('The quality review is for managers only.');
    const fr = await mountQuality(forum, DEMO_PEOPLE.commercialAdvisor, month, 'fr');
    expect($(fr, '[part="refused"]')!.textContent).to.equal('La revue qualité est réservée aux managers.');
    await expectAccessible(fr);
  });

  it('offers a retry when loading fails, and an empty month says so', async () => {
    const forum = await mockForum({ failures: { getReviewSample: 500 } });
    const month = await reviewedMonth(forum);
    const empty = await monthBeforeTheDemo(forum);
    const el = await mountQuality(forum, DEMO_PEOPLE.moderator, month, 'fr');
    expect($(el, '[part="error"]')!.textContent).to.contain('Le chargement a échoué.');

    delete forum.failures.getReviewSample;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $$(el, '[part="item"]').length > 0, 'the retry did not load the sample', { timeout: 3000 });
    el.month = empty;
    await waitUntil(() => $$(el, '[part="item"]').length === 0 && $(el, '[part="advisor"]'), 'the other month did not load', { timeout: 3000 });
    expect(textOf(el)).to.contain('Aucune réponse publique ce mois-ci.');
  });

  it('never runs markup from post bodies or pseudonyms', async () => {
    const parsed = watchMarkupParsing();
    const forum = await mockForum();
    // The commercial advisor replies with markup, under a pseudonym made of markup (no API lets a pseudonym hold it).
    const julie = await forum.member(DEMO_PEOPLE.commercialAdvisor);
    const thread = await pick<{ id: number }>(forum, `select id from threads where status = 'open' and merged_into_id is null order by id limit 1`);
    const reply = await createEntraideClient({ baseUrl: '/api', token: julie.token, retry: false }).posts.reply(thread.id, { body: `Bonjour ${XSS} <script>window.qualityXss=2</script>` });
    await forum.db.query('update members set pseudonym = $1 where id = $2', [XSS, julie.id]);
    // Dated in a month without any other advisor reply, so that the sample is this reply.
    const month = await monthBeforeTheDemo(forum);
    await forum.db.query('update posts set created_at = $1 where id = $2', [new Date(`${month}-15T10:00:00Z`), reply.id]);
    const el = await mountQuality(forum, DEMO_PEOPLE.moderator, month);
    expect($$(el, '[part="item"]').map((article) => Number(article.dataset.post))).to.deep.equal([reply.id]);

    expect(textOf(el)).to.contain(XSS);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(parsed, 'hostile markup parsed into live nodes').to.deep.equal([]);
    expect(window.qualityXss).to.equal(undefined);
  });
});
