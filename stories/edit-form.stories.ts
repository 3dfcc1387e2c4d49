import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post-actions/edit-form.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';
import { fillField, waitForDeep } from './support/play.ts';
import { memberReply, ownReply } from './support/post-picks.ts';

interface Args {
  /** Staff editing someone else's post: a reason is asked for. */
  reasonRequired: boolean;
}

/** The reply's author, signed in to edit it. */
const author: EntraideStoryParameters['signedInAs'] = async ({ demo, reader }) => memberReply(await reader.threads.get(demo.threads.english)).author.pseudonym;

const meta: Meta<Args> = {
  title: 'Elements/Post/Edit form',
  component: 'entraide-edit-form',
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-edit-form .post=${api.data} ?reason-required=${args.reasonRequired}></entraide-edit-form>`);
  },
  args: { reasonRequired: false },
  parameters: { entraide: { signedInAs: author, setup: ownReply } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** Its author edits a reply in place: the text as written (Markdown), save or cancel. */
export const Author: Story = {};


/** A moderator edits someone else's reply: the reason is required and goes to the log and to the author. */
export const StaffWithReason: Story = { args: { reasonRequired: true }, parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator } } };

/** The text emptied: saving says why and keeps the form. */
export const TooShort: Story = {
  play: async ({ canvasElement }) => {
    fillField(await waitForDeep<HTMLTextAreaElement>(canvasElement, '#edit-body'), '');
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="save"]')).click();
    await waitForDeep(canvasElement, '#edit-error:not(:empty)');
  },
};

/** The server refuses the edit: the text stays as typed and the reason is shown. */
export const SaveFails: Story = {
  parameters: { entraide: { mock: { failures: { editPost: 500 } } } },
  play: async ({ canvasElement }) => {
    const field = await waitForDeep<HTMLTextAreaElement>(canvasElement, '#edit-body');
    fillField(field, `${field.value}\n\nEdit: also on the 5G plan.`);
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="save"]')).click();
    await waitForDeep(canvasElement, '#edit-error:not(:empty)');
  },
  tags: ['expected-http-error'],
};
