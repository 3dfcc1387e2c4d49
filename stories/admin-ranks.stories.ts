import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/admin-ranks/admin-ranks.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Administration/Rank ladder',
  component: 'entraide-admin-ranks',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-admin-ranks></entraide-admin-ranks>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.admin } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** The community manager: the demo's ladder, its weights and how many members each level holds; edit it to see the preview. */
export const Default: Story = {};

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** Still loading. */
export const Loading: Story = { parameters: entraide({ mock: { latency: FOREVER } }) };

/** The ladder could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: entraide({ mock: { failures: { getRankLadder: 500 } } }),
  tags: ['expected-http-error'],
};

/** A moderator: the ladder is for admins; no request is made. */
export const Refused: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.moderator }) };

/** A guest is refused the same way. */
export const Guest: Story = { parameters: entraide({ signedInAs: null }) };

/** On a 360 px wide phone screen: each level is a card. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-admin-ranks></entraide-admin-ranks></div>`),
};
