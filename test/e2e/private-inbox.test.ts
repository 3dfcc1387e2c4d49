/**
 * Issue 15, item 4 end to end: the real server (demo mode, fresh embedded database), the built
 * demo page, two Chromium contexts. An advisor takes a member's thread into private from the
 * thread's advisor tools; the asker follows the public trace's link into the inbox, reads and
 * answers; the advisor, reading the same conversation in the inbox, sees the answer come.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, demoMembers, problemsOf, signedInPage as signInDemo, startDemoServer } from './demo-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-inbox-'));
const shots = process.env.ENTRAIDE_SHOTS_DIR;
let server: { child: ChildProcess; url: string } | undefined;
let browser: Browser;

before(async () => {
  assert.ok(existsSync('dist/demo/index.html'), 'build the demo page first: npm run build:web');
  if (shots) mkdirSync(shots, { recursive: true });
  server = await startDemoServer(dataDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (server) {
    const exited = new Promise((resolve) => server!.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const listMembers = () => demoMembers(server!.url);
/** A demo member's token, as the demo sign-in gives it (real HTTP). */
async function tokenOf(pseudonym: string): Promise<string> {
  const member = (await listMembers()).find((m) => m.pseudonym === pseudonym);
  assert.ok(member, `no demo member ${pseudonym}`);
  const answer = await fetch(`${server!.url}/api/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: member.id }) });
  return ((await answer.json()) as { token: string }).token;
}

const signedInPage = (pseudonym: string, path: string, width = 1000) => signInDemo(browser, server!.url, pseudonym, path, width);

describe('the private inbox', { timeout: 300_000 }, () => {
  it('an advisor takes a thread into private; its asker answers from the inbox; the advisor sees the answer', async () => {
    const members = (await listMembers()).filter((m) => m.role === 'member');
    // Two members near the top of the picker's list (a long list scrolls inside the dialog on a phone).
    const asker = members[1]!.pseudonym;
    const strangerName = members[0]!.pseudonym;
    const advisorName = 'Karim-Volta';
    // The asker's public question, through the API as the demo page's member.
    const token = await tokenOf(asker);
    const community = (await (await fetch(`${server!.url}/api/community`)).json()) as { categories: Array<{ id: number }> };
    const created = await fetch(`${server!.url}/api/threads`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ categoryId: community.categories[0]!.id, title: `Prélèvement en double ${Date.now()}`, body: 'Deux prélèvements ce mois-ci sur mon compte.' }),
    });
    assert.equal(created.status, 201);
    const { thread } = (await created.json()) as { thread: { id: number; title: string } };

    // The advisor continues in private from the thread's advisor tools.
    const advisor = await signedInPage(advisorName, `#/threads/${thread.id}`);
    await advisor.getByRole('button', { name: 'Continuer en privé' }).first().click();
    await advisor.getByRole('textbox', { name: 'Premier message (facultatif)' }).fill('Bonjour, pouvez-vous me confirmer la date des deux prélèvements ?');
    await advisor.getByRole('dialog').getByRole('button', { name: 'Continuer en privé' }).click();
    await advisor.getByText('Conversation privée ouverte.').waitFor();

    // The asker sees the public trace, with a link only they (and advisors) get.
    const page = await signedInPage(asker, `#/threads/${thread.id}`, 360);
    await page.getByText('Un conseiller prend en charge votre demande par message privé').waitFor();
    await page.getByRole('link', { name: 'Lire et répondre en message privé' }).click();
    assert.match(page.url(), /#\/inbox\/\d+$/);
    const conversationPath = new URL(page.url()).hash;
    await page.getByRole('heading', { name: thread.title }).waitFor();
    await page.getByText('la date des deux prélèvements').waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'e2e-asker-conversation-360.png'), fullPage: true });

    // The advisor reads the same conversation in the inbox (advisors see every one).
    await advisor.goto(`${server!.url}/${conversationPath}`);
    await advisor.getByText('la date des deux prélèvements').waitFor();

    const answer = `Le 3 et le 5 du mois, merci ! ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Votre réponse' }).fill(answer);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText(answer).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Votre réponse' }).inputValue(), '');

    // No reload on the advisor's side: the answer comes over the live stream (the inbox polls
    // only while the stream is down, every 30 s: longer than this wait).
    await advisor.getByText(answer).waitFor({ timeout: 10_000 });
    if (shots) await advisor.screenshot({ path: join(shots, 'e2e-advisor-sees-answer.png'), fullPage: true });

    // The asker's inbox lists it; another member's does not.
    await page.getByRole('link', { name: 'Retour aux messages privés' }).click();
    await page.getByRole('link', { name: thread.title }).waitFor();
    const stranger = await signedInPage(strangerName, '#/inbox');
    await stranger.getByText('Aucune conversation privée').waitFor();
    await stranger.goto(`${server!.url}/${conversationPath}`);
    await stranger.getByText('ne vous concerne pas').waitFor();
    assert.equal(await stranger.getByText(answer).count(), 0);

    assert.deepEqual([...problemsOf(page), ...problemsOf(advisor), ...problemsOf(stranger)], []);
  });
});
