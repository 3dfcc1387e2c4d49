/**
 * Replies share counter folds (src/domain/repo/counters.ts `foldCounterDeltasSoon`): a reply that
 * committed while a fold was running waits for the next fold, never for that one (it may have
 * taken its rows before the reply's delta existed), and the replies waiting meanwhile share it.
 * A database whose answers the test releases one by one shows the order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Queryable } from '../../src/domain/database.ts';
import { foldCounterDeltasSoon } from '../../src/domain/repo/counters.ts';

/** Lets the promise callbacks already queued run (an answered fold's, and the next fold's start). */
const turns = async () => {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
};

/** Every query waits until the test answers or fails it, first sent first; `sent` counts those waiting. */
function heldDatabase() {
  const waiting: Array<{ resolve: (rows: unknown[]) => void; reject: (error: Error) => void }> = [];
  const db: Queryable = {
    query: <Row>() => new Promise<Row[]>((resolve, reject) => waiting.push({ resolve: resolve as (rows: unknown[]) => void, reject })),
  };
  const answerNext = async (folded: number) => {
    waiting.shift()!.resolve([{ folded }]);
    await turns();
  };
  const failNext = async (error: Error) => {
    waiting.shift()!.reject(error);
    await turns();
  };
  return { db, answerNext, failNext, sent: () => waiting.length };
}

const settledState = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  await turns();
  return settled;
};

describe('counter folds shared between replies', () => {
  it('makes a reply that came during a fold wait for the next one, shared with the others that came then', async () => {
    const { db, answerNext, sent } = heldDatabase();
    const first = foldCounterDeltasSoon(db);
    assert.equal(sent(), 1, 'no fold running: one starts');
    const second = foldCounterDeltasSoon(db);
    const third = foldCounterDeltasSoon(db);
    assert.equal(second, third, 'the replies that came during the fold share the next one');
    assert.equal(sent(), 1, 'the next fold waits for the running one');

    await answerNext(1);
    assert.equal(await first, 1);
    assert.equal(await settledState(second), false, 'not answered by the fold that may have missed its delta');
    assert.equal(sent(), 1, 'the next fold starts once the first has ended');

    await answerNext(2);
    assert.equal(await second, 2);
    assert.equal(sent(), 0);
    const later = foldCounterDeltasSoon(db);
    assert.equal(sent(), 1, 'with none running, a later reply starts its own');
    await answerNext(0);
    assert.equal(await later, 0);
  });

  it('still runs the next fold when the running one fails', async () => {
    const { db, answerNext, failNext, sent } = heldDatabase();
    const first = foldCounterDeltasSoon(db);
    const second = foldCounterDeltasSoon(db);
    const failed = assert.rejects(first, /connection lost/);
    await failNext(new Error('connection lost'));
    await failed;
    assert.equal(sent(), 1, 'the waiting replies get a fold of their own');
    await answerNext(3);
    assert.equal(await second, 3);
  });
});
