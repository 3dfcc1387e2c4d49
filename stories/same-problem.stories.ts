import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/same-problem/same-problem.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the mock community (1: 4 members have the problem). */
  threadId: number;
  /** The signed-in member already said they have the same problem. */
  marked: boolean;
}

function renderSameProblem(api: MockApi, { threadId, marked }: Args) {
  const { thread } = api.forum.store.getThread(threadId);
  return withSession(api, html`
    <entraide-same-problem thread-id=${thread.id} count=${thread.sameProblemCount} asker-id=${thread.author.id} status=${thread.status}
      ?marked=${marked}></entraide-same-problem>
  `);
}

const meta: Meta<Args> = {
  title: 'Elements/Same problem',
  component: 'entraide-same-problem',
  render: (args, { loaded }) => renderSameProblem(loaded.api as MockApi, args),
  args: { threadId: 1, marked: false },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: number, extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });

/** A member with the same problem can say so instead of asking again (study §16). */
export const Member: Story = { parameters: as(MEMBERS.sam) };

/** Already marked: the toggle is pressed. */
export const Marked: Story = { args: { marked: true }, parameters: as(MEMBERS.sam) };

/** The asker sees how many others have the problem. */
export const Asker: Story = { parameters: as(MEMBERS.nadia) };

/** A guest is offered to sign in. */
export const SignedOut: Story = {};

/** The server fails: the count rolls back and an error is shown. */
export const Failure: Story = { parameters: as(MEMBERS.sam, { mock: { failures: { markSameProblem: 500 } } }), tags: ['expected-http-error'] };

/** In English, on a dark page. */
export const EnglishDark: Story = { parameters: as(MEMBERS.sam), globals: { locale: 'en', theme: 'dark' } };
