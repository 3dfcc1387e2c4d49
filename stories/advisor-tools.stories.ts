import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-tools.ts';
import type { ThreadSummary } from '../src/contract/models.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { DemoThreadName } from './support/demo.ts';
import type { EntraideStoryParameters, MockApi, StorySetupContext } from './support/mock-api.ts';

/** What happened on the thread before the story opens, done through the SDK like anyone would. */
type History = 'none' | 'private' | 'audit' | 'flags' | 'xss';

interface Args {
  /** Thread of the demo community (trace: an open billing question; closed: a closed one). */
  thread: Extract<DemoThreadName, 'trace' | 'closed'>;
  history: History;
}

const XSS = '<img src=x onerror="alert(1)"><script>alert(1)</script>';

/** Writes the story's history, then reads the thread as it stands (before any latency or failure). */
async function prepare({ demo, as }: StorySetupContext, { history, thread }: Args): Promise<ThreadSummary> {
  const threadId = demo.threads[thread];
  const advisor = await as(DEMO_PEOPLE.technicalAdvisor);
  const moderator = await as(DEMO_PEOPLE.moderator);
  if (history === 'private') {
    const { conversation } = await advisor.private.open(threadId, { message: 'Bonjour, pouvez-vous me donner la référence du prélèvement ?' });
    await (await as(demo.askers[thread])).private.send(conversation.id, 'Oui : PRLV-2026-11-0042.');
  }
  if (history === 'audit') {
    await moderator.threads.close(threadId, { reason: 'Doublon d’une autre discussion' });
    await moderator.threads.reopen(threadId, { reason: 'Pas un doublon finalement' });
    await advisor.threads.move(threadId, { categoryId: demo.categories['activation-forfait']!, reason: 'Question de forfait' });
  }
  if (history === 'flags' || history === 'xss') {
    const { posts } = await advisor.threads.get(threadId);
    const reply = posts.find((post) => post.kind === 'reply')!;
    await (await as(DEMO_PEOPLE.englishMember)).posts.flag(reply.id, { reason: 'spam', note: history === 'xss' ? XSS : 'Publicité déguisée' });
  }
  if (history === 'xss') {
    await moderator.threads.close(threadId, { reason: XSS });
    await advisor.threads.addNote(threadId, `Note ${XSS}`);
  }
  return (await advisor.threads.get(threadId)).thread;
}

const meta: Meta<Args> = {
  title: 'Advisor/Advisor tools',
  component: 'entraide-advisor-tools',
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-advisor-tools .thread=${api.data}></entraide-advisor-tools>`);
  },
  args: { thread: 'trace', history: 'none' },
  argTypes: {
    thread: { control: 'inline-radio', options: ['trace', 'closed'] },
    history: { control: 'select', options: ['none', 'private', 'audit', 'flags', 'xss'] },
  },
  parameters: { entraide: { setup: (setup, args) => prepare(setup, args as unknown as Args) } satisfies EntraideStoryParameters },
};

export default meta;
type Story = StoryObj<Args>;
const as = (signedInAs: string, extra: EntraideStoryParameters = {}) => ({ entraide: { signedInAs, ...extra } });

/** An advisor on an open thread: moderation, hand-off, private handoff, notes, the log. */
export const AdvisorOpenThread: Story = { parameters: as(DEMO_PEOPLE.technicalAdvisor) };

/** A closed thread: reopen and archive are offered, close is not. */
export const ClosedThread: Story = { args: { thread: 'closed' }, parameters: as(DEMO_PEOPLE.technicalAdvisor) };

/** A private conversation is under way: its messages, the send form and "Close with outcome". */
export const WithPrivateConversation: Story = { args: { history: 'private' }, parameters: as(DEMO_PEOPLE.technicalAdvisor) };

/** The moderation log after a close, a reopen and a move: who, what, when, why, before → after. */
export const WithAuditEntries: Story = { args: { history: 'audit' }, parameters: as(DEMO_PEOPLE.technicalAdvisor) };

/** A moderator reviews a flagged post; private conversations are not theirs to see. */
export const ModeratorWithFlags: Story = { args: { history: 'flags' }, parameters: as(DEMO_PEOPLE.moderator) };

/** Markup in reasons, flag notes and notes stays text (or is stripped by the server): nothing runs. */
export const HostileText: Story = { args: { history: 'xss' }, parameters: as(DEMO_PEOPLE.technicalAdvisor) };

/** The server refuses closing and moving: its message is shown. */
export const Errors: Story = {
  parameters: as(DEMO_PEOPLE.technicalAdvisor, { mock: { failures: { closeThread: 409, moveThread: 500, moderationQueue: 500 } } }),
  tags: ['expected-http-error'],
};

/** A plain member: the element renders nothing. */
export const PlainMember: Story = { parameters: as(DEMO_PEOPLE.englishMember) };

/** In English, on a dark page. */
export const EnglishDark: Story = { args: { history: 'audit' }, parameters: as(DEMO_PEOPLE.technicalAdvisor), globals: { locale: 'en', theme: 'dark' } };

/** The log in French: each action and change as a sentence (« Statut passé de « fermée » à « répondue ». », categories by name). */
export const AuditInFrench: Story = { args: { history: 'audit' }, parameters: as(DEMO_PEOPLE.technicalAdvisor), globals: { locale: 'fr' } };

/** Failures as sentences in the staff's language (never the server's developer text as the message). */
export const ErrorsInFrench: Story = {
  parameters: as(DEMO_PEOPLE.technicalAdvisor, { mock: { failures: { closeThread: 409, moveThread: 500, moderationQueue: 500 } } }),
  tags: ['expected-http-error'],
  globals: { locale: 'fr' },
};
