import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-private.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { threadHistoryParameters, type AdvisorStoryArgs } from './support/advisor-history.ts';
import { withSession } from './support/context.ts';
import type { MockApi } from './support/mock-api.ts';

const meta: Meta<AdvisorStoryArgs> = {
  title: 'Advisor/Advisor tools/Private conversation',
  component: 'entraide-advisor-private',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-private .thread=${api.data}></entraide-advisor-private>`);
  },
  args: { thread: 'trace', history: 'private' },
  argTypes: { history: { control: 'select', options: ['none', 'private'] } },
  parameters: threadHistoryParameters(DEMO_PEOPLE.technicalAdvisor),
};

export default meta;
type Story = StoryObj<AdvisorStoryArgs>;

/** A conversation under way with the asker: its messages, the send form, "Close with outcome". */
export const UnderWay: Story = {};


/** No conversation yet: "Continue in private" opens one and leaves a public trace. */
export const NoneYet: Story = { args: { history: 'none' } };

/** A moderator: private conversations are the asker's and the advisors', so nothing shows. */
export const Moderator: Story = { parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator } } };

/** The conversations cannot be loaded: the error offers a retry. */
export const LoadFails: Story = { parameters: { entraide: { mock: { failures: { listPrivate: 500 } } } }, tags: ['expected-http-error'] };
