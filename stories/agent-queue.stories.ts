import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-queue/agent-queue.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { onDutyToday } from './support/demo.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

interface Args {
  /** Items per group and per "show more". */
  pageSize: number;
  /** Only the categories of the advisor's plan right now. */
  myCategories: boolean;
}

const meta: Meta<Args> = {
  title: 'Advisor/Queue',
  component: 'entraide-agent-queue',
  render: (args, { loaded }) => withSession(loaded.api as MockApi, html`
    <entraide-agent-queue page-size=${args.pageSize} ?my-categories=${args.myCategories}></entraide-agent-queue>
  `),
  args: { pageSize: 3, myCategories: false },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, setup: ({ forum, demo }) => onDutyToday(forum, demo.categories) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** All categories: every group shows with the count of the whole group and its own "show more". */
export const GroupsWithCounts: Story = {};

/** The overdue group's "show more" pressed once: its next page under the first, the other groups unchanged. */
export const NextPage: Story = {
  play: async ({ canvasElement }) => {
    const queue = canvasElement.querySelector('entraide-agent-queue')!;
    for (let tries = 0; tries < 200; tries += 1) {
      const more = queue.shadowRoot?.querySelector<HTMLButtonElement>('[data-kind="advisor-due"] [part="more"]');
      if (more) return more.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no "show more" in the overdue group');
  },
};

/** "My categories now": counts and pages of the plan's categories only. */
export const MyCategories: Story = { args: { myCategories: true } };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };
