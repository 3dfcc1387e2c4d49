/**
 * The team metrics view's strings, kept out of the read path's translation tables.
 * Parameterised strings are functions; numbers arrive already formatted through Intl.
 */
import type { Locale } from '../../core/index.ts';

export interface AgentMetricsStrings {
  heading: string;
  periodLabel: string;
  lastDays: (days: number) => string;
  categoryLabel: string;
  allCategories: string;
  showTables: string;
  hideTables: string;
  tablesLabel: string;
  loading: string;
  empty: string;
  noData: string;
  community: string;
  advisors: string;
  threads: string;
  solved: string;
  solvedRate: string;
  firstAnswersTitle: string;
  solutionsTitle: string;
  medianTitle: string;
  categoriesTitle: string;
  advisorsTitle: string;
  shareSummary: (title: string, community: string, advisors: string) => string;
  medianSummary: (community: string, advisors: string) => string;
  categoriesSummary: (rows: string[]) => string;
  advisorsSummary: (rows: string[]) => string;
  categoryRow: (name: string, share: string) => string;
  advisorRow: (name: string, posts: string, assisted: string) => string;
  measure: string;
  category: string;
  advisor: string;
  posts: string;
  accepted: string;
  assisted: string;
  communityFirst: string;
  advisorFirst: string;
  communityShare: string;
  communityShareOfFirst: string;
  communityShareOfSolutions: string;
}

const fr: AgentMetricsStrings = {
  heading: 'Indicateurs de la communauté',
  periodLabel: 'Période',
  lastDays: (days) => `${days} derniers jours`,
  categoryLabel: 'Rubrique',
  allCategories: 'Toutes les rubriques',
  showTables: 'Afficher en tableaux',
  hideTables: 'Masquer les tableaux',
  tablesLabel: 'Les indicateurs en tableaux',
  loading: 'Chargement des indicateurs…',
  empty: 'Aucune question sur cette période.',
  noData: 'sans donnée',
  community: 'Communauté',
  advisors: 'Conseillers',
  threads: 'Questions',
  solved: 'Résolues',
  solvedRate: 'Taux de résolution',
  firstAnswersTitle: 'Premières réponses',
  solutionsTitle: 'Solutions acceptées',
  medianTitle: 'Délai médian de première réponse',
  categoriesTitle: 'Part de la communauté par rubrique',
  advisorsTitle: 'Messages par conseiller',
  shareSummary: (title, community, advisors) => `${title} : communauté ${community}, conseillers ${advisors}.`,
  medianSummary: (community, advisors) => `Délai médian de première réponse : communauté ${community}, conseillers ${advisors}.`,
  categoriesSummary: (rows) => `Part des premières réponses données par la communauté : ${rows.join(' ; ')}.`,
  advisorsSummary: (rows) => `Messages par conseiller : ${rows.join(' ; ')}.`,
  categoryRow: (name, share) => `${name} ${share}`,
  advisorRow: (name, posts, assisted) => `${name} ${posts} messages, ${assisted} fois en appui`,
  measure: 'Mesure',
  category: 'Rubrique',
  advisor: 'Conseiller',
  posts: 'Messages',
  accepted: 'Solutions acceptées',
  assisted: 'En appui (« avec l’aide de »)',
  communityFirst: 'Premières réponses communauté',
  advisorFirst: 'Premières réponses conseillers',
  communityShare: 'Part communauté',
  communityShareOfFirst: 'Premières réponses par la communauté',
  communityShareOfSolutions: 'Solutions venues de la communauté',
};

const en: AgentMetricsStrings = {
  heading: 'Community metrics',
  periodLabel: 'Period',
  lastDays: (days) => `Last ${days} days`,
  categoryLabel: 'Category',
  allCategories: 'All categories',
  showTables: 'Show as tables',
  hideTables: 'Hide tables',
  tablesLabel: 'The metrics as tables',
  loading: 'Loading metrics…',
  empty: 'No question in this period.',
  noData: 'no data',
  community: 'Community',
  advisors: 'Advisors',
  threads: 'Questions',
  solved: 'Solved',
  solvedRate: 'Solved rate',
  firstAnswersTitle: 'First answers',
  solutionsTitle: 'Accepted solutions',
  medianTitle: 'Median time to first answer',
  categoriesTitle: 'Community share by category',
  advisorsTitle: 'Posts per advisor',
  shareSummary: (title, community, advisors) => `${title}: community ${community}, advisors ${advisors}.`,
  medianSummary: (community, advisors) => `Median time to first answer: community ${community}, advisors ${advisors}.`,
  categoriesSummary: (rows) => `Share of first answers given by the community: ${rows.join('; ')}.`,
  advisorsSummary: (rows) => `Posts per advisor: ${rows.join('; ')}.`,
  categoryRow: (name, share) => `${name} ${share}`,
  advisorRow: (name, posts, assisted) => `${name} ${posts} posts, assisted ${assisted} times`,
  measure: 'Measure',
  category: 'Category',
  advisor: 'Advisor',
  posts: 'Posts',
  accepted: 'Accepted solutions',
  assisted: 'Assisted ("assisted by")',
  communityFirst: 'First answers by the community',
  advisorFirst: 'First answers by advisors',
  communityShare: 'Community share',
  communityShareOfFirst: 'First answers by the community',
  communityShareOfSolutions: 'Solutions from the community',
};

export const agentMetricsStrings: Record<Locale, AgentMetricsStrings> = { fr, en };
