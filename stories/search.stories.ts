import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/search/search.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** What is searched when the story opens (try "forfait", "4G", "voicemail"). */
  query: string;
  /** Empty searches everything; else a category's slug (`assistance-technique`, `facturation`, `reseau`…). */
  category: string;
  pageSize: number;
  /** Where FAQ cards link to; empty: they fire `entraide-faq-opened`. */
  faqHrefTemplate: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Search',
  component: 'entraide-search',
  render: ({ query, category, pageSize, faqHrefTemplate }, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-search query=${query} category-id=${category ? api.demo.categories[category]! : 0} page-size=${pageSize}
      faq-href-template=${faqHrefTemplate}></entraide-search>`);
  },
  args: { query: 'carte SIM', category: '', pageSize: 10, faqHrefTemplate: '' },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

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

/** A typo: nothing matches, and the community's closest word is offered ("forfiat" → "forfait"). */
export const DidYouMean: Story = { args: { query: 'forfiat' } };

/** The same suggestion in English. */
export const DidYouMeanEnglish: Story = { args: { query: 'voicemial' }, globals: { locale: 'en' } };

/** A synonym of the community's list at work: "roaming" finds the French article on "itinérance". */
export const Synonym: Story = { args: { query: 'roaming' } };

/** Scoped to one category: the ask action links to a new question there. */
export const EmptyInCategory: Story = { args: { query: 'zorglub', category: 'assistance-technique' } };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { searchForum: 500 } } }), tags: ['expected-http-error'] };

/** The demo community's many threads about the network, five per page, with "More results". */
export const MoreResults: Story = { args: { query: 'réseau', pageSize: 5 } };

/** In English. */
export const English: Story = { args: { query: 'voicemail' }, globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
