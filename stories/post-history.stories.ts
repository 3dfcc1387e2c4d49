import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post-actions/history.ts';
import type { Post } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';
import { editedReply } from './support/post-picks.ts';

const meta: Meta = {
  title: 'Elements/Post/Edit history',
  component: 'entraide-post-history',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-post-history .postId=${(api.data as Post).id}></entraide-post-history>`);
  },
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.moderator, setup: editedReply } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;

/** Staff read a reply's earlier texts, newest first, each with when it was replaced. */
export const Revisions: Story = {};


/** Still loading. */
export const Loading: Story = { parameters: { entraide: { mock: { latency: FOREVER } } } };

/** The history cannot be loaded: the error offers a retry. */
export const LoadFails: Story = { parameters: { entraide: { mock: { failures: { listPostRevisions: 500 } } } }, tags: ['expected-http-error'] };
