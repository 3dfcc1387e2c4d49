/**
 * The real server in its own process on a data directory, in demo mode, serving the built demo
 * page: what the end-to-end tests drive Chromium against.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';

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
