import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-audit.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { threadHistoryParameters, type AdvisorStoryArgs } from './support/advisor-history.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type MockApi } from './support/mock-api.ts';

const meta: Meta<AdvisorStoryArgs> = {
  title: 'Advisor/Advisor tools/Moderation log',
  component: 'entraide-advisor-audit',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-audit .thread=${api.data}></entraide-advisor-audit>`);
  },
  args: { thread: 'trace', history: 'audit' },
  argTypes: { thread: { control: 'inline-radio', options: ['trace', 'closed'] }, history: { control: 'select', options: ['none', 'audit', 'xss'] } },
  parameters: threadHistoryParameters(DEMO_PEOPLE.technicalAdvisor),
};

export default meta;
type Story = StoryObj<AdvisorStoryArgs>;

/** A close, a reopen and a move: who, what, when, why, before → after, newest first. */
export const Entries: Story = {};


/** A thread nobody moderated yet: the log says so. */
export const Empty: Story = { args: { history: 'none' } };

/** A reason written as markup stays text. */
export const HostileReason: Story = { args: { history: 'xss' } };

/** The log is still loading. */
export const Loading: Story = { parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, mock: { latency: FOREVER } } } };
