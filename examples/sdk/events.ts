/**
 * `client.events.subscribe`: live events over Server-Sent Events (one shared connection per
 * client, automatic reconnect with Last-Event-ID). Works in Node and in browsers.
 * Run: `npm start`, then `npx node examples/sdk/events.ts`.
 */
import type { LiveEvent } from '../../src/sdk/index.ts';
import { firstThread, guest, run, signIn } from './shared.ts';

await run(async () => {
  const { thread } = await firstThread();
  const received = new Promise<LiveEvent>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No live event within 10 s.')), 10_000);
    const unsubscribe = guest.events.subscribe({ threadId: thread.id }, (event) => {
      if (event.type !== 'post-created') return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
  // Give the stream a moment to connect, then write something it will see.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { client } = await signIn('advisor');
  await client.posts.reply(thread.id, { body: 'Hello everyone, we are looking into this.' });
  const event = await received;
  console.log(`live event: ${event.type} on thread ${event.threadId}`);
});
