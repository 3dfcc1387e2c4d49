/**
 * `client.drafts`, `client.qualityReview`, `client.handoffs`: an advisor checks a reply's wording
 * with a colleague before writing in public (study §44, §52), posts it crediting the colleague
 * as "assisted by" (§46), and a manager opens this month's quality-review sample (§11).
 * Run: `npm start`, then `npx node examples/sdk/review.ts`.
 */
import { firstThread, run, signIn, stamp } from './shared.ts';

await run(async () => {
  const { category } = await firstThread();
  const asker = await signIn('member', 1);
  const helper = await signIn('member', 0);
  const author = await signIn('advisor', 0);
  const colleague = await signIn('advisor', 1);
  const manager = await signIn('moderator');
  const { thread } = await asker.client.threads.create({ categoryId: category.id, title: `How do I activate my eSIM? ${stamp()}`, body: 'Hello, how do I activate it?' });
  const answer = await helper.client.posts.reply(thread.id, { body: 'Scan the QR code you received by e-mail.' });

  const draft = await author.client.drafts.create({ threadId: thread.id, body: `Hello everyone,\n@${asker.member.pseudonym}, I confirm what @${helper.member.pseudonym} said.`, citedPostIds: [answer.id] });
  await author.client.drafts.share(draft.id, [colleague.member.id]);
  await colleague.client.drafts.comment(draft.id, 'Clear and friendly.');
  await colleague.client.drafts.approve(draft.id);
  const { post } = await author.client.drafts.post(draft.id, { creditApprovers: true });
  const credited = post.confirmation?.assistedBy.map((advisor) => advisor.pseudonym).join(', ');
  console.log(`draft posted as post ${post.id}, assisted by ${credited}`);

  const sample = await manager.client.qualityReview.sample(post.createdAt.slice(0, 7));
  console.log(`review sample: ${sample.advisors.length} advisors, up to ${sample.perAdvisor} posts each`);
});
