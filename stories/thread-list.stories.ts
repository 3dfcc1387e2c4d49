import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/thread-list/thread-list.ts';
import { DEMO_PEOPLE } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { addEmptyCategory } from './support/demo.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** A category's slug in the demo community (`assistance-technique`, `facturation`, `reseau`…). */
  category: string;
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Thread list',
  component: 'entraide-thread-list',
  render: ({ category, pageSize }, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-thread-list category-id=${api.demo.categories[category]!} page-size=${pageSize}></entraide-thread-list>`);
  },
  args: { category: 'assistance-technique', pageSize: 20 },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** A guest: the "New question" action asks to sign in. Solved, answered and closed chips. */
export const SignedOut: Story = {};

/** A signed-in member gets the "New question" link. */
export const Member: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.asker }) };

/** An advisor of the technical team. */
export const Advisor: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.technicalAdvisor }) };

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** A category nobody has posted in yet (added in SQL: every demo category has questions). */
export const Empty: Story = { args: { category: 'nouveautes' }, parameters: mock({ setup: ({ forum }) => addEmptyCategory(forum) }) };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { listThreads: 500 } } }), tags: ['expected-http-error'] };

/** The connection drops. */
export const NetworkError: Story = { parameters: mock({ mock: { failures: { listThreads: 'network' } } }), tags: ['expected-http-error'] };

/** The demo's technical help questions, ten per page, with "Load more". */
export const Paginated: Story = { args: { pageSize: 10 } };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page, signed in. */
export const Dark: Story = { parameters: mock({ signedInAs: DEMO_PEOPLE.asker }), globals: { theme: 'dark' } };

/**
 * "3 new": the member read the newest thread of the category before its last three posts (read
 * position written in SQL), and follows the category (the "Follow" button shows pressed).
 */
export const NewPostsMarker: Story = {
  parameters: mock({
    signedInAs: DEMO_PEOPLE.asker,
    setup: async ({ forum, demo }) => {
      const member = await forum.member(DEMO_PEOPLE.asker);
      const categoryId = demo.categories['assistance-technique']!;
      await forum.db.query(
        `insert into thread_reads (member_id, thread_id, last_read_post_id)
         select $1, t.id, (select p.id from posts p where p.thread_id = t.id and not p.hidden order by p.id desc offset 3 limit 1)
         from threads t where t.category_id = $2 and (select count(*) from posts p where p.thread_id = t.id) > 4 order by t.last_post_at desc limit 1`,
        [member.id, categoryId],
      );
      await forum.db.query(`insert into follows (member_id, category_id, level, reason) values ($1, $2, 'following', 'chosen')`, [member.id, categoryId]);
    },
  }),
};
