import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/admin-community/admin-community.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Administration/Community settings',
  component: 'entraide-admin-community',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin-community></entraide-admin-community>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The community manager's settings: name, languages, signature, jargon list, collective-problem thresholds. */
export const Default: Story = {};


/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** Loading failed (500): the error offers a retry. */
export const LoadFails: Story = { parameters: entraide({ mock: { failures: { getAdminCommunity: 500 } } }), tags: ['expected-http-error'] };

/** A moderator: this tab is the admins'; no request is made. */
export const Refused: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };
