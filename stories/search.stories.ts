import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/search/search.ts';
import { defaultFixtures, MEMBERS, type Fixtures } from '../src/mocks/index.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** What is searched when the story opens (try "forfait", "4G", "voicemail"). */
  query: string;
  /** 0 searches everything; 1 plan activation, 2 billing, 3 technical help, 4 network. */
  categoryId: number;
  pageSize: number;
  /** Where FAQ cards link to; empty: they fire `entraide-faq-opened`. */
  faqHrefTemplate: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Search',
  component: 'entraide-search',
  render: ({ query, categoryId, pageSize, faqHrefTemplate }, { loaded }) =>
    withSession(loaded.api as MockApi, html`<entraide-search query=${query} category-id=${categoryId} page-size=${pageSize}
      faq-href-template=${faqHrefTemplate}></entraide-search>`),
  args: { query: 'carte SIM', categoryId: 0, pageSize: 10, faqHrefTemplate: '' },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** Twelve threads about the same trouble, five per page, for "More results". */
function busySearchFixtures(): Fixtures {
  const fixtures = defaultFixtures();
  for (let i = 0; i < 12; i += 1) {
    const createdAt = new Date(Date.UTC(2026, 9, 1, 9, i)).toISOString();
    fixtures.threads.push({ id: 200 + i, categoryId: 4, title: `Coupure réseau à Lyon (${i + 1})`, status: i % 3 ? 'open' : 'solved', locale: 'fr', posts: [{ id: 2000 + i, authorId: MEMBERS.sam, body: 'Plus de réseau depuis ce matin.', createdAt }] });
  }
  return fixtures;
}

/** An empty box, waiting for the reader. */
export const Idle: Story = { args: { query: '' } };

/** FAQ articles first, then threads with the matched words highlighted. */
export const Results: Story = {};

/** FAQ cards that link to the brand's help pages. */
export const LinkedFaq: Story = { args: { faqHrefTemplate: '/aide/{slug}' } };

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** Nothing matches: the reader is offered to ask the community. */
export const Empty: Story = { args: { query: 'zorglub' } };

/** Scoped to one category: the ask action links to a new question there. */
export const EmptyInCategory: Story = { args: { query: 'zorglub', categoryId: 3 } };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { searchForum: 500 } } }), tags: ['expected-http-error'] };

/** Twelve threads, five per page, with "More results". */
export const MoreResults: Story = { args: { query: 'réseau', pageSize: 5 }, parameters: mock({ mock: { fixtures: busySearchFixtures() } }) };

/** In English. */
export const English: Story = { args: { query: 'voicemail' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
