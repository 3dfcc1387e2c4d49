import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-quality/agent-quality.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

/** The month the demo's advisors replied most in (the demo data moves to the present when loaded). */
const monthOf = (loaded: Record<string, unknown>) => (loaded.api as MockApi).demo.busiestAdvisorMonth;

const meta: Meta = {
  title: 'Advisor workspace/Agent quality',
  component: 'entraide-agent-quality',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-quality month=${monthOf(loaded)}></entraide-agent-quality>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;

/** A manager (moderator) reviews the month's sample: advisors' replies with their rubric. */
export const Moderator: Story = {};

/** A rubric already filled in, saved: its average shows under the form. */
export const Scored: Story = {
  play: async ({ canvasElement }) => {
    const quality = canvasElement.querySelector('entraide-agent-quality')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const root = quality.shadowRoot!;
    for (const [criterion, score] of [['accuracy', 4], ['clarity', 3], ['tone', 4], ['involvement', 3]] as const) {
      root.querySelector<HTMLInputElement>(`input[name^="${criterion}-"][value="${score}"]`)?.click();
    }
    await quality.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="save"]')?.click();
  },
};

/** An advisor: the review is for managers only. */
export const Advisor: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor } satisfies EntraideStoryParameters },
};

/** A month without any advisor reply (long before the demo community opened). */
export const Empty: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-quality month="2000-01"></entraide-agent-quality>`),
};

/** In French. */
export const French: Story = { globals: { locale: 'fr' } };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** Still loading. */
export const Loading: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator, mock: { latency: FOREVER } } satisfies EntraideStoryParameters },
};

/** The sample could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator, mock: { failures: { getReviewSample: 500 } } } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
};

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-agent-quality month=${monthOf(loaded)}></entraide-agent-quality></div>`),
};
