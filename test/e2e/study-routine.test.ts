/**
 * The field study's routine (§27–§33) played in the real demo, one browser context per person:
 * a member asks in "Offres et options", another member answers within minutes, the holdback
 * passes, the commercial advisor Julie-Volta confirms and credits the member and links an FAQ
 * article — after her colleague Karim-Volta reviewed and approved the draft in his console —
 * the asker accepts the member's answer, and the metrics count a community answer.
 *
 * The holdback really passes: before the server starts, the test seeds the demo on its own data
 * directory and sets the category's `holdback_minutes` to 1 through SQL (the column is the
 * product's own per-category setting; PGlite allows one process at a time, so this is done
 * before the server opens the directory). The test then waits that minute out.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AdvisorQueue, Metrics, QueueItem } from '../../src/contract/areas/advisor.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { seedDemoCommunity } from '../../src/domain/seed/index.ts';
import { CHROMIUM_ARGS, startDemoServer } from './demo-server.ts';

const CATEGORY_SLUG = 'offres-options';
const CATEGORY_NAME = 'Offres et options';
const HOLDBACK_MINUTES = 1;
const ADVISOR = 'Julie-Volta';
/** The technical advisor Julie asks to check her reply before it goes public (§44, §52). */
const REVIEWER = 'Karim-Volta';
const TOKEN_KEY = 'entraide-demo-token';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-routine-'));
let server: { child: ChildProcess; url: string } | undefined;
let browser: Browser;
let categoryId: number;

/** Seeds the demo and shortens this category's holdback while no server holds the directory. */
async function prepareData(): Promise<number> {
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
    await seedDemoCommunity(db);
    const rows = await db.query<{ id: number }>('update categories set holdback_minutes = $1 where slug = $2 returning id', [HOLDBACK_MINUTES, CATEGORY_SLUG]);
    assert.equal(rows.length, 1, `the demo has a "${CATEGORY_SLUG}" category`);
    return rows[0]!.id;
  } finally {
    await db.close();
  }
}

const startServer = () => startDemoServer(dataDir);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  assert.ok(existsSync('dist/demo/index.html'), 'build the demo page first: npm run build:web');
  categoryId = await prepareData();
  server = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (server) {
    const { child } = server;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** A person of the routine: their own browser context (own storage), page errors collected. */
async function personPage(): Promise<Page & { problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = Object.assign(await context.newPage(), { problems: [] as string[] });
  page.on('pageerror', (error) => page.problems.push(error.message));
  page.on('dialog', (dialog) => {
    page.problems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

/** The demo brand's sign-in: the forum asks, the brand's picker lists members; returns the pseudonym. */
async function signIn(page: Page, pick: (page: Page) => ReturnType<Page['locator']>): Promise<string> {
  await page.getByRole('button', { name: 'Se connecter' }).first().click();
  await page.locator('#demo-members button').first().waitFor();
  const button = pick(page);
  const pseudonym = (await button.locator('strong').textContent())?.trim() ?? '';
  await button.click();
  await page.locator('#brand-session').getByText(pseudonym, { exact: true }).waitFor();
  return pseudonym;
}

async function api<T>(token: string, path: string): Promise<T> {
  const response = await fetch(`${server!.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `${path} answers 200`);
  return (await response.json()) as T;
}

async function queueItem(token: string, threadId: number): Promise<QueueItem | undefined> {
  const queue = await api<AdvisorQueue>(token, `/agent/queue?categoryId=${categoryId}&limit=200`);
  return queue.items.find((item) => item.thread.id === threadId);
}

const threadIdOf = (page: Page) => Number(/#\/t\/(\d+)/.exec(page.url())?.[1]);

describe('the study routine in the demo: community first, then the advisor confirms and credits', { timeout: 600_000 }, () => {
  let startedAt: Date;
  const title = `Pass data pour les vacances : valable combien de temps ? ${Date.now()}`;
  const answer = 'Les pass data sont valables jusqu’à ton prochain renouvellement, sans report. Tu les trouves dans Mes options > Data.';
  let asker: Page & { problems: string[] };
  let member: Page & { problems: string[] };
  let advisor: Page & { problems: string[] };
  let reviewer: Page & { problems: string[] };
  let askerName: string;
  let memberName: string;
  let advisorToken: string;
  let threadId: number;
  let threadUrl: string;
  let answeredAt: number;
  let faqTitle: string;

  it('a member signs in through the demo and asks in a category', async () => {
    startedAt = new Date();
    asker = await personPage();
    await asker.goto(server!.url);
    await asker.getByRole('link', { name: CATEGORY_NAME }).click();
    // The newest members come last in the picker (one per level, highest first).
    askerName = await signIn(asker, (page) => page.locator('#demo-members button', { hasNotText: /Conseiller|Modérateur|Administration/ }).last());
    await asker.getByRole('link', { name: 'Nouvelle question' }).click();
    await asker.getByRole('textbox', { name: 'Titre' }).fill(title);
    await asker.getByRole('textbox', { name: 'Votre question' }).fill('Bonjour, je pars dix jours en camping et mon forfait ne suffira pas. Le pass data reste valable combien de temps ?');
    await asker.getByRole('button', { name: 'Publier la question' }).click();
    await asker.getByRole('heading', { name: title }).waitFor();
    threadUrl = asker.url();
    threadId = threadIdOf(asker);
    assert.ok(threadId > 0, `the question has its own page: ${threadUrl}`);
  });

  it('another member answers within minutes, while the thread is still in community time', async () => {
    member = await personPage();
    await member.goto(threadUrl);
    await member.getByRole('heading', { name: title }).waitFor();
    memberName = await signIn(member, (page) => page.locator('#demo-members button', { hasNotText: /Conseiller|Modérateur|Administration/ }).first());
    assert.notEqual(memberName, askerName);
    await member.getByRole('textbox', { name: 'Votre réponse' }).fill(answer);
    await member.getByRole('button', { name: 'Publier la réponse' }).click();
    await member.locator('entraide-post', { hasText: answer }).waitFor();
    answeredAt = Date.now();
    assert.ok(answeredAt - startedAt.getTime() < 5 * 60_000, 'the member answered within minutes');
    await asker.locator('entraide-post', { hasText: answer }).waitFor();
  });

  it('keeps the thread for the community until the holdback passes, then shows it due for an advisor', async () => {
    advisor = await personPage();
    await advisor.goto(server!.url);
    await signIn(advisor, (page) => page.locator('#demo-members button', { hasText: ADVISOR }));
    advisorToken = (await advisor.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)) ?? '';
    assert.ok(advisorToken, 'the demo keeps the advisor token for the page');

    const waiting = await queueItem(advisorToken, threadId);
    assert.equal(waiting?.holdback, 'community-time', 'a fresh question belongs to the community');
    assert.equal(waiting?.kind, 'awaiting-confirmation');
    assert.equal(waiting?.hasCommunityAnswer, true);
    assert.ok((waiting?.msLeft ?? 0) > 0, 'the queue counts down the holdback');

    const dueAt = new Date(waiting.dueAt).getTime();
    await sleep(Math.max(0, dueAt - Date.now()) + 500);
    const due = await queueItem(advisorToken, threadId);
    assert.equal(due?.holdback, 'advisor-due', 'after the holdback the advisors are due');
    assert.equal(due?.kind, 'advisor-due');
    assert.ok((due?.msOverdue ?? -1) >= 0);
    assert.ok(Date.now() - new Date(due.thread.createdAt).getTime() >= HOLDBACK_MINUTES * 60_000, 'the whole holdback went by');
  });

  it('the advisor prepares a confirmation crediting the member, links an FAQ article, and shares the draft with a colleague', async () => {
    await advisor.goto(threadUrl);
    const composer = advisor.locator('entraide-advisor-composer');
    await composer.getByRole('group', { name: 'Confirmer et créditer' }).waitFor();
    await composer.getByRole('checkbox', { name: `Confirmer la réponse de ${memberName}` }).check();
    const body = composer.getByRole('textbox', { name: 'Votre réponse publique' });
    assert.ok((await body.inputValue()).includes(`@${memberName}`), 'the citation line names the member');

    const suggestion = composer.locator('[part="faq"]').first();
    await suggestion.waitFor();
    faqTitle = (await suggestion.locator('.faq-title').textContent())?.trim() ?? '';
    assert.ok(faqTitle, 'an FAQ article is suggested from the question');
    await suggestion.getByRole('button', { name: 'Lier' }).click();
    await suggestion.getByRole('button', { name: 'Liée' }).waitFor();

    await composer.getByRole('list', { name: 'Partager avec' }).getByRole('checkbox', { name: REVIEWER }).check();
    await composer.getByRole('button', { name: 'Partager avec un collègue' }).click();
    await composer.locator('[part="reviewers"]').getByText(`${REVIEWER} — relecture en attente`).waitFor();
  });

  it('the colleague comments and approves the draft in the console’s reviews', async () => {
    reviewer = await personPage();
    await reviewer.goto(server!.url);
    await signIn(reviewer, (page) => page.locator('#demo-members button', { hasText: REVIEWER }));
    await reviewer.locator('entraide-forum').locator('[part="agent-link"]').click();
    await reviewer.getByRole('tab', { name: 'Relectures' }).click();
    const draft = reviewer.locator('article', { hasText: title });
    await draft.getByText(`@${memberName}`).first().waitFor();
    await draft.getByRole('textbox', { name: 'Votre commentaire' }).fill('Juste : le report n’existe pas, c’est bien dit.');
    await draft.getByRole('button', { name: 'Commenter' }).click();
    await draft.getByText('le report n’existe pas').waitFor();
    await draft.getByRole('button', { name: 'Approuver cette formulation' }).click();
    await draft.getByText('Vous avez approuvé cette formulation.').waitFor();
  });

  it('the advisor sees the approval, then posts the draft crediting the member and the colleague', async () => {
    const composer = advisor.locator('entraide-advisor-composer');
    await composer.getByRole('button', { name: 'Actualiser la relecture' }).click();
    await composer.locator('[part="reviewers"]').getByText(`${REVIEWER} — a approuvé`).waitFor();
    await composer.getByText('le report n’existe pas').waitFor();
    assert.equal(await composer.locator('[part="credit-approvers"]').isChecked(), true, 'the approver is credited by default');

    await composer.getByRole('button', { name: 'Publier la confirmation (1 réponse créditée)' }).click();
    const confirmation = advisor.locator('entraide-post', { has: advisor.locator('[part="credits"]') }).last();
    await confirmation.waitFor();
    await confirmation.locator('[part="credits"]').getByText(memberName).first().waitFor();
    await confirmation.locator('a[part="faq-link"]', { hasText: faqTitle }).waitFor();
    await confirmation.getByText(REVIEWER).first().waitFor();
  });

  it('the asker sees the credit and the FAQ link, and accepts the member’s answer as the solution', async () => {
    await asker.reload();
    const confirmation = asker.locator('entraide-post', { has: asker.locator('[part="credits"]') }).last();
    await confirmation.getByText('Confirme les réponses de').first().waitFor();
    await confirmation.locator('[part="credits"]').getByText(memberName).first().waitFor();
    await confirmation.locator('a[part="faq-link"]', { hasText: faqTitle }).waitFor();
    await confirmation.getByText(ADVISOR).first().waitFor();

    const answerPost = asker.locator('ol[part="posts"] > li > entraide-post', { hasText: answer }).first();
    await answerPost.getByRole('button', { name: 'Accepter comme solution' }).click();
    const pinned = asker.getByRole('region', { name: 'Solution acceptée' });
    await pinned.getByText(answer).waitFor();
    await pinned.getByText(memberName).first().waitFor();
  });

  it('everyone sees the pinned solution, the queue lets go of the thread, and the metrics count a community answer', async () => {
    await member.reload();
    await member.getByRole('region', { name: 'Solution acceptée' }).getByText(answer).waitFor();
    assert.equal(await queueItem(advisorToken, threadId), undefined, 'a confirmed, solved thread waits for nobody');

    const query = new URLSearchParams({ from: startedAt.toISOString(), to: new Date().toISOString(), categoryId: String(categoryId) });
    const metrics = await api<Metrics>(advisorToken, `/metrics?${query}`);
    assert.equal(metrics.threads, 1);
    assert.equal(metrics.solved, 1);
    assert.deepEqual(metrics.firstAnswers, { total: 1, byMembers: 1, byAdvisors: 0, memberShare: 1 });
    assert.deepEqual(metrics.acceptedAnswers, { total: 1, byMembers: 1, byAdvisors: 0, memberShare: 1 });
    assert.ok((metrics.medianFirstAnswerMs.members ?? Infinity) < 5 * 60_000, 'the first answer came from a member within minutes');
    assert.equal(metrics.medianFirstAnswerMs.advisors, null);
    const julie = metrics.advisors.find((row) => row.advisor.pseudonym === ADVISOR);
    assert.equal(julie?.posts, 1, 'the advisor wrote one post: the confirmation');
    const karim = metrics.advisors.find((row) => row.advisor.pseudonym === REVIEWER);
    assert.equal(karim?.assisted, 1, 'the colleague who approved the draft is credited as assisted-by');

    for (const page of [asker, member, advisor, reviewer]) assert.deepEqual(page.problems, []);
  });
});
