/**
 * Demo FAQ: one article per topic slug, in French and English, so every
 * https://volta.example/faq/<slug> link in the seeded answers has its article (study §11, §20).
 * Bodies reuse the members' answers of the topic: in the study, the FAQ and the community say
 * the same things. `on conflict do nothing`: another seed step may have written a slug first.
 */
import { renderMarkdown } from '../markdown.ts';
import type { Locale } from '../../core/index.ts';
import type { Queryable } from '../database.ts';
import { AMOUNTS, COUNTRIES, FAQ_BASE, OPERATORS, PHONES, PLANS, type Topic } from './content.ts';
import { COMMERCIAL_TOPICS } from './topics-commercial.ts';
import { TECHNICAL_TOPICS } from './topics-technical.ts';

const INTRO: Record<Locale, string> = {
  fr: 'Les réponses les plus utiles de la communauté, vérifiées par nos conseillers.',
  en: 'The most useful answers from the community, checked by our advisors.',
};

/** A reply's greeting ("Bonjour @{asker},", "Hi @{asker},") speaks to one asker: an article speaks to every reader. */
const GREETING = /^(?:bonjour|salut|hello|hi|hey)\s+@\{asker\}\s*[,.!]?\s*/i;

/** A member's answer as article text: no greeting, no @mention of the asker, every `{value}` filled in. */
export function faqText(text: string, locale: Locale, slug: string): string {
  const values: Record<string, string> = {
    phone: PHONES[0], plan: PLANS[0], plan2: PLANS[1], amount: AMOUNTS[0], operator: OPERATORS[0],
    country: COUNTRIES[0]?.[locale] ?? '', days: '3', city: 'Lyon', region: 'Rhône', faq: FAQ_BASE + slug,
  };
  const filled = text
    .replace(GREETING, '')
    .replace(/@\{asker\}[,.]?\s*/g, '')
    .replace(/\{(\w+)\}/g, (_match, key: string) => values[key] ?? '')
    .replace(/[ \t]+([,.])/g, '$1')
    .trim();
  return filled.charAt(0).toLocaleUpperCase(locale) + filled.slice(1);
}

export interface FaqSeedArticle {
  slug: string;
  locale: Locale;
  category: string;
  title: string;
  summary: string;
  bodyMd: string;
}

/** The articles, unique by (slug, locale): the first topic naming a slug writes it. */
export function planFaqArticles(topics: readonly Topic[] = [...COMMERCIAL_TOPICS, ...TECHNICAL_TOPICS]): FaqSeedArticle[] {
  const seen = new Set<string>();
  const articles: FaqSeedArticle[] = [];
  for (const topic of topics) {
    for (const locale of ['fr', 'en'] as const) {
      const key = `${locale}/${topic.faq}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = topic[locale];
      const answers = text.answers.map((answer) => faqText(answer, locale, topic.faq));
      const summary = faqText(text.titles[0] ?? text.faqTitle, locale, topic.faq);
      articles.push({ slug: topic.faq, locale, category: topic.category, title: text.faqTitle, summary, bodyMd: [INTRO[locale], ...answers].join('\n\n') });
    }
  }
  return articles;
}

/** Writes the demo articles inside the seed's transaction; returns how many were new. */
export async function seedFaq(tx: Queryable, communityId: number): Promise<number> {
  const articles = planFaqArticles();
  const params: unknown[] = [communityId];
  const tuples = articles.map((article) => {
    params.push(article.category, article.slug, article.locale, article.title, article.summary, article.bodyMd, renderMarkdown(article.bodyMd));
    const n = params.length;
    return `($1::int, (select id from categories where community_id = $1 and slug = $${n - 6}::text), $${n - 5}::text, $${n - 4}::text,
      $${n - 3}::text, $${n - 2}::text, $${n - 1}::text, $${n}::text)`;
  });
  const rows = await tx.query(
    `insert into faq_articles (community_id, category_id, slug, locale, title, summary, body_md, body_html)
     values ${tuples.join(', ')} on conflict (community_id, locale, slug) do nothing returning id`,
    params,
  );
  return rows.length;
}
