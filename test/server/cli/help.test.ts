/** `entraide-server --help` and bad command lines: usage, exit codes, and never a server nor a database. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../helpers/cli.ts';

// No ENTRAIDE_DATA_DIR: the default ./.entraide would be created here if anything opened a database.
const cwd = mkdtempSync(join(tmpdir(), 'entraide-help-'));
after(() => rmSync(cwd, { recursive: true, force: true }));
const COMMANDS = ['serve', 'migrate', 'seed', 'import', 'token'];

describe('entraide-server --help', { timeout: 120_000 }, () => {
  it('lists every command, exits 0 and starts nothing', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const started = Date.now();
      const { code, stdout } = await runCli(args, { PORT: '4799' }, cwd);
      assert.equal(code, 0, args.join(' '));
      assert.match(stdout, /^Usage: entraide-server \[command\]/);
      for (const command of COMMANDS) assert.match(stdout, new RegExp(`^  ${command} `, 'm'));
      assert.ok(Date.now() - started < 10_000, 'it answered without starting a server');
    }
    assert.deepEqual(readdirSync(cwd), [], 'no ./.entraide, no file at all');
  });

  it("shows each command's own usage, before any database or secret is needed", async () => {
    for (const command of COMMANDS) {
      for (const args of [[command, '--help'], ['help', command]]) {
        const { code, stdout } = await runCli(args, {}, cwd);
        assert.equal(code, 0, args.join(' '));
        assert.match(stdout, new RegExp(`^Usage: entraide-server (\\[${command}\\]|${command})`), args.join(' '));
      }
    }
    assert.equal(existsSync(join(cwd, '.entraide')), false);
  });

  it('names the roles the token may carry from the domain, not from a copy', async () => {
    const { ROLES } = await import('../../../src/core/domain.ts');
    const { stdout } = await runCli(['token', '--help'], {}, cwd);
    assert.match(stdout, new RegExp(`one of: ${ROLES.join(', ')}\\n`));
  });
});

describe('a wrong command line', { timeout: 120_000 }, () => {
  it('exits 2 and points to --help, for an unknown command, option or argument', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /Unknown command "frobnicate".*entraide-server --help/s],
      [['--port', '3'], /Unknown option '--port'.*entraide-server serve --help/s],
      [['migrate', '--force'], /Unknown option '--force'.*entraide-server migrate --help/s],
      [['migrate', 'now'], /Unexpected argument "now"/],
      [['import'], /Name the file to import/],
      [['seed'], /--demo/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args, {}, cwd);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
    assert.deepEqual(readdirSync(cwd), []);
  });
});
