import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/advisor-tools/advisor-tools.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { threadHistoryParameters, type AdvisorStoryArgs } from './support/advisor-history.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

type Args = AdvisorStoryArgs;

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
  parameters: threadHistoryParameters(),
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
