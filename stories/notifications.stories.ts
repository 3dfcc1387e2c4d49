import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/notifications/notifications.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import type { EntraideStoryParameters, MockApi, StorySetupContext } from './support/mock-api.ts';

interface Args {
  /** Threads of the demo community an advisor asked the signed-in member to help on. */
  nudgedThreads: DemoThreadName[];
}

/**
 * Expert nudges the advisors made, written in SQL: the API's nudge checks the thread still waits
 * for the community and the member is among its suggested experts, which the story does not need.
 */
async function seed({ forum, demo }: StorySetupContext, { nudgedThreads }: Args): Promise<void> {
  const member = await forum.member(DEMO_PEOPLE.topHelper);
  const advisors = [await forum.member(DEMO_PEOPLE.technicalAdvisor), await forum.member(DEMO_PEOPLE.commercialAdvisor)];
  for (const [index, name] of nudgedThreads.entries()) {
    await forum.db.query(
      `insert into notifications (member_id, kind, thread_id, actor_id, created_at) values ($1, 'expert-nudge', $2, $3, now() - $4 * interval '1 minute')`,
      [member.id, demo.threads[name], advisors[index % 2]!.id, 20 * (nudgedThreads.length - index)],
    );
  }
}

const meta: Meta<Args> = {
  title: 'Elements/Notifications',
  component: 'entraide-notifications',
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper, setup: (setup, args) => seed(setup, args as unknown as Args) } satisfies EntraideStoryParameters },
  render: (_args, { loaded }) =>
    // The list opens below the button, aligned to its end, as in the forum header.
    withSession(loaded.api as MockApi, html`<div style="display: flex; justify-content: flex-end; min-height: 22rem"><entraide-notifications></entraide-notifications></div>`),
  args: { nudgedThreads: ['unanswered', 'english'] },
  argTypes: { nudgedThreads: { control: 'check', options: DEMO_THREAD_NAMES } },
};

export default meta;
type Story = StoryObj<Args>;

/** Two advisors asked the member to help: the button shows 2; opening the list marks them read. */
export const Unread: Story = {};

/** Nothing yet: the button without a count, and an empty list. */
export const Empty: Story = { args: { nudgedThreads: [] } };

/** Guests have no notifications: nothing renders. */
export const Guest: Story = { parameters: { entraide: { signedInAs: null } satisfies EntraideStoryParameters } };

/** English strings and dates. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
