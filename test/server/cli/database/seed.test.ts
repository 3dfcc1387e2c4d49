/**
 * `entraide-server seed --demo` on a real database (PGlite, or PostgreSQL in a parity run):
 * percentage lines when not on a terminal, the summary, and nothing written a second time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshBackend, runCli, type Backend } from '../../../helpers/cli.ts';

let backend: Backend;
before(async () => {
  backend = await freshBackend();
});
after(() => backend.drop());

describe('entraide-server seed --demo', { timeout: 300_000 }, () => {
  it('migrates, seeds the demo community with its progress, and writes nothing the second time', async () => {
    const first = await runCli(['seed', '--demo'], backend.env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Applied 001_init\.sql/);
    assert.match(first.stdout, /^Seeded Volta Mobile on (PGlite|PostgreSQL).*: 8 categories, 121 members, 240 threads, \d+ posts\.$/m);
    // Not a terminal (a pipe here): plain lines, rising to 100%, no carriage returns.
    const percents = [...first.stderr.matchAll(/^Seeding: (\d+)%/gm)].map((match) => Number(match[1]));
    assert.ok(percents.length >= 5, first.stderr);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b));
    assert.equal(percents.at(-1), 100);
    assert.doesNotMatch(first.stderr, /\r/);

    const second = await runCli(['seed', '--demo'], backend.env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Volta Mobile already exists .*nothing written/);
    assert.doesNotMatch(second.stderr, /Seeding/);
  });
});
