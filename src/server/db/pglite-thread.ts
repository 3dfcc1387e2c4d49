/**
 * The worker thread that runs PGlite for the server (./pglite-worker.ts starts it). PGlite runs
 * a query to its end in WebAssembly without returning to the event loop, so on the server's own
 * thread one heavy read stalls every other request; here it stalls only this thread. A
 * transaction is held open across messages: `begin` enters PGlite's own `transaction()` and
 * answers with its number; that transaction's queries name it; `end` commits or rolls back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Queryable } from '../../domain/database.ts';
import { openPglite } from '../../domain/pglite.ts';
import { errorFields, type Call, type Notice, type ThreadData } from './pglite-protocol.ts';

if (!parentPort) throw new Error('pglite-thread.ts runs as a worker thread only');
const port = parentPort;
const db = await openPglite((workerData as ThreadData).options);

class Rollback extends Error {}

interface OpenTransaction {
  tx: Queryable;
  finish: (commit: boolean) => void;
  done: Promise<void>;
}

const transactions = new Map<number, OpenTransaction>();
const listeners = new Map<number, () => Promise<void>>();
let nextId = 1;

/** Enters a transaction and resolves with its number once inside; it lasts until `end`. */
function begin(): Promise<number> {
  const id = nextId++;
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  return new Promise((entered, failed) => {
    // PGlite enters the callback after its own lock is free: always after `settled` is set below.
    let settled: Promise<void> = Promise.resolve();
    const run = db.transaction(async (tx) => {
      transactions.set(id, { tx, finish, done: settled });
      entered(id);
      if (!(await decided)) throw new Rollback();
    });
    settled = run.then(() => undefined, (error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    }).finally(() => transactions.delete(id));
    // A failure before entering fails `begin`; after, it is the answer to `end`.
    settled.catch(failed);
  });
}

async function handle(call: Call): Promise<unknown> {
  switch (call.op) {
    case 'query': {
      const target = call.tx === undefined ? db : transactions.get(call.tx)?.tx;
      if (!target) throw new Error(`transaction ${call.tx} is not open`);
      return target.query(call.sql, call.params);
    }
    case 'exec':
      return db.exec(call.script);
    case 'begin':
      return begin();
    case 'end': {
      const open = transactions.get(call.tx);
      if (!open) throw new Error(`transaction ${call.tx} is not open`);
      open.finish(call.commit);
      return open.done;
    }
    case 'listen': {
      const listener = nextId++;
      listeners.set(listener, await db.listen(call.channel, (payload) => port.postMessage({ notice: 'notify', listener, payload } satisfies Notice)));
      return listener;
    }
    case 'unlisten':
      await listeners.get(call.listener)?.();
      listeners.delete(call.listener);
      return undefined;
    case 'close':
      await db.close();
      return undefined;
  }
}

port.on('message', (call: Call) => {
  handle(call).then(
    (value) => port.postMessage({ id: call.id, ok: true, value }),
    (error: unknown) => port.postMessage({ id: call.id, ok: false, error: errorFields(error) }),
  );
});
port.postMessage({ ready: true });
