import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-notes.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { threadHistoryParameters, type AdvisorStoryArgs } from './support/advisor-history.ts';
import { withSession } from './support/context.ts';
import type { MockApi } from './support/mock-api.ts';
import { fillField, waitForDeep } from './support/play.ts';

const meta: Meta<AdvisorStoryArgs> = {
  title: 'Advisor/Advisor tools/Staff notes',
  component: 'entraide-advisor-notes',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-notes .thread=${api.data}></entraide-advisor-notes>`);
  },
  args: { thread: 'trace', history: 'notes' },
  argTypes: { history: { control: 'select', options: ['none', 'notes', 'xss'] } },
  parameters: threadHistoryParameters(DEMO_PEOPLE.technicalAdvisor),
};

export default meta;
type Story = StoryObj<AdvisorStoryArgs>;

/** Two staff notes (staff only: members never see them) and the form for a new one. */
export const Notes: Story = {};


/** No note yet. */
export const Empty: Story = { args: { history: 'none' } };

/** A note written as markup stays text. */
export const HostileNote: Story = { args: { history: 'xss' } };

/** A note typed and added: it joins the list and the field empties. */
export const AddNote: Story = {
  args: { history: 'none' },
  play: async ({ canvasElement }) => {
    fillField(await waitForDeep<HTMLTextAreaElement>(canvasElement, '#note-body'), 'Rappel prévu demain matin.');
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[data-action="add-note"]')).click();
    await waitForDeep(canvasElement, '[part="note"]');
  },
};

/** The server refuses the note: its reason is shown and the text stays in the field. */
export const AddFails: Story = {
  ...AddNote,
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, mock: { failures: { addStaffNote: 500 } } } },
  play: async ({ canvasElement }) => {
    fillField(await waitForDeep<HTMLTextAreaElement>(canvasElement, '#note-body'), 'Rappel prévu demain matin.');
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[data-action="add-note"]')).click();
    await waitForDeep(canvasElement, '[part="feedback"] .error');
  },
  tags: ['expected-http-error'],
};
