import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/faq-article/faq-article.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi, type StorySetupContext } from './support/mock-api.ts';

interface Args {
  /** A slug of the demo FAQ (activer-ma-carte-sim, comprendre-ma-facture, messagerie-vocale…); empty: one an advisor linked in a solved thread. */
  slug: string;
}

/** The slug to show: the one given, else the first article a solved thread's visible post links. */
async function slugOf({ forum }: StorySetupContext, { slug }: Args): Promise<string> {
  if (slug) return slug;
  const [row] = await forum.db.query<{ slug: string }>(
    `select a.slug from faq_articles a where exists (select 1 from post_faq_links l join posts p on p.id = l.post_id join threads t on t.id = p.thread_id
       where l.article_id = a.id and t.status = 'solved' and not p.hidden) order by a.slug limit 1`,
  );
  return row!.slug;
}

/** An article no thread links and no solved title matches, written in SQL. */
async function lonelyArticle({ forum }: StorySetupContext): Promise<string> {
  await forum.db.query(
    `insert into faq_articles (community_id, slug, locale, title, summary, body_md, body_html)
     select id, 'carte-cadeau', 'fr', 'Offrir une carte cadeau Volta', 'Une carte prépayée à offrir.', 'En boutique ou en ligne.', '<p>En boutique ou en ligne.</p>' from communities order by id limit 1`,
  );
  return 'carte-cadeau';
}

const meta: Meta<Args> = {
  title: 'Elements/FAQ article',
  component: 'entraide-faq-article',
  parameters: { entraide: { setup: (setup, args) => slugOf(setup, args as unknown as Args) } satisfies EntraideStoryParameters },
  render: (_args, { loaded }) => {
    const api = loaded.api as MockApi;
    return withSession(api, html`<entraide-faq-article slug=${api.data}></entraide-faq-article>`);
  },
  args: { slug: '' },
};

export default meta;
type Story = StoryObj<Args>;

/** The article, then the solved threads linking it first and those matching its title. */
export const WithRelatedThreads: Story = {};

/** No solved thread relates to it yet. */
export const WithoutRelatedThreads: Story = { parameters: { entraide: { setup: (setup) => lonelyArticle(setup) } satisfies EntraideStoryParameters } };

/** No article has this slug. */
export const NotFound: Story = { args: { slug: 'nexiste-pas' }, tags: ['expected-http-error'] };

/** The API answers 500: the error and a retry. */
export const ServerError: Story = { parameters: { entraide: { mock: { failures: { listFaqRelated: 500 } } } satisfies EntraideStoryParameters }, tags: ['expected-http-error'] };

/** While the API answers. */
export const Loading: Story = { parameters: { entraide: { mock: { latency: FOREVER } } satisfies EntraideStoryParameters } };

/** In English (the article's English version). */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
