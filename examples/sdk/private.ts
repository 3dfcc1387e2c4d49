/**
 * `client.private`: a private conversation opened from a public question (study §17–18). The
 * thread always gets a public trace, and the outcome is posted publicly when it closes.
 * Run: `npm start`, then `npx node examples/sdk/private.ts`.
 */
import { firstThread, run, signIn, stamp } from './shared.ts';

await run(async () => {
  const { category } = await firstThread();
  const asker = await signIn('member', 1);
  const advisor = await signIn('advisor');
  const { thread } = await asker.client.threads.create({ categoryId: category.id, title: `Charged twice this month ${stamp()}`, body: 'Hello, my bill was taken twice.' });

  const opened = await advisor.client.private.open(thread.id, { message: 'Hello, I need your account number to check this.' });
  console.log(`public trace on the thread: ${opened.trace.bodyHtml.slice(0, 80)}…`);
  await asker.client.private.send(opened.conversation.id, 'It is 0612345678, thanks.');
  const mine = await asker.client.private.list({ status: 'open' });
  console.log(`${asker.member.pseudonym} has ${mine.items.length} open conversation(s)`);
  const closed = await advisor.client.private.close(opened.conversation.id, { outcome: 'The second payment was refunded.' });
  console.log(`private conversation ${closed.conversation.status}; outcome posted publicly as post ${closed.trace.id}`);
});
