/**
 * `entraide-server migrate` on a real database (PGlite, or PostgreSQL in a parity run): the dry
 * run lists and changes nothing, the run applies and names each migration, and the embedded
 * database is refused while another process holds its directory.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { shippedMigrations } from '../../../../src/server/db/migrate.ts';
import { freshBackend, runCli, type Backend } from '../../../helpers/cli.ts';

let backend: Backend;
let shipped: string[];
before(async () => {
  backend = await freshBackend();
  shipped = await shippedMigrations();
});
after(() => backend.drop());

describe(`entraide-server migrate`, { timeout: 300_000 }, () => {
  it('lists every pending migration with --dry-run, and changes nothing', async () => {
    const { code, stdout } = await runCli(['migrate', '--dry-run'], backend.env);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^${shipped.length} pending migration\\(s\\) on ${backend.kind === 'postgres' ? 'PostgreSQL at' : 'PGlite in'} `));
    for (const name of shipped) assert.match(stdout, new RegExp(`^  ${name}$`, 'm'));
    assert.match(stdout, /Dry run: nothing applied/);
    if (backend.dataDir) assert.equal(existsSync(backend.dataDir), false, 'no embedded database was created');
    const again = await runCli(['migrate', '--dry-run'], backend.env);
    assert.match(again.stdout, new RegExp(`^${shipped.length} pending`), 'still all pending');
  });

  it('applies them in order, naming each, then has nothing left to do', async () => {
    const { code, stdout } = await runCli(['migrate'], backend.env);
    assert.equal(code, 0);
    assert.deepEqual([...stdout.matchAll(/^Applied (\S+)$/gm)].map((match) => match[1]), shipped);
    for (const args of [['migrate'], ['migrate', '--dry-run']]) {
      const rerun = await runCli(args, backend.env);
      assert.equal(rerun.code, 0);
      assert.match(rerun.stdout, /is up to date: nothing to apply/);
    }
  });

  it('refuses an embedded database another process holds', { skip: process.env.ENTRAIDE_TEST_DATABASE_URL ? 'PGlite only: PostgreSQL has its own locks' : false }, async () => {
    const holder = spawn(process.execPath, [new URL('../../../helpers/lock-holder.ts', import.meta.url).pathname, backend.dataDir!]);
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const { code, stderr } = await runCli(['migrate'], backend.env);
      assert.equal(code, 1);
      assert.match(stderr, /Another Entraide server \(pid \d+\) is using .*ENTRAIDE_DATA_DIR/s);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
