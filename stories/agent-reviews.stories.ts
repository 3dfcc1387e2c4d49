import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/agent-reviews/agent-reviews.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { createEntraideClient } from '../src/sdk/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

/** The SDK as one member of the story's mock community, to act before the element loads. */
const clientOf = (api: MockApi, memberId: number) => createEntraideClient({ baseUrl: '/api', token: api.forum.store.tokenFor(memberId) });

/**
 * Léa drafts a confirmation of Pix37's reply in thread 1 (the 4G one), shares it with Julie and
 * asks a question in a comment: what a colleague finds in her reviews. Runs after the loader
 * (the mock community is there) and before the element renders and loads.
 */
async function leaSharesADraft({ loaded }: StoryContext): Promise<number> {
  const lea = clientOf(loaded.api as MockApi, MEMBERS.lea);
  const draft = await lea.drafts.create({
    threadId: 1,
    body: 'Bonjour @Nadia_B,\nJe confirme ce qu’a dit @Pix37 : **réinitialisez les paramètres réseau** (Réglages > Réseau mobile).',
    citedPostIds: [2],
  });
  await lea.drafts.share(draft.id, [MEMBERS.julie]);
  await lea.drafts.comment(draft.id, 'Faut-il ajouter le lien vers la FAQ réseau ?');
  return draft.id;
}

const meta: Meta = {
  title: 'Advisor workspace/Agent reviews',
  component: 'entraide-agent-reviews',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-reviews></entraide-agent-reviews>`),
  parameters: { entraide: { signedInAs: MEMBERS.julie } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj;

/** `beforeEach` of a file's meta and of its stories both run: each story seeds for itself. */
const withSharedDraft = async (context: StoryContext): Promise<void> => {
  await leaSharesADraft(context);
};

/** Julie (advisor) reviews the draft Léa shared with her: wording, citation, reviewers, a comment, the approval. */
export const Default: Story = { beforeEach: withSharedDraft };

/** Julie already approved this wording: Léa can post it and credit her. */
export const Approved: Story = {
  beforeEach: async (context) => {
    const draftId = await leaSharesADraft(context);
    await clientOf(context.loaded.api as MockApi, MEMBERS.julie).drafts.approve(draftId);
  },
};

/** Nobody shared a draft with Julie. */
export const Empty: Story = {};

/** The drafts could not be loaded (500): the error offers a retry. */
export const LoadError: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.julie, mock: { failures: { listDrafts: 500 } } } satisfies EntraideStoryParameters },
  tags: ['expected-http-error'],
};

/** A member: colleague review is for advisors only. */
export const Member: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.pix37 } satisfies EntraideStoryParameters },
};

/** In English. */
export const English: Story = { globals: { locale: 'en' }, beforeEach: withSharedDraft };
