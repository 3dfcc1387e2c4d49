import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import '../src/components/agent-team/agent-team.ts';
import type { TeamNow, WeeklyPlan } from '../src/contract/areas/workspace.ts';
import { MEMBERS } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

/** Monday 11:00 in Paris: Léa on activation and billing, Julie on activation. */
const TEAM_NOW: TeamNow = {
  at: '2026-11-23T10:00:00.000Z', timeZone: 'Europe/Paris', weekday: 0, minute: 660,
  categories: [
    { categoryId: 1, advisors: [{ id: MEMBERS.lea, pseudonym: 'Léa' }, { id: MEMBERS.julie, pseudonym: 'Julie-Volta' }] },
    { categoryId: 2, advisors: [{ id: MEMBERS.lea, pseudonym: 'Léa' }] },
    { categoryId: 3, advisors: [] },
  ],
  myCategoryIds: [1, 2],
};

/** Léa's week: mornings on activation and billing, Friday afternoon on activation. */
const LEA_SLOTS: WeeklyPlan['slots'] = [
  { weekday: 0, startMinute: 540, endMinute: 780, categoryIds: [1, 2] },
  { weekday: 2, startMinute: 540, endMinute: 780, categoryIds: [1, 2] },
  { weekday: 4, startMinute: 840, endMinute: 1080, categoryIds: [1] },
];

/** The mocks start with no plan: these answers give the story a week to look at (saving still goes to the mocks). */
const aWeek = [
  http.get('/api/agent/team/now', () => HttpResponse.json(TEAM_NOW)),
  http.get('/api/agent/plan', () => HttpResponse.json({ advisor: { id: MEMBERS.lea }, timeZone: 'Europe/Paris', slots: LEA_SLOTS, categoryIdsNow: [1, 2] })),
];

const meta: Meta = {
  title: 'Advisor workspace/Agent team',
  component: 'entraide-agent-team',
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-agent-team></entraide-agent-team>`),
  parameters: { entraide: { signedInAs: MEMBERS.lea } satisfies EntraideStoryParameters, msw: aWeek },
};

export default meta;
type Story = StoryObj;

/** An advisor: who is on duty now, my categories now, and my weekly plan to edit. */
export const Advisor: Story = {};

/** A moderator sees the team on duty, without a plan of their own to edit. */
export const Moderator: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.modo } satisfies EntraideStoryParameters },
};

/** The mock community as it starts: nobody has a plan yet, nobody is on duty. */
export const Empty: Story = { parameters: { msw: [] } };

/** In French. */
export const French: Story = { globals: { locale: 'fr' } };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** Still loading. */
export const Loading: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.lea, mock: { latency: FOREVER } } satisfies EntraideStoryParameters, msw: [] },
};

/** Who is on duty could not be loaded (500): the error offers a retry. */
export const LoadFails: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.lea, mock: { failures: { getTeamNow: 500 } } } satisfies EntraideStoryParameters, msw: [] },
  tags: ['expected-http-error'],
};

/** A member: the team view is for staff. */
export const NotStaff: Story = {
  parameters: { entraide: { signedInAs: MEMBERS.pix37 } satisfies EntraideStoryParameters },
};

/** On a 360 px wide phone screen. */
export const Phone: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<div style="max-width: 360px"><entraide-agent-team></entraide-agent-team></div>`),
};
