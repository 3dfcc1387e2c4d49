import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import '../src/components/admin-team/admin-team.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Administration/Team',
  component: 'entraide-admin-team',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin-team></entraide-admin-team>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The community manager: the admin, both advisors with their teams and categories of expertise, the moderator. */
export const Default: Story = {};

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The team could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { listTeam: 500 } } }),
  tags: ['expected-http-error'],
};

/** Nobody on the team (an answer the demo never gives: its admin is always listed). */
export const Empty: Story = { parameters: { msw: [http.get('/api/admin/team', () => HttpResponse.json({ items: [], teams: [] }))] } };

/** An advisor: the team's settings are for admins; no request is made. */
export const Refused: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.commercialAdvisor }) };

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-admin-team></entraide-admin-team></div>`),
};
