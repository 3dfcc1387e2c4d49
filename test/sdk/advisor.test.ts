/** The SDK's advisor resources against the real server on a real port. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent } from '../../src/contract/index.ts';
import { createEntraideClient, EntraideError, type EntraideClient } from '../../src/sdk/index.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let guest: EntraideClient;
let member: EntraideClient;
let advisor: EntraideClient;

before(async () => {
  server = await createTestServer({ listen: true });
  const client = async (who: 'asker' | 'advisor') => {
    const token = await server.tokenFor(server.fixtures.members[who]);
    return createEntraideClient({ baseUrl: `${server.url}/api`, getToken: () => token });
  };
  guest = createEntraideClient({ baseUrl: `${server.url}/api` });
  member = await client('asker');
  advisor = await client('advisor');
});
after(() => server.close());

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SDK advisor resources', { timeout: 600_000 }, () => {
  it('marks a thread urgent and finds it first in the queue', async () => {
    const thread = await advisor.agent.markUrgent(server.fixtures.threadId);
    assert.equal(thread.holdback?.state, 'advisor-now');
    const queue = await advisor.agent.queue({ categoryId: server.fixtures.categories.billing });
    assert.deepEqual(queue.items.map((item) => [item.kind, item.thread.id]), [['advisor-now', server.fixtures.threadId]]);
  });

  it('gives experts and alerts to advisors', async () => {
    const experts = await advisor.agent.experts({ threadId: server.fixtures.threadId });
    assert.deepEqual([experts.categoryId, experts.items], [server.fixtures.categories.billing, []]);
    const alerts = await advisor.agent.alerts({ threshold: 2, windowMinutes: 60 });
    assert.deepEqual([alerts.threshold, alerts.windowMinutes, alerts.items], [2, 60, []]);
  });

  it('declares an incident, updates it, and shows the banner to guests', async () => {
    const created = await advisor.incidents.create({ title: 'Panne SMS', bannerText: 'Les SMS arrivent en retard.', threadIds: [server.fixtures.threadId] });
    const updated = await advisor.incidents.update(created.id, { text: 'Cause identifiée.', status: 'identified' });
    assert.equal(updated.status, 'identified');
    assert.deepEqual((await guest.incidents.list({ active: true })).items.map((incident) => incident.id), [created.id]);
    assert.equal((await guest.incidents.get(created.id)).updates.length, 1);
  });

  it('sends incident changes live to every page, even one following a single thread', async () => {
    const received: LiveEvent[] = [];
    const stop = guest.events.subscribe({ threadId: server.fixtures.threadId }, (event) => received.push(event));
    try {
      await waitFor(() => server.app.entraide.liveClients() === 1);
      const created = await advisor.incidents.create({ title: 'Panne data', bannerText: 'Internet mobile perturbé.', threadIds: [] });
      await waitFor(() => received.some((event) => event.type === 'incident-updated' && event.incident.id === created.id));
      const event = received.find((candidate) => candidate.type === 'incident-updated');
      assert.deepEqual(event?.type === 'incident-updated' && event.incident, { id: created.id, title: 'Panne data', bannerText: 'Internet mobile perturbé.', status: 'investigating', active: true });
    } finally {
      stop();
    }
  });

  it('gives metrics to advisors and a typed refusal to members', async () => {
    const metrics = await advisor.metrics.get({ categoryId: server.fixtures.categories.billing });
    assert.equal(metrics.threads, 1);
    await assert.rejects(member.metrics.get(), (error: unknown) => error instanceof EntraideError && error.status === 403 && error.code === 'forbidden');
  });
});
