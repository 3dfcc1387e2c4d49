import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/faq-link/faq-link.ts';
import { withSession } from './support/context.ts';
import { FOREVER, type EntraideStoryParameters, type MockApi } from './support/mock-api.ts';

interface Args {
  /** A slug of the demo FAQ: activer-ma-carte-sim, comprendre-ma-facture, messagerie-vocale, code-rio… */
  slug: string;
  /** Where the card links to; empty: the forum's FAQ page (`#/faq/<slug>`). It fires `entraide-faq-opened` either way. */
  hrefTemplate: string;
}

const meta: Meta<Args> = {
  title: 'Elements/FAQ link',
  component: 'entraide-faq-link',
  render: ({ slug, hrefTemplate }, { loaded }) =>
    withSession(loaded.api as MockApi, html`<entraide-faq-link slug=${slug} href-template=${hrefTemplate}></entraide-faq-link>`),
  args: { slug: 'activer-ma-carte-sim', hrefTemplate: '' },
};

export default meta;
type Story = StoryObj<Args>;
const mock = (entraide: EntraideStoryParameters) => ({ entraide });

/** Loaded from its slug, in the reader's language; it opens the forum's FAQ page (and fires `entraide-faq-opened`). */
export const FromSlug: Story = {};

/** A link to the brand's help page. */
export const Linked: Story = { args: { hrefTemplate: '/aide/{slug}' } };

/** An article given whole (no request), as search results do. */
export const GivenArticle: Story = {
  render: (_args, { loaded }) =>
    withSession(loaded.api as MockApi, html`<entraide-faq-link .article=${{ slug: 'comprendre-ma-facture', title: 'Comprendre ma facture', summary: 'Facture plus élevée que prévu ce mois-ci ?', categoryId: 2 }}></entraide-faq-link>`),
};

/** While the API answers. */
export const Loading: Story = { parameters: mock({ mock: { latency: FOREVER } }) };

/** The API answers 500. */
export const ServerError: Story = { parameters: mock({ mock: { failures: { getFaqArticle: 500 } } }), tags: ['expected-http-error'] };

/** No article has this slug. */
export const Unknown: Story = { args: { slug: 'nexiste-pas' }, tags: ['expected-http-error'] };

/** In English. */
export const English: Story = { globals: { locale: 'en' } };

/** On a dark page. */
export const Dark: Story = { globals: { theme: 'dark' } };
