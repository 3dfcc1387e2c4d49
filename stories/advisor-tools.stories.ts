import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/components/advisor-tools/advisor-tools.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { createEntraideClient } from '../src/sdk/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

/** What happened on the thread before the story opens, done through the SDK like anyone would. */
type History = 'none' | 'private' | 'audit' | 'flags' | 'xss';

interface Args {
  /** Thread of the mock community (3: open, a billing question; 5: closed). */
  threadId: number;
  history: History;
}

const XSS = '<img src=x onerror="alert(1)"><script>alert(1)</script>';

async function prepare(api: MockApi, history: History, threadId: number): Promise<void> {
  const as = (memberId: number) => createEntraideClient({ baseUrl: '/api', token: api.forum.store.tokenFor(memberId), retry: false });
  const advisor = as(MEMBERS.lea);
  const moderator = as(MEMBERS.modo);
  if (history === 'private') {
    const { conversation } = await advisor.private.open(threadId, { message: 'Bonjour, pouvez-vous me donner la référence du prélèvement ?' });
    await as(MEMBERS.rosier).private.send(conversation.id, 'Oui : PRLV-2026-11-0042.');
  }
  if (history === 'audit') {
    await moderator.threads.close(threadId, { reason: 'Doublon de la discussion 4' });
    await moderator.threads.reopen(threadId, { reason: 'Pas un doublon finalement' });
    await advisor.threads.move(threadId, { categoryId: 1, reason: 'Question de facturation' });
  }
  if (history === 'flags' || history === 'xss') {
    await as(MEMBERS.sam).posts.flag(7, { reason: 'spam', note: history === 'xss' ? XSS : 'Publicité déguisée' });
  }
  if (history === 'xss') {
    await moderator.threads.close(threadId, { reason: XSS });
    await advisor.threads.addNote(threadId, `Note ${XSS}`);
  }
}

function renderTools(api: MockApi, { threadId, history }: Args) {
  const ready = prepare(api, history, threadId).then(() => html`<entraide-advisor-tools .thread=${api.forum.store.summary(threadId)}></entraide-advisor-tools>`);
  return withSession(api, html`${until(ready, html`<p role="status">…</p>`)}`);
}

const meta: Meta<Args> = {
  title: 'Advisor/Advisor tools',
  component: 'entraide-advisor-tools',
  render: (args, { loaded }) => renderTools(loaded.api as MockApi, args),
  args: { threadId: 3, history: 'none' },
  argTypes: { history: { control: 'select', options: ['none', 'private', 'audit', 'flags', 'xss'] } },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: number, extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });

/** An advisor on an open thread: moderation, hand-off, private handoff, notes, the log. */
export const AdvisorOpenThread: Story = { parameters: as(MEMBERS.lea) };

/** A closed thread: reopen and archive are offered, close is not. */
export const ClosedThread: Story = { args: { threadId: 5 }, parameters: as(MEMBERS.lea) };

/** A private conversation is under way: its messages, the send form and "Close with outcome". */
export const WithPrivateConversation: Story = { args: { history: 'private' }, parameters: as(MEMBERS.lea) };

/** The moderation log after a close, a reopen and a move: who, what, when, why, before → after. */
export const WithAuditEntries: Story = { args: { history: 'audit' }, parameters: as(MEMBERS.lea) };

/** A moderator reviews a flagged post; private conversations are not theirs to see. */
export const ModeratorWithFlags: Story = { args: { history: 'flags' }, parameters: as(MEMBERS.modo) };

/** Markup in reasons, flag notes and notes stays text (or is stripped by the server): nothing runs. */
export const HostileText: Story = { args: { history: 'xss' }, parameters: as(MEMBERS.lea) };

/** The server refuses closing and moving: its message is shown. */
export const Errors: Story = {
  parameters: as(MEMBERS.lea, { mock: { failures: { closeThread: 409, moveThread: 500, moderationQueue: 500 } } }),
  tags: ['expected-http-error'],
};

/** A plain member: the element renders nothing. */
export const PlainMember: Story = { parameters: as(MEMBERS.sam) };

/** In English, on a dark page. */
export const EnglishDark: Story = { args: { history: 'audit' }, parameters: as(MEMBERS.lea), globals: { locale: 'en', theme: 'dark' } };
