/**
 * `client.moderation` with `posts.flag/hide/restore` and `threads.close/reopen`: a member flags
 * a post, a moderator reviews the queue, dismisses the flag, then closes and reopens the thread.
 * Run: `npm start`, then `npx node examples/sdk/moderation.ts`.
 */
import { firstThread, run, signIn, stamp } from './shared.ts';

await run(async () => {
  const { category } = await firstThread();
  const author = await signIn('member', 1);
  const flagger = await signIn('member', 0);
  const moderator = await signIn('moderator');
  const { thread, post } = await author.client.threads.create({ categoryId: category.id, title: `Best phone deals here ${stamp()}`, body: 'Visit my shop for cheap phones.' });

  const flag = await flagger.client.posts.flag(post.id, { reason: 'spam', note: 'Advertising.' });
  console.log(`flag weight ${flag.totalWeight}, hidden: ${flag.hidden}`);
  const queue = await moderator.client.moderation.queue();
  console.log(`moderation queue: ${queue.items.length} flagged post(s)`);
  const review = await moderator.client.posts.restore(post.id, { reason: 'A question about deals, not spam.' });
  console.log(`flags dismissed: ${review.resolvedFlags}`);
  const closed = await moderator.client.threads.close(thread.id, { reason: 'Off topic for this category.' });
  const reopened = await moderator.client.threads.reopen(thread.id);
  console.log(`thread ${closed.status}, then ${reopened.status}`);
});
