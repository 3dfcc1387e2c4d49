/**
 * `client.posts`: reply, edit your own post, give kudos, and the asker accepting the solution.
 * Run: `npm start`, then `npx node examples/sdk/posts.ts`.
 */
import { firstThread, run, signIn, stamp } from './shared.ts';

await run(async () => {
  const { category } = await firstThread();
  const asker = await signIn('member', 1);
  const helper = await signIn('member', 0);
  const { thread } = await asker.client.threads.create({ categoryId: category.id, title: `Voicemail after a number transfer ${stamp()}`, body: 'Hi all, callers get "number unavailable".' });

  const reply = await helper.client.posts.reply(thread.id, { body: 'Hello, call 888 once to activate voicemail again.' });
  // Authors may fix their own post while the thread is open; `editedAt` shows it was changed.
  const edited = await helper.client.posts.edit(reply.id, { body: 'Hello, call **888** once from your phone to activate voicemail again.' });
  console.log(`edited at ${edited.editedAt}: ${edited.bodyHtml}`);

  const kudos = await asker.client.posts.kudo(reply.id);
  const solved = await asker.client.threads.acceptSolution(thread.id, reply.id);
  console.log(`kudos: ${kudos.kudosCount}, thread ${solved.thread.status}, solution ${solved.thread.acceptedPostId === reply.id ? 'accepted' : 'missing'}`);
});
