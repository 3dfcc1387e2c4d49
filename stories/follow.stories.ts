import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/follow/follow.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import type { EntraideStoryParameters, MockApi } from './support/mock-api.ts';

interface Args {
  /** What is followed. */
  target: 'thread' | 'category';
}

const meta: Meta<Args> = {
  title: 'Elements/Follow',
  component: 'entraide-follow',
  parameters: { entraide: { signedInAs: DEMO_PEOPLE.secondHelper } satisfies EntraideStoryParameters },
  render: ({ target }, { loaded }) => {
    const api = loaded.api as MockApi;
    const id = target === 'thread' ? api.demo.threads.unanswered : api.demo.categories['assistance-technique']!;
    return withSession(api, html`<entraide-follow target=${target} target-id=${id}></entraide-follow>`);
  },
  args: { target: 'category' },
  argTypes: { target: { control: 'inline-radio', options: ['thread', 'category'] } },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** Neither followed nor muted: both buttons up. */
export const Neither: Story = {};

/** Following the category (written in SQL): "Follow" pressed. */
export const Following: Story = {
  parameters: mock({
    signedInAs: DEMO_PEOPLE.secondHelper,
    setup: async ({ forum, demo }) => {
      const member = await forum.member(DEMO_PEOPLE.secondHelper);
      await forum.db.query(`insert into follows (member_id, category_id, level, reason) values ($1, $2, 'following', 'chosen')`, [member.id, demo.categories['assistance-technique']]);
    },
  }),
};

/** A muted thread: "Mute" pressed, in English. */
export const MutedThread: Story = {
  args: { target: 'thread' },
  globals: { locale: 'en' },
  parameters: mock({
    signedInAs: DEMO_PEOPLE.secondHelper,
    setup: async ({ forum, demo }) => {
      const member = await forum.member(DEMO_PEOPLE.secondHelper);
      await forum.db.query(`insert into follows (member_id, thread_id, level, reason) values ($1, $2, 'muted', 'chosen')`, [member.id, demo.threads.unanswered]);
    },
  }),
};

/** Guests follow nothing: nothing renders. */
export const Guest: Story = { parameters: mock({ signedInAs: null }) };

/** The API refuses the change: the choice rolls back with a message (click a button). */
export const SaveError: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.secondHelper, mock: { failures: { followCategory: 500 } } }), tags: ['expected-http-error'] };
