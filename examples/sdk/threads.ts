/**
 * `client.threads`: a page of a category, every thread with `iterate`, one thread with its
 * posts, and a new question. Run: `npm start`, then `npx node examples/sdk/threads.ts`.
 */
import { firstThread, guest, run, signIn, stamp } from './shared.ts';

await run(async () => {
  const { category } = await firstThread();
  const page = await guest.threads.list({ categoryId: category.id, limit: 5, filter: 'all', sort: 'newest' });
  for (const thread of page.items) console.log(`- [${thread.status}] ${thread.title} (${thread.replyCount} replies)`);

  // Cursor paging as an async iterator; breaking out stops fetching pages.
  let seen = 0;
  for await (const _thread of guest.threads.iterate({ categoryId: category.id, limit: 20 })) {
    seen += 1;
    if (seen === 60) break;
  }
  console.log(`iterated ${seen} threads of ${category.name}`);

  const { client } = await signIn('member', 1);
  const created = await client.threads.create({ categoryId: category.id, title: `Question from the SDK example ${stamp()}`, body: 'Hello everyone, how do I check my data usage?', locale: 'en' });
  const detail = await guest.threads.get(created.thread.id, { signal: AbortSignal.timeout(10_000) });
  console.log(`created thread ${detail.thread.id}: ${detail.posts.length} post, status ${detail.thread.status}`);
});
