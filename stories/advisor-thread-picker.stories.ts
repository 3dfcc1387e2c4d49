import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-thread-picker.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';
import { fillField, waitForDeep } from './support/play.ts';

interface Args {
  /** The search field's label. */
  label: string;
}

const meta: Meta<Args> = {
  title: 'Advisor/Advisor tools/Thread picker',
  component: 'entraide-advisor-thread-picker',
  render: (args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-thread-picker label=${args.label} exclude-id=${api.data}></entraide-advisor-thread-picker>`);
  },
  args: { label: 'Fusionner dans la discussion' },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.technicalAdvisor, setup: async ({ demo }) => demo.threads.trace } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;

/** The empty field, with its hint. */
export const Empty: Story = {};

/** "réseau" typed: the matching threads as a listbox (arrows and Enter pick one). */
export const Candidates: Story = {
  play: async ({ canvasElement }) => {
    fillField(await waitForDeep<HTMLInputElement>(canvasElement, '#picker-input'), 'réseau');
    await waitForDeep(canvasElement, '[part="option"]');
  },
};

