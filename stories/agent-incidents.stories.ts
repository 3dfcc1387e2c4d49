import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-incidents/agent-incidents.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { onDutyToday, outageAlert } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';
import { waitForDeep } from './support/play.ts';

const meta: Meta = {
  title: 'Advisor/Incidents',
  component: 'entraide-agent-incidents',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-incidents></entraide-agent-incidents>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, setup: outageAlert } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** Five members ask about the network within minutes: the alert to declare from, and the incident already declared. */
export const AlertAndIncident: Story = {};


/** No alert: only the demo's declared incident. */
export const NoAlert: Story = { parameters: entraide({ setup: ({ forum, demo }) => onDutyToday(forum, demo.categories) }) };

/** The declaration form opened from the alert: title, public banner, the other language optional. */
export const Declare: Story = {
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="declare"]')).click();
    await waitForDeep(canvasElement, '[part="declare-form"]');
  },
};

/** "Resolve" asks first, and says the public banner will come down. */
export const ResolveAsks: Story = {
  play: async ({ canvasElement }) => {
    (await waitForDeep<HTMLButtonElement>(canvasElement, '[part="resolve"]')).click();
    await waitForDeep(canvasElement, '[part="resolve-form"]');
  },
};

/** A moderator sees alerts and incidents without the advisors' actions. */
export const Moderator: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The incidents cannot be loaded: the error offers a retry. */
export const LoadFails: Story = { parameters: entraide({ mock: { failures: { listIncidents: 500 } } }), tags: ['expected-http-error'] };
