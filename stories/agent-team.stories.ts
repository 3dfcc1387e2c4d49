import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-team/agent-team.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { onDutyToday } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Advisor workspace/Agent team',
  component: 'entraide-agent-team',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-team></entraide-agent-team>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, setup: ({ forum, demo }) => onDutyToday(forum, demo.categories) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** An advisor: who is on duty now, my categories now, and my weekly plan to edit. */
export const Advisor: Story = {};

/** A moderator sees the team on duty, without a plan of their own to edit. */
export const Moderator: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };

/** Nobody has a plan yet, nobody is on duty (SQL: the demo's plans taken away). */
export const Empty: Story = {
  parameters: entraide({ setup: async ({ forum }) => void (await forum.db.exec('delete from weekly_plan_slot_categories; delete from weekly_plan_slots;')) }),
};

/** In French. */
export const French: Story = { globals: { locale: 'fr' } };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** Who is on duty could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { getTeamNow: 500 } } }),
  tags: ['expected-http-error'],
};

/** A member: the team view is for staff. */
export const NotStaff: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.topHelper }) };

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-agent-team></entraide-agent-team></div>`),
};
