/**
 * The server's embedded database: PGlite in a worker thread (./pglite-thread.ts), behind the same
 * `Database` interface. PGlite's CPU (76–79 % of the server's under load, issue 17) then runs beside
 * the event loop instead of on it, so one slow query no longer stalls the other requests.
 * PGlite's own worker (`@electric-sql/pglite/worker`) is built on browser Web Workers and
 * leader election across tabs; Node's `worker_threads` and a small message protocol do here.
 * The mocks (`entraide/mocks`) keep PGlite on their own thread (src/domain/pglite.ts): no worker there.
 */
import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from '../../domain/database.ts';
import type { PgliteOptions } from '../../domain/pglite.ts';
import { rebuiltError, type Answer, type Notice, type Request, type ThreadData } from './pglite-protocol.ts';

/** The thread's file, beside this one: `.ts` when run from the sources, `.js` once compiled. */
const threadFile = new URL(`./pglite-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

export async function openPgliteInWorker(options: PgliteOptions): Promise<Database> {
  const worker = new Worker(threadFile, { workerData: { options } satisfies ThreadData });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let failure: Error | undefined;

  // The thread keeps the process alive only while a call waits for it (as a socket would).
  const settle = () => pending.size === 0 && worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: Answer | Notice | { ready: true }) => {
      if ('ready' in message) return resolve();
      if ('notice' in message) return listeners.get(message.listener)?.(message.payload);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      settle();
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(rebuiltError(message.error));
    });
    const fail = (error: Error) => {
      failure ??= error;
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('The database is closed.')));
  });
  await ready;
  worker.unref();

  function call<T>(request: Request): Promise<T> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  const queryable = (tx?: number): Queryable => ({
    query: <Row>(sql: string, params: readonly unknown[] = []) => call<Row[]>({ op: 'query', sql, params, ...(tx === undefined ? {} : { tx }) }),
  });

  return {
    kind: 'pglite',
    ...queryable(),
    async transaction(fn) {
      const tx = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await fn(queryable(tx));
      } catch (error) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    exec: (script) => call({ op: 'exec', script }),
    async listen(channel, onMessage) {
      const listener = await call<number>({ op: 'listen', channel });
      listeners.set(listener, onMessage);
      return async () => {
        listeners.delete(listener);
        await call({ op: 'unlisten', listener });
      };
    },
    async close() {
      await call({ op: 'close' });
      // Calls after this reject at once (the thread is gone), as PGlite's do once closed.
      failure = new Error('The database is closed.');
      await worker.terminate();
    },
  };
}
