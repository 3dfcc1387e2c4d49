import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-reviews/agent-reviews.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

/**
 * The demo community opens with a draft Karim (technical advisor) wrote and shared with Julie
 * (commercial advisor), with a comment: what a colleague finds in her reviews.
 */
const meta: Meta = {
  title: 'Advisor workspace/Agent reviews',
  component: 'entraide-agent-reviews',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-reviews></entraide-agent-reviews>`),
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.commercialAdvisor } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;
const entraide = (parameters: EntraideStoryParameters) => ({ entraide: parameters });

/** Julie (advisor) reviews the draft Karim shared with her: wording, citation, reviewers, a comment, the approval. */
export const Default: Story = {};

/** Julie already approved this wording: Karim can post it and credit her. */
export const Approved: Story = {
  parameters: entraide({
    setup: async ({ as }) => {
      const julie = await as(DEMO_PEOPLE.commercialAdvisor);
      const { items } = await julie.drafts.list({ scope: 'shared' });
      if (!items[0]) throw new Error('stories: the demo community shares no draft with Julie');
      await julie.drafts.approve(items[0].id);
    },
  }),
};

/** Nobody shared a draft with Julie (SQL: the demo's shares are taken back). */
export const Empty: Story = { parameters: entraide({ setup: async ({ forum }) => void (await forum.db.query('delete from review_draft_shares')) }) };

/** The drafts could not be loaded (500): the error offers a retry. */
export const LoadError: Story = {
  parameters: entraide({ mock: { failures: { listDrafts: 500 } } }),
  tags: ['expected-http-error'],
};

/** A member: colleague review is for advisors only. */
export const Member: Story = { parameters: entraide({ signedInAs: DEMO_PEOPLE.topHelper }) };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };
