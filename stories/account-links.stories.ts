import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/account-links/account-links.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi, StorySetupContext } from './support/mock-api.ts';

interface Args {
  /** Unread notifications waiting for the signed-in member (replies on the demo's unanswered question). */
  unread: number;
}

/** Replies from other members on a thread the signed-in member follows, written in SQL, none read yet. */
async function seedUnread({ forum, demo }: StorySetupContext, { unread }: Args, pseudonym: string): Promise<void> {
  const member = await forum.member(pseudonym);
  const replier = await forum.member(pseudonym === DEMO_PEOPLE.asker ? DEMO_PEOPLE.secondHelper : DEMO_PEOPLE.asker);
  for (let index = 0; index < unread; index++) {
    await forum.db.query(
      `insert into notifications (member_id, kind, thread_id, actor_id, created_at) values ($1, 'reply', $2, $3, now() - $4 * interval '1 minute')`,
      [member.id, demo.threads.unanswered, replier.id, 10 * (unread - index)],
    );
  }
}

/** Who is signed in, with the story's unread notifications seeded for them. */
const signedIn = (pseudonym: string): { entraide: EntraideStoryParameters } => ({
  entraide: { signedInAs: pseudonym, setup: (setup, args) => seedUnread(setup, args as unknown as Args, pseudonym) },
});

const meta: Meta<Args> = {
  title: 'Elements/Account links',
  component: 'entraide-account-links',
  // The links are the forum header's own flex items (`display: contents`): a header-like row here.
  render: (_args, { loaded }) =>
    withSession(
      loaded.api as MockApi,
      html`<div style="display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.5rem 1rem; min-height: 22rem; align-content: flex-start"><entraide-account-links></entraide-account-links></div>`,
    ),
  args: { unread: 3 },
  argTypes: { unread: { control: { type: 'number', min: 0, max: 30 } } },
  parameters: signedIn(DEMO_PEOPLE.topHelper),
};

export default meta;
type Story = StoryObj<Args>;

/** A member: private messages, the bell with 3 unread, preferences. */
export const Member: Story = {};

/** A member with nothing unread: the bell shows no count. */
export const MemberNothingUnread: Story = { args: { unread: 0 } };

/** An advisor: the advisors' workspace link besides the member's links. */
export const Advisor: Story = { args: { unread: 12 }, parameters: signedIn(DEMO_PEOPLE.technicalAdvisor) };

/** An admin: the workspace and the administration links too. */
export const Admin: Story = { args: { unread: 1 }, parameters: signedIn(DEMO_PEOPLE.admin) };

/** Guests have no account links: nothing renders (the forum shows its sign-in button instead). */
export const Guest: Story = { parameters: { entraide: { signedInAs: null } satisfies EntraideStoryParameters } };

/** On a dark page. */
export const Dark: Story = { parameters: signedIn(DEMO_PEOPLE.admin), globals: { theme: 'dark' } };
