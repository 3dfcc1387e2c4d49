import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-moderation.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { threadHistoryParameters, type AdvisorStoryArgs } from './support/advisor-history.ts';
import { withSession } from './support/context.ts';
import type { MockApi } from './support/mock-api.ts';
import { waitForDeep } from './support/play.ts';

const meta: Meta<AdvisorStoryArgs> = {
  title: 'Advisor/Advisor tools/Moderation',
  component: 'entraide-advisor-moderation',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-moderation .thread=${api.data}></entraide-advisor-moderation>`);
  },
  args: { thread: 'trace', history: 'none' },
  argTypes: { thread: { control: 'inline-radio', options: ['trace', 'closed'] } },
  parameters: threadHistoryParameters(DEMO_PEOPLE.technicalAdvisor),
};

export default meta;
type Story = StoryObj<AdvisorStoryArgs>;

/** An open thread: close, archive, move, merge into another thread, hand off to the back office. */
export const OpenThread: Story = {};

/** A closed thread: reopen and archive, not close. */
export const ClosedThread: Story = { args: { thread: 'closed' } };


/** A moderator: the same lifecycle, without the back-office hand-off. */
export const Moderator: Story = { parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator } } };

/** "Close" asks for a reason in a modal dialog (focus inside it, Escape cancels). */
export const CloseAsksWhy: Story = {
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[data-action="close"]')).click();
    await waitForDeep(canvasElement, 'dialog[open]');
  },
};

/** The server refuses the move: its reason is shown next to the tools. */
export const MoveRefused: Story = {
  parameters: { entraide: { mock: { failures: { moveThread: 409 } } } },
  play: async ({ canvasElement }) => {
    const select = await waitForDeep<HTMLSelectElement>(canvasElement, '#move-category option:nth-child(2)');
    const field = select.parentElement as HTMLSelectElement;
    field.value = select.value;
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[data-action="move"]')).click();
    const reason = await waitForDeep<HTMLInputElement>(canvasElement, '#confirm-field');
    reason.value = 'Question de forfait';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="confirm"]')).click();
    await waitForDeep(canvasElement, '[part="feedback"] .error');
  },
  tags: ['expected-http-error'],
};
