import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/thread-list/thread-list.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { busyCategoryFixtures } from './support/fixtures.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** 1 plan activation, 2 billing, 3 technical help, 4 network (empty). */
  categoryId: number;
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Thread list',
  component: 'entraide-thread-list',
  render: ({ categoryId, pageSize }, { loaded }) =>
    withSession(loaded.api as MockApi, html`<entraide-thread-list category-id=${categoryId} page-size=${pageSize}></entraide-thread-list>`),
  args: { categoryId: 3, pageSize: 20 },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** A guest: the "New question" action asks to sign in. Solved, answered and closed chips. */
export const SignedOut: Story = {};

/** A signed-in member gets the "New question" link. */
export const Member: Story = { parameters: mock({ signedInAs: MEMBERS.nadia }) };

/** An advisor of the technical team. */
export const Advisor: Story = { parameters: mock({ signedInAs: MEMBERS.lea }) };

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** A category nobody has posted in yet. */
export const Empty: Story = { args: { categoryId: 4 } };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { listThreads: 500 } } }), tags: ['expected-http-error'] };

/** The connection drops. */
export const NetworkError: Story = { parameters: mock({ mock: { failures: { listThreads: 'network' } } }), tags: ['expected-http-error'] };

/** Fifty questions, ten per page, with "Load more". */
export const Paginated: Story = { args: { categoryId: 3, pageSize: 10 }, parameters: mock({ mock: { fixtures: busyCategoryFixtures() } }) };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page, signed in. */
export const Dark: Story = { parameters: mock({ signedInAs: MEMBERS.nadia }), globals: { theme: 'dark' } };
