import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/thread/thread.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { addReplies, DEMO_THREAD_NAMES, type DemoThreadName } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** A thread of the demo community by what it shows (see stories/support/demo.ts); `missing` has no thread. */
  thread: DemoThreadName | 'missing';
}

const meta: Meta<Args> = {
  title: 'Elements/Thread',
  component: 'entraide-thread',
  render: ({ thread }, { loaded }) => {
    const api = loaded.api as MockApi;
    // No thread has this id: the demo community's ids stay far below.
    const threadId = thread === 'missing' ? 999_999 : api.demo.threads[thread];
    return withSession(api, html`<entraide-thread thread-id=${threadId}></entraide-thread>`);
  },
  args: { thread: 'solved' },
  argTypes: { thread: { control: 'select', options: [...DEMO_THREAD_NAMES, 'missing'] } },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** A guest reads a solved thread: a member's answer accepted, an advisor confirmed and credited it. */
export const SignedOut: Story = {};

/** A member can reply: the composer sits under the posts. */
export const Member: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.topHelper }) };

/** An advisor on a thread where an advisor left a public trace of a private exchange. */
export const Advisor: Story = { args: { thread: 'trace' }, parameters: mock({ signedInAs: DEMO_PEOPLE.technicalAdvisor }) };

/** A question nobody has answered yet. */
export const Unanswered: Story = { args: { thread: 'unanswered' }, parameters: mock({ signedInAs: DEMO_PEOPLE.englishMember }) };

/** A closed thread: no reply form, a notice instead. */
export const Closed: Story = { args: { thread: 'closed' }, parameters: mock({ signedInAs: DEMO_PEOPLE.secondHelper }) };

/** The demo's longest thread with 150 more replies from members taking turns (SQL), read page by page. */
export const LongThread: Story = {
  args: { thread: 'long' },
  parameters: mock({ setup: ({ forum, demo }) => addReplies(forum, demo.threads.long, 150), signedInAs: DEMO_PEOPLE.secondHelper }),
};

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** A thread that does not exist (404): final, no retry. */
export const NotFound: Story = { args: { thread: 'missing' }, tags: ['expected-http-error'] };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { getThread: 500 } } }), tags: ['expected-http-error'] };

/** The connection drops. */
export const NetworkError: Story = { parameters: mock({ mock: { failures: { getThread: 'network' } } }), tags: ['expected-http-error'] };

/** An English thread, read in English. */
export const English: Story = { args: { thread: 'english' }, globals: { locale: 'en' } };

/** On a dark page, signed in as an advisor. */
export const Dark: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.technicalAdvisor }), globals: { theme: 'dark' } };
