/**
 * The real server in its own process on a data directory, in demo mode, serving the built demo
 * page: what the end-to-end tests drive Chromium against.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { watchLayoutShifts } from '../helpers/layout-shifts.ts';

export interface DemoServer {
  child: ChildProcess;
  url: string;
}

/** Debian's Chromium flags for headless runs on a small machine. */
export const CHROMIUM_ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** `env` adds to (or overrides) the demo settings, e.g. PORT or ENTRAIDE_ALLOWED_ORIGINS. */
export async function startDemoServer(dataDir: string, env: Record<string, string> = {}): Promise<DemoServer> {
  const child = spawn(process.execPath, ['src/server/cli.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_DEMO: '1', ENTRAIDE_STATIC_DIR: 'dist/demo',
      // One member posts several replies within seconds in these tests.
      ENTRAIDE_POST_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A server that dies under a test says why, instead of the test's next fetch failing blind.
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') console.error(`demo server exited (code ${code}, signal ${signal}):\n${output.slice(-4000)}`);
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const match = /Ready in .* on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { child, url: match[1] };
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready: ${output}`);
}

export interface DemoMember { id: number; pseudonym: string; role: string }

/** The demo sign-in's list: staff first, then one member per rank, highest first. */
export async function demoMembers(serverUrl: string): Promise<DemoMember[]> {
  return ((await (await fetch(`${serverUrl}/api/demo/members`)).json()) as { items: DemoMember[] }).items;
}

/** Page errors seen since the page opened (`signedInPage` collects them). */
export const problemsOf = (page: Page): string[] => (page as Page & { problems: string[] }).problems;

/** A page in its own browser context (its own session), signed in through the demo page's picker. */
export async function signedInPage(browser: Browser, serverUrl: string, pseudonym: string, path: string, width = 1000): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(`${serverUrl}/${path}`);
  await page.getByRole('button', { name: 'Se connecter' }).first().click();
  await page.locator('#demo-members button', { hasText: pseudonym }).first().click({ timeout: 15_000 });
  await page.locator('entraide-forum').getByText(pseudonym, { exact: true }).first().waitFor();
  return page;
}

/** A free port: rendered pages need their public address before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The demo server with its server-rendered pages on (`ENTRAIDE_PAGES=1`), at its own address. */
export async function startPagesServer(dataDir: string): Promise<DemoServer> {
  const port = await freePort();
  return startDemoServer(dataDir, { PORT: String(port), ENTRAIDE_PAGES: '1', ENTRAIDE_PUBLIC_URL: `http://127.0.0.1:${port}` });
}

/**
 * A page in its own context, its faults collected: page errors, console errors, and responses of
 * 400 and more (the browser's own /favicon.ico aside). `layoutShift`: the page records its layout
 * shifts from the start (`readLayoutShifts`).
 */
export async function openWatched(browser: Browser, url: string, { javaScriptEnabled = true, width = 1000, layoutShift = false } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && problems.push(`${response.status()} ${response.url()}`));
  if (layoutShift) await watchLayoutShifts(page);
  await page.goto(url);
  return { page, problems };
}
