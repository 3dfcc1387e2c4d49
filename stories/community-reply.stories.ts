import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/community-reply/community-reply.ts';
import type { Post, ThreadDetail } from '../src/contract/models.ts';
import type { DemoThreadName } from './support/demo.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the demo community: `solved` cites its accepted answer, `english` its first member reply. */
  thread: Extract<DemoThreadName, 'solved' | 'english'>;
  /** Show the answer's body (false: only the citation, as for a post not loaded yet). */
  known: boolean;
  accepted: boolean;
  confirmedBy: string;
  excerpt: boolean;
}

/** The cited answer: the accepted one, or else the first reply of a member who did not ask. */
function citedIn({ thread, posts }: ThreadDetail): Post {
  const accepted = posts.find((post) => post.id === thread.acceptedPostId);
  return accepted ?? posts.find((post) => post.kind === 'reply' && post.author.role === 'member' && post.author.id !== thread.author.id)!;
}

function renderReply(api: MockApi, { known, accepted, confirmedBy, excerpt }: Args) {
  const detail = api.data as ThreadDetail;
  const post = citedIn(detail);
  const author = { id: post.author.id, pseudonym: post.author.pseudonym };
  return html`<entraide-community-reply .post=${known ? post : null} .author=${author} post-id=${post.id} thread-id=${detail.thread.id}
    ?accepted=${accepted} confirmed-by=${confirmedBy} ?excerpt=${excerpt}></entraide-community-reply>`;
}

const meta: Meta<Args> = {
  title: 'Elements/Community reply',
  component: 'entraide-community-reply',
  render: (args, { loaded }) => renderReply(loaded.api as MockApi, args),
  args: { thread: 'solved', known: true, accepted: true, confirmedBy: 'Karim-Volta', excerpt: false },
  argTypes: { thread: { control: 'inline-radio', options: ['solved', 'english'] } },
  parameters: {
    entraide: { setup: ({ demo, reader }, args) => reader.threads.get(demo.threads[(args as unknown as Args).thread]) } satisfies EntraideStoryParameters,
  },
};

export default meta;
type Story = StoryObj<Args>;

/** A member's answer, accepted by the asker and confirmed by an advisor (study §32–33). */
export const AcceptedAndConfirmed: Story = {};

/** Confirmed only, its body cut to a few lines. */
export const ConfirmedExcerpt: Story = { args: { accepted: false, excerpt: true } };

/** The cited answer is not on the page: author and link only, nothing fetched. */
export const CitationOnly: Story = { args: { known: false, accepted: false } };

/** An English answer. */
export const English: Story = { args: { thread: 'english', accepted: false, confirmedBy: 'Julie-Volta' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
