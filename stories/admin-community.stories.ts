import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/admin-community/admin-community.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { adminTabStates } from './support/admin-tab.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Administration/Community settings',
  component: 'entraide-admin-community',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin-community></entraide-admin-community>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin } satisfies EntraideStoryParameters },
};

export default meta;
const states = adminTabStates('getAdminCommunity');

/** The community manager's settings: name, languages, signature, jargon list, collective-problem thresholds. */
export const Default: StoryObj = {};

/** Still loading. */
export const Loading = states.Loading;

/** Loading failed (500): the error offers a retry. */
export const LoadFails: StoryObj = { ...states.LoadFails, tags: ['expected-http-error'] };

/** A moderator: this tab is the admins'; no request is made. */
export const Refused = states.Refused;
