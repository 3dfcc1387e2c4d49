import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-flags.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { threadHistoryParameters, type AdvisorStoryArgs } from './support/advisor-history.ts';
import { withSession } from './support/context.ts';
import type { MockApi } from './support/mock-api.ts';
import { waitForDeep } from './support/play.ts';

const meta: Meta<AdvisorStoryArgs> = {
  title: 'Advisor/Advisor tools/Flagged posts',
  component: 'entraide-advisor-flags',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-flags .thread=${api.data}></entraide-advisor-flags>`);
  },
  args: { thread: 'trace', history: 'flags' },
  argTypes: { history: { control: 'select', options: ['none', 'flags', 'xss'] } },
  parameters: threadHistoryParameters(DEMO_PEOPLE.moderator),
};

export default meta;
type Story = StoryObj<AdvisorStoryArgs>;

/** A moderator reviews the thread's flagged post: who flagged it, why, with what weight; hide or dismiss. */
export const Flagged: Story = {};


/** No flag on the thread. */
export const NoFlags: Story = { args: { history: 'none' } };

/** A flag note written as markup stays text. */
export const HostileNote: Story = { args: { history: 'xss' } };

/** The post hidden after the confirmation: "Restore" is offered right away. */
export const Hidden: Story = {
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[data-action="hide"]')).click();
    const field = await waitForDeep<HTMLInputElement>(canvasElement, '#confirm-field');
    field.value = 'Publicité';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="confirm"]')).click();
    await waitForDeep(canvasElement, '[part="undo"]');
  },
};
