import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-metrics/agent-metrics.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Advisor workspace/Agent metrics',
  component: 'entraide-agent-metrics',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-metrics></entraide-agent-metrics>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;

/** The last 30 days of the mock community: who answers first, how fast, per category and advisor. */
export const LastThirtyDays: Story = {};

/** With the data tables shown, as a keyboard or screen-reader user may prefer. */
export const AsTables: Story = {
  play: async ({ canvasElement }) => {
    const metrics = canvasElement.querySelector('entraide-agent-metrics')!;
    await metrics.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    metrics.shadowRoot!.querySelector<HTMLButtonElement>('[part="table-toggle"]')?.click();
  },
};

/** In French. */
export const French: Story = { globals: { locale: 'fr' } };

/** Still loading. */
export const Loading: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, mock: { latency: FOREVER } } satisfies EntraideStoryParameters },
};

/** The metrics could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, mock: { failures: { getMetrics: 500 } } } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
};

/** A guest or member: the metrics are for staff, the server refuses. */
export const NotStaff: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.topHelper } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
};

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-agent-metrics></entraide-agent-metrics></div>`),
};
