/**
 * Issue 15's loop end to end: the real server (demo mode, fresh embedded database, a real SMTP
 * relay the test starts), the built demo page, Chromium. A member asks; another answers; the
 * asker's bell counts it live and the relay receives the e-mail; the asker follows the e-mail's
 * link and accepts the answer. Then an advisor takes another of the asker's threads into private,
 * the bell says so, and the asker reads and answers in the inbox.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rawHeader, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { CHROMIUM_ARGS, demoMembers, problemsOf, signedInPage as signInDemo, startDemoServer, type DemoServer } from './demo-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-e2e-loop-'));
let server: DemoServer | undefined;
let smtp: TestSmtp;
let browser: Browser;

/** A free port: the e-mails' links need the server's address before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

before(async () => {
  smtp = await startTestSmtp();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  server = await startDemoServer(dataDir, {
    PORT: String(port), ENTRAIDE_SMTP_URL: smtp.url, ENTRAIDE_EMAIL_FROM: 'Communauté Volta <communaute@volta.example>',
    ENTRAIDE_EMAIL_DELAY_SECONDS: '0', ENTRAIDE_PUBLIC_URL: origin, ENTRAIDE_PUBLIC_FORUM_URL: `${origin}/#{path}`,
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (server) {
    const exited = new Promise((resolve) => server!.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const listMembers = () => demoMembers(server!.url);
const signedInPage = (pseudonym: string, path: string, width = 1000) => signInDemo(browser, server!.url, pseudonym, path, width);

/** The bell's button: its name carries the unread count. */
const bell = (page: Page) => page.locator('entraide-notifications [part="toggle"]');

describe('the customer’s loop', { timeout: 420_000 }, () => {
  it('asked, answered, notified live and by e-mail, accepted from the e-mail; taken into private, answered in the inbox', async () => {
    const members = (await listMembers()).filter((m) => m.role === 'member');
    const askerName = members[1]!.pseudonym;
    const helperName = members[0]!.pseudonym;
    const title = `Plus de données mobiles depuis la mise à jour ${Date.now()}`;

    // 1. A member asks, through the form.
    const asker = await signedInPage(askerName, '');
    await asker.getByRole('link', { name: 'Réseau et couverture' }).click();
    await asker.getByRole('link', { name: 'Nouvelle question' }).click();
    await asker.getByRole('textbox', { name: 'Titre' }).fill(title);
    await asker.getByRole('textbox', { name: 'Votre question' }).fill('Depuis la mise à jour du téléphone, plus aucune donnée mobile. Une idée ?');
    await asker.getByRole('button', { name: 'Publier la question' }).click();
    await asker.getByRole('heading', { name: title }).waitFor();
    const threadPath = new URL(asker.url()).hash;
    await bell(asker).waitFor();
    assert.equal(await bell(asker).getAttribute('aria-label'), 'Notifications');

    // 2. Another member answers.
    const helper = await signedInPage(helperName, threadPath);
    const answer = `Réactivez les données dans Réglages > Réseau mobile, la mise à jour les coupe. ${Date.now()}`;
    await helper.getByRole('textbox', { name: 'Votre réponse' }).fill(answer);
    await helper.getByRole('button', { name: 'Publier la réponse' }).click();
    await helper.getByText(answer).waitFor();

    // 3. The asker's bell counts it live (no reload), and says who answered what.
    await asker.locator(`entraide-notifications [part="toggle"][aria-label="Notifications, 1 non lue"]`).waitFor({ timeout: 20_000 });
    await bell(asker).click();
    await asker.locator('entraide-notifications [part="link"]', { hasText: `${helperName} a répondu à « ${title} »` }).waitFor();
    await asker.keyboard.press('Escape');

    //    …and the relay receives the e-mail, with the one-click unsubscribe and a link to the post.
    const [mail] = await smtp.waitFor(1, 60_000);
    assert.ok(mail);
    assert.match(String((mail.to as { text: string }).text), /@demo\.entraide\.invalid/);
    assert.match(mail.subject ?? '', new RegExp(helperName));
    assert.equal(rawHeader(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(rawHeader(mail, 'list-unsubscribe'), /<http:\/\/127\.0\.0\.1:\d+\/api\/email\/unsubscribe\?/);
    assert.ok(mail.html && mail.text, 'an HTML part and a plain-text part');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/#\/t\/\d+#post-\d+)/.exec(mail.text ?? '')?.[1];
    assert.ok(link, `a link to the post in: ${mail.text}`);
    assert.ok(link.includes(`/t/${/\/t\/(\d+)/.exec(threadPath)![1]}#`), 'the link leads to the asked thread');

    // 4. The asker follows the e-mail's link and accepts the answer.
    await asker.goto(link);
    const answerPost = asker.locator('entraide-post', { hasText: answer });
    await answerPost.getByRole('button', { name: 'Accepter comme solution' }).click();
    await asker.getByRole('region', { name: 'Solution acceptée' }).getByText(answer).waitFor();

    // 5. An advisor takes another of the asker's threads into private.
    const second = `Facture en double ce mois-ci ${Date.now()}`;
    await asker.goto(`${server!.url}/`);
    await asker.getByRole('link', { name: 'Réseau et couverture' }).click();
    await asker.getByRole('link', { name: 'Nouvelle question' }).click();
    await asker.getByRole('textbox', { name: 'Titre' }).fill(second);
    await asker.getByRole('textbox', { name: 'Votre question' }).fill('Deux prélèvements sur mon compte pour le même mois.');
    await asker.getByRole('button', { name: 'Publier la question' }).click();
    await asker.getByRole('heading', { name: second }).waitFor();
    const secondPath = new URL(asker.url()).hash;
    const advisor = await signedInPage('Karim-Volta', secondPath);
    await advisor.getByRole('button', { name: 'Continuer en privé' }).first().click();
    await advisor.getByRole('textbox', { name: 'Premier message (facultatif)' }).fill('Bonjour, pouvez-vous me donner les dates des deux prélèvements ?');
    await advisor.getByRole('dialog').getByRole('button', { name: 'Continuer en privé' }).click();
    await advisor.getByText('Conversation privée ouverte.').waitFor();

    // 6. The asker's bell says so; its link opens the conversation, where the asker reads and answers.
    const unread = async () => Number(/(\d+) non lue/.exec((await bell(asker).getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    const before = await unread();
    assert.ok(before >= 2, `taken into private, and the advisor's first message: ${before}`);
    await bell(asker).click();
    await asker.locator('entraide-notifications [part="link"]', { hasText: `prend en charge « ${second} » par message privé` }).click();
    assert.match(asker.url(), /#\/inbox\/\d+$/);
    await asker.getByText('les dates des deux prélèvements').waitFor();
    // Shown is read: the bell loses both (the one clicked, and the message read in the inbox), live.
    for (let tries = 0; (await unread()) !== before - 2; tries += 1) {
      assert.ok(tries < 100, `the bell still counts ${await unread()} (was ${before})`);
      await asker.waitForTimeout(100);
    }
    // Both sides have the conversation open: each sees the other's message come live, without reload
    // (the inbox polls only while the stream is down, every 30 s: well past these waits).
    await advisor.goto(asker.url().replace(/^http:\/\/[^/]+/, server!.url));
    await advisor.getByText('les dates des deux prélèvements').waitFor();
    const reply = `Le 3 et le 5 du mois. ${Date.now()}`;
    await asker.getByRole('textbox', { name: 'Votre réponse' }).fill(reply);
    await asker.getByRole('button', { name: 'Envoyer' }).click();
    await asker.getByText(reply).waitFor();
    await advisor.getByText(reply).waitFor({ timeout: 10_000 });
    const thanks = `Merci, je rembourse le second. ${Date.now()}`;
    await advisor.getByRole('textbox', { name: 'Votre réponse' }).fill(thanks);
    await advisor.getByRole('button', { name: 'Envoyer' }).click();
    await asker.getByText(thanks).waitFor({ timeout: 10_000 });

    assert.deepEqual([...problemsOf(asker), ...problemsOf(helper), ...problemsOf(advisor)], []);
  });
});
