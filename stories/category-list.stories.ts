import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/category-list/category-list.ts';
import { withSession } from './support/context.ts';
import { emptyCommunity } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

const meta: Meta = {
  title: 'Elements/Category list',
  component: 'entraide-category-list',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-category-list></entraide-category-list>`),
};

export default meta;
type Story = StoryObj;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** The demo community's categories, with counts and last activity. */
export const Default: Story = {};

/** While the API answers (the mock never does here). */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** A brand-new community with no category yet. */
export const Empty: Story = { parameters: mock({ setup: ({ forum }) => emptyCommunity(forum) }) };

/** The API answers 500: the message offers a retry. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { getCommunity: 500 } } }), tags: ['expected-http-error'] };

/** The connection drops: a network message and a retry. */
export const NetworkError: Story = { parameters: mock({ mock: { failures: { getCommunity: 'network' } } }), tags: ['expected-http-error'] };

/** Category names and counts in English. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
