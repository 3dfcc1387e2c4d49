/** The real CLI in child processes: start, data-dir lock, stale lock after a crash, restart keeps writes. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const dataDir = mkdtempSync(join(tmpdir(), 'entraide-cli-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startCli(env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['src/server/cli.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ENTRAIDE_DATA_DIR: dataDir, ENTRAIDE_DEMO: '', ENTRAIDE_STATIC_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function ready(started: Started): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /Ready in .* on (http:\/\/\S+)/.exec(started.output());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server not ready: ${started.output()}`);
}

describe('entraide server CLI', { timeout: 600_000 }, () => {
  it('refuses a second server on the same data directory, then recovers from a crashed holder', async () => {
    const first = startCli();
    const url = await ready(first);
    assert.equal((await fetch(`${url}/api/health`)).status, 200);

    const second = startCli();
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /Another Entraide server \(pid \d+\) is using .*ENTRAIDE_DATA_DIR/s);
    assert.equal((await fetch(`${url}/api/health`)).status, 200, 'the first server kept serving');

    first.child.kill('SIGKILL');
    await first.exited;
    const third = startCli();
    const thirdUrl = await ready(third);
    assert.equal((await fetch(`${thirdUrl}/api/community`)).status, 200);
    third.child.kill('SIGTERM');
    assert.equal(await third.exited, 0);
  });

  it('explains a bad configuration instead of crashing', async () => {
    const started = startCli({ ENTRAIDE_JWT_SECRET: 'short' });
    assert.equal(await started.exited, 1);
    assert.match(started.output(), /ENTRAIDE_JWT_SECRET must be at least 32 characters/);
  });
});
