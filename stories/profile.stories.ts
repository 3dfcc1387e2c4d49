import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/profile/profile.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi, type StorySetupContext } from './support/mock-api.ts';

interface Args {
  /** Whose profile: a pseudonym of the demo community, or `newcomer` for a member who just joined. */
  who: string;
  /** Questions and answers per page. */
  pageSize: number;
}

/** The member's id: a demo member by pseudonym, or a newcomer written in SQL (nothing posted yet). */
async function memberId({ forum }: StorySetupContext, { who }: Args): Promise<number> {
  if (who !== 'newcomer') return (await forum.member(who)).id;
  const [row] = await forum.db.query<{ id: number }>(
    `insert into members (community_id, external_id, pseudonym, role) select id, 'story:newcomer', 'Nouvelle-venue', 'member' from communities order by id limit 1 returning id`,
  );
  return row!.id;
}

const meta: Meta<Args> = {
  title: 'Elements/Profile',
  component: 'entraide-profile',
  parameters: { entraide: { setup: (setup, args) => memberId(setup, args as unknown as Args) } satisfies EntraideStoryParameters },
  render: ({ pageSize }, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-profile member-id=${api.data} page-size=${pageSize}></entraide-profile>`);
  },
  args: { who: DEMO_PEOPLE.secondHelper, pageSize: 5 },
  argTypes: { who: { control: 'select', options: ['newcomer', ...Object.values(DEMO_PEOPLE)] } },
};

export default meta;
type Story = StoryObj<Args>;

/** A ranked member: the next status with the score and seniority still needed, and how points count. */
export const RankedWithProgress: Story = {};

/** The community's most credited member: the highest status, no next step. */
export const TopRank: Story = { args: { who: DEMO_PEOPLE.topHelper } };

/** Just joined: level 1, no question and no answer yet. */
export const Newcomer: Story = { args: { who: 'newcomer' } };

/** An advisor: role and team, no rank progress (statuses are the community's). */
export const Advisor: Story = { args: { who: DEMO_PEOPLE.technicalAdvisor } };

/** No member has this id. */
export const NotFound: Story = {
  render: (_args, { loaded }) => withSession(loaded.api as MockApi, html`<entraide-profile member-id="999999"></entraide-profile>`),
  tags: ['expected-http-error'],
};

/** The API answers 500: the error and a retry. */
export const ServerError: Story = { parameters: { entraide: { mock: { failures: { getMember: 500 } } } satisfies EntraideStoryParameters }, tags: ['expected-http-error'] };

/** While the API answers. */
export const Loading: Story = { parameters: { entraide: { mock: { latency: FOREVER } } satisfies EntraideStoryParameters } };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
