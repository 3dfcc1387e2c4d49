/** The moderation part of the SDK against the real server on a real port. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEntraideClient, EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const clients: Record<'asker' | 'other' | 'advisor' | 'moderator' | 'helper', EntraideClient> = {} as never;

before(async () => {
  server = await createTestServer({ listen: true });
  for (const name of ['asker', 'other', 'advisor', 'moderator', 'helper'] as const) {
    const token = await server.tokenFor(server.fixtures.members[name]);
    clients[name] = createEntraideClient({ baseUrl: `${server.url}/api`, getToken: () => token });
  }
});
after(() => server.close());

describe('SDK moderation', { timeout: 600_000 }, () => {
  it('closes, merges and follows the merged thread, reads the audit log', async () => {
    const { billing } = server.fixtures.categories;
    const { thread } = await clients.asker.threads.create({ categoryId: billing, title: 'Doublon de la question', body: 'Même question.' });
    const closed = await clients.moderator.threads.close(thread.id, { reason: 'Doublon' });
    assert.equal(closed.status, 'closed');
    const merged = await clients.advisor.threads.merge(thread.id, { intoThreadId: server.fixtures.threadId });
    assert.equal(merged.into.id, server.fixtures.threadId);
    const old = await clients.asker.threads.get(thread.id);
    assert.equal(old.thread.mergedIntoId, server.fixtures.threadId);
    const audit = await clients.moderator.audit.list({ targetType: 'thread', targetId: thread.id });
    assert.deepEqual(audit.items.map((e) => e.action), ['thread.merge', 'thread.close']);
    await assert.rejects(clients.asker.threads.archive(server.fixtures.threadId), (error) => error instanceof EntraideError && error.status === 403);
  });

  it('flags, lists the queue, hides and restores, grants', async () => {
    const reply = await clients.other.posts.reply(server.fixtures.threadId, { body: 'Réponse hors sujet' });
    const flagged = await clients.asker.posts.flag(reply.id, { reason: 'off-topic' });
    assert.equal(flagged.totalWeight, 1);
    const queue = await clients.advisor.moderation.queue();
    assert.equal(queue.items[0]?.post.id, reply.id);
    assert.equal((await clients.moderator.posts.hide(reply.id, { reason: 'Hors sujet' })).hidden, true);
    assert.equal((await clients.moderator.posts.restore(reply.id)).hidden, false);
    const grants = await clients.moderator.moderation.grant(server.fixtures.members.helper.id, 'review-flags');
    assert.deepEqual(grants.powers, ['review-flags']);
    assert.deepEqual((await clients.moderator.moderation.revoke(server.fixtures.members.helper.id, 'review-flags')).powers, []);
  });

  it('opens, uses and closes a private conversation', async () => {
    const { conversation, trace } = await clients.advisor.private.open(server.fixtures.threadId, { message: 'Votre numéro de ligne ?' });
    assert.equal(trace.kind, 'trace');
    await clients.asker.private.send(conversation.id, '06 00 00 00 00');
    assert.equal((await clients.asker.private.get(conversation.id)).messages.length, 2);
    assert.deepEqual((await clients.other.private.list()).items, []);
    await assert.rejects(clients.other.private.get(conversation.id), (error) => error instanceof EntraideError && error.status === 404);
    const closed = await clients.advisor.private.close(conversation.id, { outcome: 'Ligne réactivée.' });
    assert.equal(closed.conversation.status, 'closed');
  });
});
