import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/same-problem/same-problem.ts';
import type { ThreadDetail } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

interface Args {
  /** The signed-in member already said they have the same problem. */
  marked: boolean;
}

/** The demo's unsolved thread with the most "same problem" marks, read before the story's failures apply. */
function renderSameProblem(api: MockApi, { marked }: Args) {
  const { thread } = api.data as ThreadDetail;
  return withSession(api, html`
    <entraide-same-problem thread-id=${thread.id} count=${thread.sameProblemCount} asker-id=${thread.author.id} status=${thread.status}
      ?marked=${marked}></entraide-same-problem>
  `);
}

const meta: Meta<Args> = {
  title: 'Elements/Same problem',
  component: 'entraide-same-problem',
  render: (args, { loaded }) => renderSameProblem(loaded.api as MockApi, args),
  args: { marked: false },
  parameters: { entraide: { setup: ({ demo, reader }) => reader.threads.get(demo.threads.sameProblem) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: EntraideStoryParameters['signedInAs'], extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });

/** A member with the same problem can say so instead of asking again (study §16). */
export const Member: Story = { parameters: as(DEMO_PEOPLE.englishMember) };

/** Already marked: the toggle is pressed. */
export const Marked: Story = { args: { marked: true }, parameters: as(DEMO_PEOPLE.englishMember) };

/** The asker sees how many others have the problem. */
export const Asker: Story = { parameters: as(({ demo }) => demo.askers.sameProblem) };

/** A guest is offered to sign in. */
export const SignedOut: Story = {};

/** The server fails: the count rolls back and an error is shown. */
export const Failure: Story = { parameters: as(DEMO_PEOPLE.englishMember, { mock: { failures: { markSameProblem: 500 } } }), tags: ['expected-http-error'] };

/** In English, on a dark page. */
export const EnglishDark: Story = { parameters: as(DEMO_PEOPLE.englishMember), globals: { locale: 'en', theme: 'dark' } };
