import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post-actions/flag-form.ts';
import type { Post } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';
import { fillField, waitForDeep } from './support/play.ts';
import { memberReply } from './support/post-picks.ts';

const meta: Meta = {
  title: 'Elements/Post/Report form',
  component: 'entraide-flag-form',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-flag-form .postId=${(api.data as Post).id}></entraide-flag-form>`);
  },
  parameters: {
    entraide: { signedInAs: DEMO_PEOPLE.asker, setup: async ({ demo, reader }) => memberReply(await reader.threads.get(demo.threads.english)) } satisfies EntraideStoryParameters,
  },
};

export default meta;
type Story = StoryObj;

/** A member reports a reply: a reason (required) and an optional note; opened from the post's "Report". */
export const Reasons: Story = {};


/** A note pasted past its limit: kept as typed, the count says so and sending waits. */
export const NoteOverLimit: Story = {
  play: async ({ canvasElement }) => {
    fillField(await waitForDeep<HTMLTextAreaElement>(canvasElement, '#note'), 'Ce message renvoie vers un site de vente. '.repeat(30));
    await waitForDeep(canvasElement, '[part="limit"]');
  },
};

/** The server refuses the report: the form stays filled and says why. */
export const SendFails: Story = {
  parameters: { entraide: { mock: { failures: { flagPost: 500 } } } },
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLInputElement>(canvasElement, 'input[value="spam"]')).click();
    fillField(await waitForDeep<HTMLTextAreaElement>(canvasElement, '#note'), 'Publicité déguisée');
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="send"]')).click();
    await waitForDeep(canvasElement, 'p.error[role="alert"]');
  },
  tags: ['expected-http-error'],
};
