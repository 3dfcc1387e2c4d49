import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post/post.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

/** Which post of the thread the story shows. */
type Which = 'question' | 'accepted' | 'advisor' | 'trace' | 'member-reply';

interface Args {
  /** Thread of the demo community the post is taken from (see stories/support/demo.ts). */
  thread: DemoThreadName;
  /** The question, the accepted answer, the first advisor post, the first public trace, or the first reply of a member who did not ask. */
  post: Which;
  /** The signed-in member already gave kudos to the post. */
  kudosGiven: boolean;
  /** The signed-in member already reported the post. */
  flagged: boolean;
}

function find({ thread, posts }: ThreadDetail, which: Which): Post | undefined {
  switch (which) {
    case 'question': return posts[0];
    case 'accepted': return posts.find((post) => post.id === thread.acceptedPostId);
    case 'advisor': return posts.find((post) => post.kind === 'reply' && post.author.role === 'advisor');
    case 'trace': return posts.find((post) => post.kind === 'trace');
    case 'member-reply': return posts.find((post) => post.kind === 'reply' && post.author.role === 'member' && post.author.id !== thread.author.id);
  }
}

/** The thread exactly as the mocked API returns it (server-rendered, sanitized HTML), read before the story's failures apply. */
function renderPost(api: MockApi, { post: which, kudosGiven, flagged }: Args) {
  const detail = api.data as ThreadDetail;
  const post = find(detail, which);
  if (!post) throw new Error(`stories: no ${which} post in thread ${detail.thread.id}`);
  return withSession(api, html`
    <entraide-post .post=${post} .thread=${detail.thread} .posts=${detail.posts} ?accepted=${post.id === detail.thread.acceptedPostId}
      ?kudos-given=${kudosGiven} ?flagged=${flagged}></entraide-post>
  `);
}

/** The author of the post a story shows, to sign in as them. */
const authorOf = (thread: DemoThreadName, which: Which): EntraideStoryParameters['signedInAs'] => async ({ demo, reader }) =>
  find(await reader.threads.get(demo.threads[thread]), which)!.author.pseudonym;

const meta: Meta<Args> = {
  title: 'Elements/Post',
  component: 'entraide-post',
  render: (args, { loaded }) => renderPost(loaded.api as MockApi, args),
  args: { thread: 'solved', post: 'accepted', kudosGiven: false, flagged: false },
  argTypes: {
    thread: { control: 'select', options: DEMO_THREAD_NAMES },
    post: { control: 'select', options: ['question', 'accepted', 'advisor', 'trace', 'member-reply'] },
  },
  parameters: { entraide: { setup: ({ demo, reader }, args) => reader.threads.get(demo.threads[(args as unknown as Args).thread]) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: EntraideStoryParameters['signedInAs'], extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });
const englishReply = { thread: 'english', post: 'member-reply' } as const;

/** A member's answer, accepted as the solution, read by a guest: kudos count and a sign-in action. */
export const MemberReply: Story = {};

/** The question that opens a thread. */
export const Question: Story = { args: { post: 'question' } };

/** An advisor confirms and credits a member's answer (shown as a community reply), links the FAQ and signs (study §18, §32). */
export const AdvisorConfirmation: Story = { args: { post: 'advisor' } };

/** A public trace: the advisor takes the request to private messages and says so in public (§17–18). */
export const PublicTrace: Story = { args: { thread: 'trace', post: 'trace' } };

/** An English thread's member reply. */
export const English: Story = { args: englishReply, globals: { locale: 'en' } };

/** Advisor styling on a dark page. */
export const AdvisorDark: Story = { args: { post: 'advisor' }, globals: { theme: 'dark' } };

/** A signed-in member on someone else's reply: kudos, quote, report, copy link. */
export const Member: Story = { args: englishReply, parameters: as(DEMO_PEOPLE.asker) };

/** The member already gave kudos (the toggle is pressed). */
export const KudosGiven: Story = { args: { ...englishReply, kudosGiven: true }, parameters: as(DEMO_PEOPLE.asker) };

/** The member already reported the post. */
export const Flagged: Story = { args: { ...englishReply, flagged: true }, parameters: as(DEMO_PEOPLE.asker) };

/** One's own post: the kudos count only, no report. */
export const OwnPost: Story = { args: englishReply, parameters: as(authorOf('english', 'member-reply')) };

/** The asker on a reply: "Accept as solution". */
export const AskerOnReply: Story = { args: englishReply, parameters: as(({ demo }) => demo.askers.english), globals: { locale: 'en' } };

/** The asker on the accepted solution: "Withdraw solution". */
export const AskerOnAccepted: Story = { parameters: as(({ demo }) => demo.askers.solved) };

/** An advisor may accept a solution for the asker. */
export const Advisor: Story = { args: englishReply, parameters: as(DEMO_PEOPLE.commercialAdvisor), globals: { locale: 'en' } };

/** Kudos fail on the server: the toggle rolls back and says so. */
export const KudosFailure: Story = {
  args: englishReply,
  parameters: as(DEMO_PEOPLE.asker, { mock: { failures: { giveKudos: 500 } } }),
  tags: ['expected-http-error'],
};
