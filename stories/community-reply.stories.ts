import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/community-reply/community-reply.ts';
import type { MockApi } from './support/mock-api.ts';

interface Args {
  /** Thread of the mock community. */
  threadId: number;
  /** The cited answer's id in that thread. */
  postId: number;
  /** Show the answer's body (false: only the citation, as for a post not loaded yet). */
  known: boolean;
  accepted: boolean;
  confirmedBy: string;
  excerpt: boolean;
}

function renderReply(api: MockApi, { threadId, postId, known, accepted, confirmedBy, excerpt }: Args) {
  const post = api.forum.store.getThread(threadId).posts.find((p) => p.id === postId) ?? null;
  const author = post ? { id: post.author.id, pseudonym: post.author.pseudonym } : null;
  return html`<entraide-community-reply .post=${known ? post : null} .author=${author} post-id=${postId} thread-id=${threadId}
    ?accepted=${accepted} confirmed-by=${confirmedBy} ?excerpt=${excerpt}></entraide-community-reply>`;
}

const meta: Meta<Args> = {
  title: 'Elements/Community reply',
  component: 'entraide-community-reply',
  render: (args, { loaded }) => renderReply(loaded.api as MockApi, args),
  args: { threadId: 1, postId: 2, known: true, accepted: true, confirmedBy: 'Léa', excerpt: false },
};

export default meta;
type Story = StoryObj<Args>;

/** Pix37's answer, accepted by the asker and confirmed by an advisor (study §32–33). */
export const AcceptedAndConfirmed: Story = {};

/** Confirmed only, its body cut to a few lines. */
export const ConfirmedExcerpt: Story = { args: { accepted: false, excerpt: true } };

/** The cited answer is not on the page: author and link only, nothing fetched. */
export const CitationOnly: Story = { args: { known: false, accepted: false } };

/** An English answer. */
export const English: Story = { args: { threadId: 2, postId: 6, accepted: false, confirmedBy: 'Julie-Volta' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
