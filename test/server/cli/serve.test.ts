/**
 * `entraide-server` (serve) and its logs: JSON lines at ENTRAIDE_LOG_LEVEL, one per request with
 * method, url, status and duration, never a token or a cookie; `silent` says nothing at all.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, freePort, runCli, serve, TEST_SECRET } from '../../helpers/cli.ts';
import { signToken } from '../../../src/server/auth.ts';

const root = mkdtempSync(join(tmpdir(), 'entraide-serve-'));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(root, `data-${(dirs += 1)}`);

interface LogLine {
  level: number;
  msg: string;
  method?: string;
  url?: string;
  statusCode?: number;
  durationMs?: number;
}

describe('the server logs', { timeout: 300_000 }, () => {
  it('are JSON lines, one per request, without credentials', async () => {
    const server = await serve({ ENTRAIDE_DATA_DIR: freshDir(), ENTRAIDE_JWT_SECRET: TEST_SECRET });
    const { token } = await signToken(TEST_SECRET, { sub: 'log:1', name: 'Logan', role: 'member' });
    const cookie = 'session=brand-cookie-value-that-must-not-leak';
    assert.equal((await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${token}`, cookie } })).status, 200);
    assert.equal((await fetch(`${server.url}/api/no-such-route?x=1`)).status, 404);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);

    const lines = server.output().trim().split('\n').map((line) => JSON.parse(line) as LogLine);
    assert.ok(lines.some((line) => /^Ready in [\d.]+ s on http:\/\/127\.0\.0\.1:\d+ \(PGlite in /.test(line.msg)), 'the human "Ready" line is a log line');
    const requests = lines.filter((line) => line.msg === 'request');
    assert.deepEqual(requests.map(({ method, url, statusCode }) => [method, url, statusCode]), [
      ['GET', '/api/session', 200],
      ['GET', '/api/no-such-route?x=1', 404],
    ]);
    for (const line of requests) {
      assert.equal(line.level, 30, 'info');
      assert.equal(typeof line.durationMs, 'number');
    }
    const text = server.output();
    assert.ok(!text.includes(token.split('.')[2]!), 'no token in the logs');
    assert.ok(!text.includes('brand-cookie-value'), 'no cookie in the logs');
    assert.ok(lines.some((line) => line.msg === 'Stopped.'));
  });

  it('say nothing at level silent', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ENTRAIDE_DATA_DIR: freshDir(), ENTRAIDE_LOG_LEVEL: 'silent', ENTRAIDE_DEMO: '', DATABASE_URL: '', ENTRAIDE_STATIC_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let status = 0;
    for (const deadline = Date.now() + 60_000; status !== 200 && Date.now() < deadline; ) {
      status = await fetch(`http://127.0.0.1:${port}/api/ready`).then((response) => response.status, () => 0);
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/community`)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(output, '');
  });

  it('refuses an unknown level before starting', async () => {
    const { code, stderr } = await runCli([], { ENTRAIDE_DATA_DIR: freshDir(), ENTRAIDE_LOG_LEVEL: 'loud' });
    assert.equal(code, 1);
    assert.match(stderr, /ENTRAIDE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/);
  });
});
