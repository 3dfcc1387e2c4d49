import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/thread/thread.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { LONG_THREAD_ID, longThreadFixtures } from './support/fixtures.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** 1 solved (confirmation), 2 English, 3 public trace, 4 unanswered, 5 closed. */
  threadId: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Thread',
  component: 'entraide-thread',
  render: ({ threadId }, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-thread thread-id=${threadId}></entraide-thread>`),
  args: { threadId: 1 },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** A guest reads a solved thread: a member answered in minutes, an advisor confirmed and credited. */
export const SignedOut: Story = {};

/** A member can reply: the composer sits under the posts. */
export const Member: Story = { parameters: mock({ signedInAs: MEMBERS.pix37 }) };

/** An advisor on a thread where they left a public trace of a private exchange. */
export const Advisor: Story = { args: { threadId: 3 }, parameters: mock({ signedInAs: MEMBERS.lea }) };

/** A question nobody has answered yet. */
export const Unanswered: Story = { args: { threadId: 4 }, parameters: mock({ signedInAs: MEMBERS.sam }) };

/** A closed thread: no reply form, a notice instead. */
export const Closed: Story = { args: { threadId: 5 }, parameters: mock({ signedInAs: MEMBERS.rosier }) };

/** 150 replies from members taking turns. */
export const LongThread: Story = { args: { threadId: LONG_THREAD_ID }, parameters: mock({ mock: { fixtures: longThreadFixtures(150) }, signedInAs: MEMBERS.rosier }) };

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** A thread that does not exist (404): final, no retry. */
export const NotFound: Story = { args: { threadId: 999 }, tags: ['expected-http-error'] };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { getThread: 500 } } }), tags: ['expected-http-error'] };

/** The connection drops. */
export const NetworkError: Story = { parameters: mock({ mock: { failures: { getThread: 'network' } } }), tags: ['expected-http-error'] };

/** An English thread, read in English. */
export const English: Story = { args: { threadId: 2 }, globals: { locale: 'en' } };

/** On a dark page, signed in as the advisor. */
export const Dark: Story = { parameters: mock({ signedInAs: MEMBERS.lea }), globals: { theme: 'dark' } };
