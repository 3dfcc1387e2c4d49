/**
 * The SDK's live stream after signing in (issue 15): a stream a page opened as a guest is
 * reopened with the member's token at the next subscription (the bell's), so their own
 * notifications arrive live. Real server (PGlite), real HTTP.
 */
import { after, before, describe, it } from 'node:test';
import { createEntraideClient, type LiveEvent } from '../../src/sdk/index.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
before(async () => {
  server = await createTestServer({ listen: true });
});
after(() => server.close());

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 8000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the live stream after signing in', { timeout: 120_000 }, () => {
  it('reopens as the member, so that their notifications arrive live', async () => {
    const { asker, helper } = server.fixtures.members;
    const page = createEntraideClient({ baseUrl: `${server.url}/api`, retry: false });
    const publicEvents: LiveEvent[] = [];
    const stopThread = page.events.subscribe({}, (event) => publicEvents.push(event));
    const askerClient = createEntraideClient({ baseUrl: `${server.url}/api`, token: await server.tokenFor(asker), retry: false });
    const { thread } = await askerClient.threads.create({ categoryId: server.fixtures.categories.network, title: 'Flux ouvert avant la connexion', body: 'Bonjour, une idée ?' });
    await until(() => publicEvents.some((e) => e.type === 'thread-created' && e.threadId === thread.id), 'the guest stream');

    // The page signs in as the asker; the bell subscribes.
    page.setToken(await server.tokenFor(asker));
    const mine: LiveEvent[] = [];
    const stopBell = page.events.subscribe({}, (event) => mine.push(event), { notificationsOnly: true });
    try {
      const helperClient = createEntraideClient({ baseUrl: `${server.url}/api`, token: await server.tokenFor(helper), retry: false });
      const reply = await helperClient.posts.reply(thread.id, { body: 'Redémarrez la box, cela suffit souvent.' });
      await until(() => mine.some((e) => e.type === 'notification' && e.notification?.postId === reply.id), 'the asker’s notification');
    } finally {
      stopBell();
      stopThread();
    }
  });
});
