import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post/post.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the mock community the post is taken from. */
  threadId: number;
  /** Position of the post in that thread (0 = the question). */
  index: number;
  /** The signed-in member already gave kudos to the post. */
  kudosGiven: boolean;
  /** The signed-in member already reported the post. */
  flagged: boolean;
}

/** The thread exactly as the mocked API returns it (server-rendered, sanitized HTML). */
function threadOf(api: MockApi, threadId: number): ThreadDetail {
  return api.forum.store.getThread(threadId);
}

function renderPost(api: MockApi, { threadId, index, kudosGiven, flagged }: Args) {
  const { thread, posts } = threadOf(api, threadId);
  const post: Post | undefined = posts[index];
  if (!post) return html``;
  return withSession(api, html`
    <entraide-post .post=${post} .thread=${thread} .posts=${posts} ?accepted=${post.id === thread.acceptedPostId}
      ?kudos-given=${kudosGiven} ?flagged=${flagged}></entraide-post>
  `);
}

const meta: Meta<Args> = {
  title: 'Elements/Post',
  component: 'entraide-post',
  render: (args, { loaded }) => renderPost(loaded.api as MockApi, args),
  args: { threadId: 1, index: 1, kudosGiven: false, flagged: false },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: number, extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });

/** A member's answer, accepted as the solution, read by a guest: kudos count and a sign-in action. */
export const MemberReply: Story = {};

/** The question that opens a thread. */
export const Question: Story = { args: { threadId: 1, index: 0 } };

/** An advisor confirms and credits a member's answer (shown as a community reply), links the FAQ and signs (study §18, §32). */
export const AdvisorConfirmation: Story = { args: { threadId: 1, index: 2 } };

/** A public trace: the advisor takes the request to private messages and says so in public (§17–18). */
export const PublicTrace: Story = { args: { threadId: 3, index: 1 } };

/** An English thread with inline code. */
export const English: Story = { args: { threadId: 2, index: 1 }, globals: { locale: 'en' } };

/** Advisor styling on a dark page. */
export const AdvisorDark: Story = { args: { threadId: 1, index: 2 }, globals: { theme: 'dark' } };

/** A signed-in member on someone else's reply: kudos, quote, report, copy link. */
export const Member: Story = { args: { threadId: 2, index: 1 }, parameters: as(MEMBERS.pix37) };

/** The member already gave kudos (the toggle is pressed). */
export const KudosGiven: Story = { args: { threadId: 2, index: 1, kudosGiven: true }, parameters: as(MEMBERS.pix37) };

/** The member already reported the post. */
export const Flagged: Story = { args: { threadId: 2, index: 1, flagged: true }, parameters: as(MEMBERS.pix37) };

/** One's own post: the kudos count only, no report. */
export const OwnPost: Story = { args: { threadId: 2, index: 1 }, parameters: as(MEMBERS.rosier) };

/** The asker on a reply: "Accept as solution". */
export const AskerOnReply: Story = { args: { threadId: 2, index: 1 }, parameters: as(MEMBERS.sam), globals: { locale: 'en' } };

/** The asker on the accepted solution: "Withdraw solution". */
export const AskerOnAccepted: Story = { parameters: as(MEMBERS.nadia) };

/** An advisor may accept a solution for the asker. */
export const Advisor: Story = { args: { threadId: 2, index: 1 }, parameters: as(MEMBERS.lea), globals: { locale: 'en' } };

/** Kudos fail on the server: the toggle rolls back and says so. */
export const KudosFailure: Story = {
  args: { threadId: 2, index: 1 },
  parameters: as(MEMBERS.pix37, { mock: { failures: { giveKudos: 500 } } }),
  tags: ['expected-http-error'],
};
