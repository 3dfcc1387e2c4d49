/**
 * The server's PGlite in a worker thread (src/server/db/pglite-worker.ts): the same rows, errors,
 * transactions and notifications as PGlite on the server's own thread, and an event loop that
 * keeps turning while a long query runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../../src/domain/database.ts';
import { openDatabase } from '../../../src/server/db/open.ts';

/** The longest pause of this thread's event loop while `work` runs (a 2 ms timer measures it). */
async function longestPause(work: () => Promise<unknown>): Promise<{ pause: number; took: number }> {
  let last = performance.now();
  let pause = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    pause = Math.max(pause, now - last);
    last = now;
  }, 2);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  // A loop blocked to the end never ran the timer: the time since its last turn counts too.
  const ended = performance.now();
  return { pause: Math.max(pause, ended - last), took: ended - started };
}

describe('PGlite in a worker thread', () => {
  let db: Database;
  before(async () => {
    db = await openDatabase({});
    await db.exec('create table t (id int primary key, at timestamptz, tags text[], doc jsonb)');
  });
  after(async () => {
    await db.close();
    await assert.rejects(db.query('select 1'), /closed/);
  });

  it('gives rows of the same types as PGlite on this thread', async () => {
    const at = new Date('2026-12-07T09:00:00.123Z');
    await db.query('insert into t values ($1, $2, $3, $4)', [1, at, ['a', 'b'], JSON.stringify({ x: 1 })]);
    const [row] = await db.query<{ id: number; at: Date; tags: string[]; doc: unknown; n: number }>('select *, 9007199254740::int8 as n from t');
    assert.deepEqual(row, { id: 1, at, tags: ['a', 'b'], doc: { x: 1 }, n: 9007199254740 });
    assert.ok(row?.at instanceof Date);
  });

  it('rebuilds errors with their SQL state, and rolls back a transaction whose function throws', async () => {
    await assert.rejects(db.query('insert into t (id) values (1)'), (error: Error & { code?: string }) => error.code === '23505' && /duplicate key/.test(error.message));
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('insert into t (id) values (2)');
      throw new Error('changed my mind');
    }), /changed my mind/);
    const written = await db.transaction(async (tx) => {
      await tx.query('insert into t (id) values (3)');
      return (await tx.query<{ n: number }>('select count(*)::int as n from t'))[0]?.n;
    });
    assert.equal(written, 2);
    assert.deepEqual((await db.query<{ id: number }>('select id from t order by id')).map((r) => r.id), [1, 3]);
  });

  it('delivers NOTIFY to listeners until they stop', async () => {
    const heard: string[] = [];
    const stop = await db.listen('worker_test', (payload) => heard.push(payload));
    await db.transaction(async (tx) => tx.query("select pg_notify('worker_test', 'committed')"));
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await stop();
    await db.query("select pg_notify('worker_test', 'after stop')");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(heard, ['committed']);
  });

  it('keeps this thread’s event loop turning while a long query runs', async () => {
    const { pause, took } = await longestPause(() => db.query('select count(*) from generate_series(1, 1000000)'));
    // On the server's own thread the loop would stop for the whole query.
    assert.ok(took > 100, `the query took ${took.toFixed(0)} ms: too short to show anything`);
    assert.ok(pause < took / 2, `the event loop paused ${pause.toFixed(0)} ms during a ${took.toFixed(0)} ms query`);
  });
});
