import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/admin-trusted/admin-trusted.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Administration/Trusted members',
  component: 'entraide-admin-trusted',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin-trusted></entraide-admin-trusted>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The community manager: the demo's trusted member who reviews flags, and the form to grant a power (type "mi" in the search). */
export const Default: Story = {};

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** Nobody holds a power yet (SQL: the demo's grant taken away). */
export const Empty: Story = {
  parameters: entraide({ setup: async ({ forum }) => void (await forum.db.exec('delete from moderation_grants;')) }),
};

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The list could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { listTrustedMembers: 500 } } }),
  tags: ['expected-http-error'],
};

/** A moderator: this view is for admins; no request is made. */
export const Refused: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-admin-trusted></entraide-admin-trusted></div>`),
};
