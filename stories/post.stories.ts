import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/post/post.ts';
import type { Post } from '../src/contract/models.ts';
import type { MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the mock community the post is taken from. */
  threadId: number;
  /** Position of the post in that thread (0 = the question). */
  index: number;
}

/** A post exactly as the mocked API returns it (server-rendered, sanitized HTML). */
function postOf(api: MockApi, { threadId, index }: Args): Post | null {
  return api.forum.store.getThread(threadId).posts[index] ?? null;
}

const meta: Meta<Args> = {
  title: 'Elements/Post',
  component: 'entraide-post',
  render: (args, { loaded }) => html`<entraide-post .post=${postOf(loaded.api as MockApi, args)}></entraide-post>`,
  args: { threadId: 1, index: 1 },
};

export default meta;
type Story = StoryObj<Args>;

/** A member's answer, a few minutes after the question (study §22–23). */
export const MemberReply: Story = {};

/** The question that opens a thread. */
export const Question: Story = { args: { threadId: 1, index: 0 } };

/** An advisor confirms and credits a member's answer, links the FAQ and signs (study §18, §32). */
export const AdvisorConfirmation: Story = { args: { threadId: 1, index: 2 } };

/** A public trace: the advisor takes the request to private messages and says so in public (§17–18). */
export const PublicTrace: Story = { args: { threadId: 3, index: 1 } };

/** An English thread with inline code. */
export const English: Story = { args: { threadId: 2, index: 1 }, globals: { locale: 'en' } };

/** Advisor styling on a dark page. */
export const AdvisorDark: Story = { args: { threadId: 1, index: 2 }, globals: { theme: 'dark' } };
