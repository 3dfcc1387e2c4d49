import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post/post.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import type { EntraideStoryParameters, MockApi, StorySetupContext } from './support/mock-api.ts';
import type { EntraideClient } from '../src/sdk/index.ts';
import { LIMITS } from '../src/core/index.ts';
import { fillField, waitForDeep } from './support/play.ts';

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

/** The English thread's member reply, as `pseudonym` reads it after `before` (the API's own `viewer` state included). */
const readAs = (pseudonym: string, before?: (client: EntraideClient, post: Post) => Promise<unknown>) =>
  async ({ demo, as: signIn }: StorySetupContext) => {
    const client = await signIn(pseudonym);
    const first = await client.threads.get(demo.threads.english);
    await before?.(client, find(first, 'member-reply')!);
    return client.threads.get(demo.threads.english);
  };

/** The reply's author edits it: the post says "edited", with the time, to everyone. */
const editedByAuthor = async (setup: StorySetupContext) => {
  const reader = await setup.reader.threads.get(setup.demo.threads.english);
  const post = find(reader, 'member-reply')!;
  await (await setup.as(post.author.pseudonym)).posts.edit(post.id, { body: 'Edited: turn data roaming on in **Settings › Mobile data**, then restart.' });
};

/** After a reload: the kudos the member gave and their report come back from the API, pressed. */
export const OwnStateAfterReload: Story = {
  args: englishReply,
  parameters: as(DEMO_PEOPLE.asker, {
    setup: readAs(DEMO_PEOPLE.asker, async (client, post) => {
      await client.posts.kudo(post.id);
      await client.posts.flag(post.id, { reason: 'off-topic' });
    }),
  }),
  globals: { locale: 'en' },
};

/** Its author edits their reply in place: the markdown they wrote, the count and the limit. */
export const EditForm: Story = {
  args: englishReply,
  parameters: {
    entraide: {
      signedInAs: async ({ demo, reader }) => find(await reader.threads.get(demo.threads.english), 'member-reply')!.author.pseudonym,
      setup: async (setup) => readAs(find(await setup.reader.threads.get(setup.demo.threads.english), 'member-reply')!.author.pseudonym)(setup),
    } satisfies EntraideStoryParameters,
  },
  play: ({ canvasElement }) => clickInActions(canvasElement, '[part="edit"]'),
};

/** An edited reply, as a guest reads it: the "edited" marker after the posted time. */
export const Edited: Story = {
  args: englishReply,
  parameters: { entraide: { setup: async (setup) => { await editedByAuthor(setup); return setup.reader.threads.get(setup.demo.threads.english); } } satisfies EntraideStoryParameters },
};

/** A moderator opens an edited reply's history: its earlier text, who replaced it and when. */
export const History: Story = {
  args: englishReply,
  parameters: as(DEMO_PEOPLE.moderator, { setup: async (setup) => { await editedByAuthor(setup); return readAs(DEMO_PEOPLE.moderator)(setup); } }),
  play: ({ canvasElement }) => clickInActions(canvasElement, '[part="history"]'),
};

/** A moderator edits a member's reply (study §11: personal data removed): the edit form asks for the reason, and a reason over its limit is kept, counted and refused. */
export const StaffEditForm: Story = {
  args: englishReply,
  parameters: as(DEMO_PEOPLE.moderator, { setup: readAs(DEMO_PEOPLE.moderator) }),
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await clickInActions(canvasElement, '[part="edit"]');
    const reason = await waitForDeep<HTMLInputElement>(canvasElement, '#edit-reason');
    fillField(reason, `Phone number removed from the reply. ${'The member had posted it in public. '.repeat(30)}`.slice(0, LIMITS.reasonMax + 40));
  },
};

/** A moderator edited a member's reply: its history shows who edited it and why. */
export const StaffEditHistory: Story = {
  args: englishReply,
  parameters: as(DEMO_PEOPLE.moderator, {
    setup: async (setup) => {
      const reader = await setup.reader.threads.get(setup.demo.threads.english);
      const post = find(reader, 'member-reply')!;
      await (await setup.as(DEMO_PEOPLE.moderator)).posts.edit(post.id, {
        body: 'Turn data roaming on in **Settings › Mobile data**, then restart. (Phone number removed by the moderators.)',
        reason: 'Personal data: the member’s phone number was visible to everyone.',
      });
      return readAs(DEMO_PEOPLE.moderator)(setup);
    },
  }),
  play: ({ canvasElement }) => clickInActions(canvasElement, '[part="history"]'),
};

/** An advisor takes the unanswered question into private: its asker reads the trace with a link to the conversation. */
export const TraceForItsAsker: Story = {
  args: { thread: 'unanswered', post: 'trace' },
  parameters: {
    entraide: {
      signedInAs: ({ demo }) => demo.askers.unanswered,
      setup: async ({ demo, as: signIn }) => {
        await (await signIn(DEMO_PEOPLE.technicalAdvisor)).private.open(demo.threads.unanswered, {});
        return (await signIn(demo.askers.unanswered)).threads.get(demo.threads.unanswered);
      },
    } satisfies EntraideStoryParameters,
  },
};

/** Clicks `selector` in the post's actions bar once it has rendered. */
async function clickInActions(canvas: HTMLElement, selector: string): Promise<void> {
  const post = canvas.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('entraide-post');
  await post?.updateComplete;
  for (let tries = 0; tries < 50; tries += 1) {
    const button = post?.shadowRoot?.querySelector('entraide-post-actions')?.shadowRoot?.querySelector<HTMLButtonElement>(selector);
    if (button) return button.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`stories: no ${selector} in the post's actions`);
}
