/** Posts of the demo community that the post's inner stories (actions, forms, history) work on. */
import type { Post, ThreadDetail } from '../../src/contract/models.ts';
import type { StorySetupContext } from './mock-api.ts';

/** The English thread's first reply by a member who did not ask: anyone but its author may report it. */
export function memberReply({ thread, posts }: ThreadDetail): Post {
  const reply = posts.find((post) => post.kind === 'reply' && post.author.role === 'member' && post.author.id !== thread.author.id);
  if (!reply) throw new Error('stories: no member reply in the English thread');
  return reply;
}

/** That reply as its author reads it: with its own state (`viewer.source`, the text to edit). */
export async function ownReply({ demo, reader, as }: StorySetupContext): Promise<Post> {
  const reply = memberReply(await reader.threads.get(demo.threads.english));
  return (await as(reply.author.pseudonym)).posts.get(reply.id);
}

/** That reply after its author edited it twice: staff can read its earlier texts. */
export async function editedReply(setup: StorySetupContext): Promise<Post> {
  const reply = await ownReply(setup);
  const author = await setup.as(reply.author.pseudonym);
  const first = reply.viewer?.source ?? '';
  await author.posts.edit(reply.id, { body: `${first}\n\nEdit: it also works on the 5G plan.` });
  await author.posts.edit(reply.id, { body: `${first}\n\nEdit: it also works on the 5G and fibre plans.` });
  return author.posts.get(reply.id);
}
