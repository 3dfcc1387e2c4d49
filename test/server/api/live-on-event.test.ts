/**
 * `LiveHub.onEvent`, the hook of the server-side page cache: a hub in another process (its own
 * connection to the same PostgreSQL; on PGlite, a second hub over the same database) is told
 * of every event another process wrote, lifecycle ones included, with the event as stored. A
 * listener that throws or rejects breaks neither the streams nor the other listeners, and one
 * that unsubscribed hears nothing more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ThreadSummary } from '../../../src/contract/index.ts';
import type { Database } from '../../../src/domain/database.ts';
import { LiveHub, type StoredEvent } from '../../../src/domain/live.ts';
import { openDatabase } from '../../../src/server/index.ts';
import { serverWithTokens, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let tokens: Record<string, string>;
/** The other process's connection: its own on PostgreSQL, the same database on PGlite. */
let otherDb: Database;
let otherHub: LiveHub;

before(async () => {
  ({ server, tokens } = await serverWithTokens({ listen: true }));
  otherDb = server.databaseUrl ? await openDatabase({ databaseUrl: server.databaseUrl }) : server.db;
  otherHub = new LiveHub(otherDb, server.community);
  await otherHub.start();
});
after(async () => {
  await otherHub.stop();
  if (otherDb !== server.db) await otherDb.close();
  await server.close();
});

async function post<T>(path: string, body: object = {}): Promise<T> {
  const response = await fetch(`${server.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.moderator}` }, body: JSON.stringify(body) });
  assert.ok(response.ok, `POST ${path}: HTTP ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 4000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const summaryOf = (stored: StoredEvent) => ({ type: stored.event.type, threadId: stored.event.threadId, categoryId: stored.event.categoryId });

describe('LiveHub.onEvent in another process', { timeout: 600_000 }, () => {
  it('hears every event the server wrote, with its type, thread and category as stored', async () => {
    const heard: StoredEvent[] = [];
    const stop = otherHub.onEvent((stored) => void heard.push(stored));
    try {
      const { threadId, categories } = server.fixtures;
      await post(`/threads/${threadId}/close`);
      await post(`/threads/${threadId}/move`, { categoryId: categories.network });
      await until(() => heard.length >= 3, 'three events');
      assert.deepEqual(heard.map(summaryOf), [
        { type: 'thread-updated', threadId, categoryId: categories.billing },
        { type: 'thread-updated', threadId, categoryId: categories.billing },
        { type: 'thread-updated', threadId, categoryId: categories.network },
      ]);
      assert.ok(heard.every((stored, index) => index === 0 || stored.id > heard[index - 1]!.id), 'in id order');
    } finally {
      stop();
    }
  });

  it('keeps streaming and telling the other listeners when a listener throws or rejects; an unsubscribed one hears nothing', async () => {
    const heard: StoredEvent[] = [];
    const dropped: StoredEvent[] = [];
    const stops = [
      otherHub.onEvent(() => {
        throw new Error('a broken cache');
      }),
      otherHub.onEvent(() => Promise.reject(new Error('a broken async cache'))),
      otherHub.onEvent((stored) => void heard.push(stored)),
    ];
    otherHub.onEvent((stored) => void dropped.push(stored))();
    // A guest reading the other process's hub: its frames go on while listeners fail.
    let frames = '';
    await otherHub.attach({ write: (chunk) => void (frames += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)), end: () => undefined, onClose: () => undefined }, { threadId: server.fixtures.threadId }, undefined, { role: 'guest' });
    try {
      const reopened = await post<ThreadSummary>(`/threads/${server.fixtures.threadId}/reopen`);
      await post(`/threads/${server.fixtures.threadId}/archive`);
      await until(() => heard.length >= 2, 'both events, past the failing listeners');
      await until(() => frames.includes('"status":"archived"'), 'the stream’s frames');
      assert.deepEqual(heard.map((stored) => stored.event.type === 'thread-updated' && stored.event.thread.status), [reopened.status, 'archived']);
      assert.equal(dropped.length, 0);
    } finally {
      for (const stop of stops) stop();
    }
  });
});
